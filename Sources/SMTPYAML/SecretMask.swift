import Foundation

/// The one rule for hiding secrets (every `password` and every `${env:…}` value): each secret, and its base64
/// form (AUTH LOGIN sends a password as a base64 line of its own), is replaced by `******` wherever it appears.
///
/// It lives here, below the scenario compiler, the runner and the reports, because diagnostics are rendered here
/// too: the plan, the transcript, the results, diagnostics and every report format apply this same mask before
/// anything is shown.
public struct SecretMask: Sendable, Hashable {
    /// What a secret is shown as.
    public static let placeholder = "******"

    /// The texts to hide, longest first, so that a secret containing another is masked whole.
    public let secrets: [String]

    /// Creates a mask; empty strings are ignored.
    public init(_ secrets: some Sequence<String>) {
        let values = secrets.filter { !$0.isEmpty }
        let encoded = values.map { Data($0.utf8).base64EncodedString() }
        self.secrets = Array(Set(values + encoded)).sorted { ($0.count, $0) > ($1.count, $1) }
    }

    /// Whether there is nothing to mask.
    public var isEmpty: Bool { secrets.isEmpty }

    /// `text` with every secret replaced by `******`.
    public func apply(_ text: String) -> String {
        guard !secrets.isEmpty else { return text }
        var result = text
        for secret in secrets where result.contains(secret) {
            result = result.replacingOccurrences(of: secret, with: Self.placeholder)
        }
        return result
    }

    /// This mask and `other` together.
    public func merging(_ other: SecretMask) -> SecretMask {
        SecretMask(secrets + other.secrets)
    }

    /// A line with every secret replaced by `******`, and a caret (0-based scalar column and span) moved to where
    /// it falls on the masked line: text after a secret moves with it, and a caret start or end inside a secret
    /// goes to the start or end of its `******`.
    public func applyKeepingColumns(_ line: String, column: Int, span: Int) -> (line: String, column: Int, span: Int) {
        let scalars = Array(line.unicodeScalars)
        let candidates = secrets.map { Array($0.unicodeScalars) }
        let placeholder = Array(Self.placeholder.unicodeScalars)
        var out: [Unicode.Scalar] = []
        // The masked index of each original index, for the start (inside a secret: the placeholder's start) and
        // for the end (inside a secret: the placeholder's end).
        var startOf = [Int](repeating: 0, count: scalars.count + 1)
        var endOf = [Int](repeating: 0, count: scalars.count + 1)
        var index = 0
        while index < scalars.count {
            if let secret = candidates.first(where: { !$0.isEmpty && scalars[index...].starts(with: $0) }) {
                let start = out.count
                out += placeholder
                for offset in 0..<secret.count {
                    startOf[index + offset] = start
                    endOf[index + offset] = offset == 0 ? start : out.count
                }
                index += secret.count
            } else {
                startOf[index] = out.count
                endOf[index] = out.count
                out.append(scalars[index])
                index += 1
            }
        }
        startOf[scalars.count] = out.count
        endOf[scalars.count] = out.count
        var masked = ""
        masked.unicodeScalars.append(contentsOf: out)
        let from = min(column, scalars.count)
        let to = min(column + max(1, span), scalars.count)
        let newColumn = startOf[from]
        let newEnd = max(endOf[to], from < scalars.count ? endOf[from] : newColumn)
        return (masked, newColumn, max(1, newEnd - newColumn))
    }
}
