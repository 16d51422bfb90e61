/// xtext (RFC 3461 §4): the encoding of ORCPT and ENVID values. Octets "!" to "~" except "+" and "=" stand for
/// themselves; every other octet is "+" and two upper-case hex digits.
public enum XText {
    /// Encodes the UTF-8 octets of `text`.
    public static func encode(_ text: String) -> String {
        encode(bytes: Array(text.utf8))
    }

    /// Encodes octets.
    public static func encode(bytes: some Sequence<UInt8>) -> String {
        var out = ""
        for byte in bytes {
            if byte >= 33 && byte <= 126 && byte != UInt8(ascii: "+") && byte != UInt8(ascii: "=") {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "+" + Hex.byte(byte)
            }
        }
        return out
    }

    /// Decodes xtext to octets, or `nil` when it has a character outside xtext or a "+" without two hex digits.
    /// Lower-case hex digits are accepted.
    public static func decodeBytes(_ text: String) -> [UInt8]? {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "+") {
                guard index + 2 < bytes.count, let high = Hex.value(of: bytes[index + 1]),
                    let low = Hex.value(of: bytes[index + 2])
                else { return nil }
                out.append(high << 4 | low)
                index += 3
            } else {
                guard byte >= 33 && byte <= 126 && byte != UInt8(ascii: "=") else { return nil }
                out.append(byte)
                index += 1
            }
        }
        return out
    }

    /// Decodes xtext to text, or `nil` when it is not xtext or the octets are not UTF-8.
    public static func decode(_ text: String) -> String? {
        decodeBytes(text).flatMap { String(validating: $0, as: UTF8.self) }
    }
}
