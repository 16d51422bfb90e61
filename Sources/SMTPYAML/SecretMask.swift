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
}
