/// Checks of RFC 5321 §4.1.2 address syntax and §4.5.3.1 size limits.
///
/// Every function returns all problems found (empty when the text is valid), each with a message a person can
/// act on. Non-ASCII text is accepted only when `allowUTF8` is true (the SMTPUTF8 extension, RFC 6531).
public enum AddressSyntax {
    /// Problems with a mailbox, `local-part@domain`, including the 256-octet path limit for `<mailbox>`.
    public static func validateMailbox(_ text: String, allowUTF8: Bool = false) -> [AddressSyntaxProblem] {
        if text.isEmpty { return [.empty] }
        if text.unicodeScalars.contains(where: isControl) { return [.controlCharacter(part: "address")] }
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
        if !allowUTF8 && !text.unicodeScalars.allSatisfy(\.isASCII) {
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
        if text.unicodeScalars.contains(where: isControl) { return [.controlCharacter(part: "domain")] }
        if text.hasPrefix("[") {
            guard allowAddressLiteral else {
                return [.invalidAddressLiteral(reason: "is not allowed here; give a domain name")]
            }
            return AddressLiteral.problems(text).map { [.invalidAddressLiteral(reason: $0)] } ?? []
        }
        var problems: [AddressSyntaxProblem] = []
        let octets = text.utf8.count
        if octets > SMTPLimits.domain { problems.append(.domainTooLong(octets: octets)) }
        if !allowUTF8 && !text.unicodeScalars.allSatisfy(\.isASCII) {
            problems.append(.nonASCIIWithoutSMTPUTF8(part: "domain"))
        }
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        if labels.contains(where: \.isEmpty) {
            problems.append(
                .invalidDomain(
                    reason: "\(ProtocolDefect.quoted(text)) has an empty label (a leading, "
                        + "trailing or doubled dot)"
                )
            )
        }
        for label in labels where !label.isEmpty {
            if label.utf8.count > SMTPLimits.label {
                problems.append(.labelTooLong(label: String(label), octets: label.utf8.count))
            }
            if let reason = labelSyntaxError(label) { problems.append(.invalidDomain(reason: reason)) }
        }
        if labels.count == 4, labels.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) {
            problems.append(.unbracketedAddressLiteral(text))
        }
        return problems
    }

    /// Splits `local@domain` at the `@` that ends the local-part (a quoted local-part may contain `@`).
    static func split(_ text: String) -> (localPart: String, domain: String)? {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        if scalars.first == "\"" {
            index = 1
            while index < scalars.count && scalars[index] != "\"" {
                index += scalars[index] == "\\" ? 2 : 1
            }
            index += 1
            guard index < scalars.count, scalars[index] == "@" else {
                return scalars.lastIndex(of: "@").map { at in
                    (string(scalars[..<at]), string(scalars[(at + 1)...]))
                }
            }
        } else {
            guard let at = scalars.firstIndex(of: "@") else { return nil }
            index = at
        }
        return (string(scalars[..<index]), string(scalars[(index + 1)...]))
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars)
        return result
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F
    }

    /// `atext` of RFC 5322 as RFC 5321 uses it; any non-ASCII scalar (checked separately) is accepted too.
    static func isAtext(_ scalar: Unicode.Scalar) -> Bool {
        if !scalar.isASCII { return true }
        if ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) { return true }
        return ("0"..."9").contains(scalar) || "!#$%&'*+-/=?^_`{|}~".unicodeScalars.contains(scalar)
    }

    private static func localPartSyntaxError(_ text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        if scalars.first == "\"" {
            guard scalars.count >= 2, scalars.last == "\"" else { return "has an unterminated quoted-string" }
            var index = 1
            while index < scalars.count - 1 {
                let scalar = scalars[index]
                if scalar == "\\" {
                    guard index + 1 < scalars.count - 1, scalars[index + 1].value >= 32 else {
                        return "has a backslash with nothing valid after it"
                    }
                    index += 2
                    continue
                }
                if scalar == "\"" { return "has an unescaped '\"' inside the quoted-string" }
                if scalar.isASCII && scalar.value < 32 { return "has a control character" }
                index += 1
            }
            return nil
        }
        if scalars.first == "." || scalars.last == "." { return "starts or ends with a dot" }
        if text.contains("..") { return "has two dots in a row" }
        if let bad = scalars.first(where: { $0 != "." && !isAtext($0) }) {
            return "has \(ProtocolDefect.quoted(String(bad))), which needs quoting"
        }
        return nil
    }

    private static func labelSyntaxError(_ label: Substring) -> String? {
        for scalar in label.unicodeScalars where scalar.isASCII {
            let isLetterDigit =
                ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
                || ("0"..."9").contains(scalar)
            if !isLetterDigit && scalar != "-" {
                return "label \(ProtocolDefect.quoted(String(label))) has \(ProtocolDefect.quoted(String(scalar)))"
            }
        }
        if label.hasPrefix("-") || label.hasSuffix("-") {
            return "label \(ProtocolDefect.quoted(String(label))) starts or ends with a hyphen"
        }
        return nil
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
