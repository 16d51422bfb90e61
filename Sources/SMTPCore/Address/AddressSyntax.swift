/// Checks of RFC 5321 §4.1.2 address syntax and §4.5.3.1 size limits.
///
/// Every function returns all problems found (empty when the text is valid), each with a message a person can
/// act on. Non-ASCII text is accepted only when `allowUTF8` is true (the SMTPUTF8 extension, RFC 6531).
public enum AddressSyntax {
    /// Problems with a mailbox, `local-part@domain`, including the 256-octet path limit for `<mailbox>`.
    public static func validateMailbox(_ text: String, allowUTF8: Bool = false) -> [AddressSyntaxProblem] {
        if text.isEmpty { return [.empty] }
        if text.utf8.contains(where: isControl) { return [.controlCharacter(part: "address")] }
        guard let (localPart, domain) = split(text) else { return [.missingAtSign(text)] }
        var problems = validateLocalPart(localPart, allowUTF8: allowUTF8)
        problems += validateDomain(domain, allowUTF8: allowUTF8, allowAddressLiteral: true)
        let pathOctets = text.utf8.count + 2
        if pathOctets > SMTPLimits.path { problems.append(.pathTooLong(octets: pathOctets)) }
        return problems
    }

    /// Problems with a local-part: a dot-string (`john.smith`) or a quoted-string (`"john smith"`), at most 64
    /// octets.
    public static func validateLocalPart(_ text: String, allowUTF8: Bool = false) -> [AddressSyntaxProblem] {
        if text.isEmpty { return [.emptyLocalPart] }
        var problems: [AddressSyntaxProblem] = []
        if text.utf8.count > SMTPLimits.localPart { problems.append(.localPartTooLong(octets: text.utf8.count)) }
        if !allowUTF8 && !text.utf8.allSatisfy({ $0 < 0x80 }) {
            problems.append(.nonASCIIWithoutSMTPUTF8(part: "local-part"))
        }
        if let reason = localPartSyntaxError(text) { problems.append(.invalidLocalPart(reason: reason)) }
        return problems
    }

    /// Problems with a domain (for EHLO, or after `@`), or an address literal when `allowAddressLiteral`.
    public static func validateDomain(
        _ text: String,
        allowUTF8: Bool = false,
        allowAddressLiteral: Bool = true
    ) -> [AddressSyntaxProblem] {
        if text.isEmpty { return [.emptyDomain] }
        if text.utf8.contains(where: isControl) { return [.controlCharacter(part: "domain")] }
        if text.utf8.first == UInt8(ascii: "[") {
            guard allowAddressLiteral else {
                return [.invalidAddressLiteral(reason: "is not allowed here; give a domain name")]
            }
            return AddressLiteral.problems(text).map { [.invalidAddressLiteral(reason: $0)] } ?? []
        }
        var problems: [AddressSyntaxProblem] = []
        let octets = text.utf8.count
        if octets > SMTPLimits.domain { problems.append(.domainTooLong(octets: octets)) }
        if !allowUTF8 && !text.utf8.allSatisfy({ $0 < 0x80 }) {
            problems.append(.nonASCIIWithoutSMTPUTF8(part: "domain"))
        }
        // A domain is octets (RFC 5321 §4.1.2): labels end at each "." octet, found without forming characters
        // and without a list of them (this runs for every EHLO, MAIL and RCPT a mock server reads).
        let utf8 = text.utf8
        let dot = UInt8(ascii: ".")
        // The empty-label problem comes before the labels' own, as it is found only once they are all read.
        let labelProblemsStart = problems.count
        var hasEmptyLabel = false
        var labelCount = 0
        var everyLabelIsDigits = true
        var start = utf8.startIndex
        while true {
            let end = utf8[start...].firstIndex(of: dot) ?? utf8.endIndex
            let label = Substring(utf8[start..<end])
            labelCount += 1
            if label.isEmpty {
                hasEmptyLabel = true
                everyLabelIsDigits = false
            } else {
                if label.utf8.count > SMTPLimits.label {
                    problems.append(.labelTooLong(label: String(label), octets: label.utf8.count))
                }
                if let reason = labelSyntaxError(label) { problems.append(.invalidDomain(reason: reason)) }
                if !label.utf8.allSatisfy(Self.isASCIIDigit) { everyLabelIsDigits = false }
            }
            guard end < utf8.endIndex else { break }
            start = utf8.index(after: end)
        }
        if hasEmptyLabel {
            problems.insert(
                .invalidDomain(
                    reason: "\(ProtocolDefect.quoted(text)) has an empty label (a leading, "
                        + "trailing or doubled dot)"
                ),
                at: labelProblemsStart
            )
        }
        if labelCount == 4, everyLabelIsDigits {
            problems.append(.unbracketedAddressLiteral(text))
        }
        return problems
    }

    /// Splits `local@domain` at the `@` that ends the local-part (a quoted local-part may contain `@`).
    ///
    /// Works on UTF-8 bytes: every delimiter is ASCII, and no byte of a longer scalar is an ASCII byte, so the
    /// split is the one the scalars give (an escape that skips two bytes of a longer scalar only lands on a byte
    /// that matches nothing).
    static func split(_ text: String) -> (localPart: String, domain: String)? {
        var text = text
        return text.withUTF8 { buffer -> (localPart: String, domain: String)? in
            func parts(_ at: Int) -> (localPart: String, domain: String) {
                (String(decoding: buffer[..<at], as: UTF8.self), String(decoding: buffer[(at + 1)...], as: UTF8.self))
            }
            guard buffer.first == UInt8(ascii: "\"") else {
                return buffer.firstIndex(of: UInt8(ascii: "@")).map(parts)
            }
            var index = 1
            while index < buffer.count && buffer[index] != UInt8(ascii: "\"") {
                index += buffer[index] == UInt8(ascii: "\\") ? 2 : 1
            }
            index += 1
            guard index < buffer.count, buffer[index] == UInt8(ascii: "@") else {
                return buffer.lastIndex(of: UInt8(ascii: "@")).map(parts)
            }
            return parts(index)
        }
    }

    private static func isControl(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x7F
    }

    private static func isASCIIDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// `atext` of RFC 5322 as RFC 5321 uses it; any non-ASCII scalar (checked separately) is accepted too.
    static func isAtext(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? isAtext(UInt8(scalar.value)) : true
    }

    /// `atext` for one ASCII byte.
    private static func isAtext(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"),
            UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "/"),
            UInt8(ascii: "="), UInt8(ascii: "?"), UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"),
            UInt8(ascii: "{"), UInt8(ascii: "|"), UInt8(ascii: "}"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    /// Why a local-part is not a dot-string or a quoted-string, or `nil`. Works on UTF-8 bytes as ``split(_:)``
    /// does: a byte of a longer scalar is never a quote, a backslash, a dot or a control character, and such a
    /// scalar is atext.
    private static func localPartSyntaxError(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        let quote = UInt8(ascii: "\""), dot = UInt8(ascii: ".")
        if bytes.first == quote {
            guard bytes.count >= 2, bytes.last == quote else { return "has an unterminated quoted-string" }
            var index = 1
            while index < bytes.count - 1 {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\\") {
                    guard index + 1 < bytes.count - 1, bytes[index + 1] >= 32 else {
                        return "has a backslash with nothing valid after it"
                    }
                    index += 2
                    continue
                }
                if byte == quote { return "has an unescaped '\"' inside the quoted-string" }
                if byte < 32 { return "has a control character" }
                index += 1
            }
            return nil
        }
        if bytes.first == dot || bytes.last == dot { return "starts or ends with a dot" }
        if zip(bytes, bytes.dropFirst()).contains(where: { $0 == dot && $1 == dot }) { return "has two dots in a row" }
        if bytes.allSatisfy({ $0 == dot || $0 >= 0x80 || isAtext($0) }) { return nil }
        if let bad = text.unicodeScalars.first(where: { $0 != "." && !isAtext($0) }) {
            return "has \(ProtocolDefect.quoted(String(bad))), which needs quoting"
        }
        return nil
    }

    private static func labelSyntaxError(_ label: Substring) -> String? {
        let hyphen = UInt8(ascii: "-")
        for byte in label.utf8 where byte < 0x80 {
            let isLetterDigit =
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || isASCIIDigit(byte)
            if !isLetterDigit && byte != hyphen {
                let shown = String(Character(Unicode.Scalar(byte)))
                return "label \(ProtocolDefect.quoted(String(label))) has \(ProtocolDefect.quoted(shown))"
            }
        }
        if label.utf8.first == hyphen || label.utf8.last == hyphen {
            return "label \(ProtocolDefect.quoted(String(label))) starts or ends with a hyphen"
        }
        return nil
    }
}
