import SMTPYAML

extension SecretMask {
    /// `text` (a rendered report) with every secret replaced, raw or in any escaped form a renderer produces (XML
    /// and HTML entities, JSON escapes).
    func applyToRendered(_ text: String) -> String {
        guard !isEmpty else { return text }
        var result = apply(text)
        for secret in secrets {
            for form in [Markup.escaped(secret), JSONText.escaped(secret)] where form != secret {
                if result.contains(form) {
                    result = result.replacingOccurrences(of: form, with: SecretMask.placeholder)
                }
            }
        }
        return result
    }
}
