/// The one fence between a value and the wire: which characters a value can never hold where it lands
/// (``WireSlot``). The compiler applies it to every value known when a scenario is compiled, the runner to every
/// value that holds a capture, just before sending; a value that fails it is never sent.
///
/// The rule per slot:
/// - command argument: no CR, LF or NUL. A command is one line (RFC 5321 §2.3.8), and no command's syntax allows
///   NUL; servers written in C stop reading at it.
/// - host: no CR, LF or NUL (``HostPort`` checks the rest of a host's syntax).
/// - header name: RFC 5322 §3.6.8 `ftext`, printable ASCII except the colon, at least one character.
/// - header value: no NUL; CR and LF only as CRLF followed by a space or tab (folding, RFC 5322 §2.2.3), so that
///   no value starts a header line of its own.
/// - credential: no CR, LF, NUL or SOH. SASLprep (RFC 4013 §2.3) prohibits control characters, NUL separates
///   AUTH PLAIN's fields (RFC 4616) and SOH XOAUTH2's.
/// - message: no NUL. CR and LF are the message's own line ends (the runner writes every one as CRLF and
///   dot-stuffs), but 7bit and 8bit data hold no NUL (RFC 2045 §2.7-2.8; RFC 5322 §2.3 allows no NUL in a body,
///   and MIME's 8BITMIME, RFC 6152, none either). Binary content goes with `bdat` (BINARYMIME, RFC 3030).
/// - BDAT chunk: anything; its octets are counted, not framed.
public enum WireFence {
    /// Every character of `value` that cannot be in `slot`, in order (empty when the value may be sent).
    public static func violations(of value: String, in slot: WireSlot) -> [WireFenceViolation] {
        if holdsNothingRefused(value, in: slot) { return [] }
        var found: [WireFenceViolation] = []
        let scalars = Array(value.unicodeScalars)
        if slot == .headerName, scalars.isEmpty {
            return [WireFenceViolation(slot: slot, kind: .emptyFieldName, character: nil, offset: 0)]
        }
        for (offset, scalar) in scalars.enumerated() {
            if let kind = kind(of: scalar, at: offset, in: scalars, slot: slot) {
                found.append(WireFenceViolation(slot: slot, kind: kind, character: scalar, offset: offset))
            }
        }
        return found
    }

    /// The first violation, or `nil` when the value may be sent.
    public static func firstViolation(of value: String, in slot: WireSlot) -> WireFenceViolation? {
        violations(of: value, in: slot).first
    }

    /// Whether `value`'s octets hold nothing the slot could refuse: no CR, LF or NUL (nor SOH in a credential), and
    /// for a header name only printable ASCII but `:`. Every octet that the rules below look at is ASCII, so when
    /// none is present the value passes, without its scalars being listed (a message's text is checked at every
    /// send). Otherwise the rules decide.
    private static func holdsNothingRefused(_ value: String, in slot: WireSlot) -> Bool {
        let utf8 = value.utf8
        switch slot {
        case .chunk:
            return true
        case .messageText:
            return !utf8.contains(0)
        case .commandLine, .host, .headerValue:
            return !utf8.contains { $0 == 13 || $0 == 10 || $0 == 0 }
        case .credential:
            return !utf8.contains { $0 == 13 || $0 == 10 || $0 == 0 || $0 == 1 }
        case .headerName:
            return !utf8.isEmpty && utf8.allSatisfy { (33...126).contains($0) && $0 != UInt8(ascii: ":") }
        }
    }

    private static func kind(
        of scalar: Unicode.Scalar,
        at offset: Int,
        in scalars: [Unicode.Scalar],
        slot: WireSlot
    ) -> WireFenceViolation.Kind? {
        switch slot {
        case .chunk:
            return nil
        case .messageText:
            return scalar == "\0" ? .nul : nil
        case .commandLine, .host:
            if scalar == "\r" || scalar == "\n" { return .lineBreak }
            return scalar == "\0" ? .nul : nil
        case .credential:
            if scalar == "\r" || scalar == "\n" { return .lineBreak }
            if scalar == "\u{01}" { return .fieldSeparator }
            return scalar == "\0" ? .nul : nil
        case .headerName:
            return (33...126).contains(scalar.value) && scalar != ":" ? nil : .notFieldName
        case .headerValue:
            if scalar == "\0" { return .nul }
            if scalar == "\r" {
                // CRLF then WSP folds the field (RFC 5322 §2.2.3); the LF of such a fold is checked below.
                let folds =
                    offset + 2 < scalars.count && scalars[offset + 1] == "\n"
                    && (scalars[offset + 2] == " " || scalars[offset + 2] == "\t")
                return folds ? nil : .lineBreak
            }
            if scalar == "\n" {
                let folded =
                    offset > 0 && scalars[offset - 1] == "\r" && offset + 1 < scalars.count
                    && (scalars[offset + 1] == " " || scalars[offset + 1] == "\t")
                return folded ? nil : .lineBreak
            }
            return nil
        }
    }

    /// `text` with every control character written as an escape, so that a message quoting a value shows what is
    /// in it and cannot break the line it is on: `\r`, `\n`, `\t`, `\0`, and `\u{1B}` for the other C0 and C1
    /// controls, DEL and the Unicode line and paragraph separators.
    public static func escaped(_ text: some StringProtocol) -> String {
        var shown = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\r": shown += "\\r"
            case "\n": shown += "\\n"
            case "\t": shown += "\\t"
            case "\0": shown += "\\0"
            default:
                let value = scalar.value
                if value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029 {
                    shown += "\\u{" + String(value, radix: 16, uppercase: true) + "}"
                } else {
                    shown.unicodeScalars.append(scalar)
                }
            }
        }
        return shown
    }
}
