import SMTPYAML

extension SecretMask {
    /// `text` (a rendered report) with every secret replaced, raw or in any escaped form a renderer produces (XML
    /// and HTML entities, JSON escapes).
    ///
    /// For plain text only (transcripts): in a structured format a short secret (`true`, `25`) would also replace
    /// a keyword, a number or a tag. JSON goes through ``applyToJSONStrings(_:)`` instead.
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

    /// `json` with every secret replaced inside its string values only (raw or JSON-escaped), never in a key, a
    /// number, `true`, `false` or `null`: the structure stays what it was, whatever the secrets are.
    func applyToJSONStrings(_ json: String) -> String {
        guard !isEmpty else { return json }
        let scalars = Array(json.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "\"" else {
                output.append(scalars[index])
                index += 1
                continue
            }
            // A string literal: up to the next quote that no backslash escapes.
            var end = index + 1
            while end < scalars.count, scalars[end] != "\"" {
                end += scalars[end] == "\\" ? 2 : 1
            }
            end = min(end, scalars.count - 1)
            var body = String(String.UnicodeScalarView(scalars[(index + 1)..<end]))
            var next = end + 1
            while next < scalars.count, scalars[next] == " " || scalars[next] == "\n" { next += 1 }
            let isKey = next < scalars.count && scalars[next] == ":"
            if !isKey {
                for secret in secrets {
                    for form in Set([secret, JSONText.escaped(secret)]) where body.contains(form) {
                        body = body.replacingOccurrences(of: form, with: SecretMask.placeholder)
                    }
                }
            }
            output.append("\"")
            output.append(contentsOf: body.unicodeScalars)
            output.append("\"")
            index = end + 1
        }
        return String(output)
    }
}
