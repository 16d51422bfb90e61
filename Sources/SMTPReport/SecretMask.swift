import Foundation
import SMTPScenario

/// The final defence against leaking a secret: every secret value of the plans a report covers, replaced by
/// `******` wherever it appears, also in the escaped forms XML, HTML and JSON would give it.
struct SecretMask: Sendable, Hashable {
    /// The secrets, longest first, so that a secret containing another is masked whole.
    let secrets: [String]

    /// Creates a mask; empty strings are ignored. Each secret's base64 form is masked too (AUTH LOGIN sends a
    /// password as a base64 line of its own).
    init(_ secrets: [String]) {
        let values = secrets.filter { !$0.isEmpty }
        let encoded = values.map { Data($0.utf8).base64EncodedString() }
        self.secrets = Array(Set(values + encoded)).sorted { ($0.count, $0) > ($1.count, $1) }
    }

    /// Whether there is nothing to mask.
    var isEmpty: Bool { secrets.isEmpty }

    /// `text` with every secret replaced by `******`.
    func apply(_ text: String) -> String {
        guard !secrets.isEmpty else { return text }
        var result = text
        for secret in secrets where result.contains(secret) {
            result = result.replacingOccurrences(of: secret, with: PlanText.mask)
        }
        return result
    }

    /// `text` (a rendered report) with every secret replaced, raw or in any escaped form a renderer produces.
    func applyToRendered(_ text: String) -> String {
        guard !secrets.isEmpty else { return text }
        var result = apply(text)
        for secret in secrets {
            for form in [Markup.escaped(secret), JSONText.escaped(secret)] where form != secret {
                if result.contains(form) {
                    result = result.replacingOccurrences(of: form, with: PlanText.mask)
                }
            }
        }
        return result
    }
}
