/// Escaping of a string as JSON writes it (also a valid YAML double-quoted scalar, which TAP's YAML blocks use).
enum JSONText {
    /// The characters of `text` escaped for the inside of a JSON string (no surrounding quotes).
    static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// `text` as a quoted JSON (and YAML) string.
    static func quoted(_ text: String) -> String {
        "\"" + escaped(text) + "\""
    }
}
