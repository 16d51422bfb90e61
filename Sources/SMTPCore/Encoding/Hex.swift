/// Hexadecimal helpers used by xtext, CRAM-MD5 and diagnostics.
enum Hex {
    private static let upperDigits = Array("0123456789ABCDEF".utf8)
    private static let lowerDigits = Array("0123456789abcdef".utf8)

    /// Two upper-case hex digits.
    static func byte(_ value: UInt8) -> String {
        String(decoding: [upperDigits[Int(value >> 4)], upperDigits[Int(value & 0x0F)]], as: UTF8.self)
    }

    /// Lower-case hex of a byte sequence.
    static func lowercase(_ bytes: some Sequence<UInt8>) -> String {
        var out: [UInt8] = []
        for value in bytes {
            out.append(lowerDigits[Int(value >> 4)])
            out.append(lowerDigits[Int(value & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The value of one hex digit (either case), or `nil`.
    static func value(of digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return digit - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return digit - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return digit - UInt8(ascii: "a") + 10
        default: return nil
        }
    }
}
