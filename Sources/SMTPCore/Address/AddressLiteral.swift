/// Syntax of address literals (RFC 5321 §4.1.3): `[192.0.2.1]`, `[IPv6:2001:db8::1]`, `[tag:content]`.
enum AddressLiteral {
    /// Why `text` (with brackets) is not an address literal, or `nil` when it is one.
    static func problems(_ text: String) -> String? {
        guard text.hasPrefix("["), text.hasSuffix("]"), text.count >= 2 else { return "is missing its \"]\"" }
        let inner = String(text.dropFirst().dropLast())
        if inner.isEmpty { return "is empty" }
        if inner.allSatisfy({ $0 == "." || ("0"..."9").contains($0) }) {
            return isIPv4(inner) ? nil : "\(ProtocolDefect.quoted(inner)) is not an IPv4 address"
        }
        if inner.lowercased().hasPrefix("ipv6:") {
            let address = String(inner.dropFirst(5))
            return isIPv6(address) ? nil : "\(ProtocolDefect.quoted(address)) is not an IPv6 address"
        }
        guard let colon = inner.firstIndex(of: ":") else {
            return "\(ProtocolDefect.quoted(inner)) is neither an IPv4 address nor tag:content"
        }
        let tag = inner[..<colon]
        let content = inner[inner.index(after: colon)...]
        let tagValid =
            !tag.isEmpty && !tag.hasSuffix("-")
            && tag.unicodeScalars.allSatisfy { scalar in
                scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-")
            }
        let contentValid =
            !content.isEmpty
            && content.unicodeScalars.allSatisfy { (33...90).contains($0.value) || (94...126).contains($0.value) }
        return tagValid && contentValid ? nil : "\(ProtocolDefect.quoted(inner)) is not a valid tag:content literal"
    }

    /// Four decimal numbers 0-255 of 1 to 3 digits.
    static func isIPv4(_ text: some StringProtocol) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4
            && parts.allSatisfy { part in
                (1...3).contains(part.count) && part.allSatisfy { ("0"..."9").contains($0) }
                    && (Int(part) ?? 256) <= 255
            }
    }

    /// RFC 5321's IPv6-addr: eight groups, or fewer with one `::`, optionally ending in an IPv4 address.
    static func isIPv6(_ text: String) -> Bool {
        var groups = text.components(separatedByString: ":")
        var ipv4Groups = 0
        if let last = groups.last, last.contains(".") {
            guard isIPv4(last) else { return false }
            groups.removeLast()
            groups.append("0")
            ipv4Groups = 1
        }
        let doubleColons = text.countOccurrences(of: "::")
        guard doubleColons <= 1, !text.contains(":::") else { return false }
        if doubleColons == 1 {
            // Leading or trailing "::" gives empty groups at the ends; drop them before counting.
            let nonEmpty = groups.filter { !$0.isEmpty }
            guard nonEmpty.count + ipv4Groups <= 7 else { return false }
            if text.hasPrefix(":") && !text.hasPrefix("::") { return false }
            if text.hasSuffix(":") && !text.hasSuffix("::") { return false }
            return nonEmpty.allSatisfy(isHexGroup)
        }
        return groups.count + ipv4Groups == 8 && groups.allSatisfy(isHexGroup)
    }

    private static func isHexGroup(_ group: String) -> Bool {
        (1...4).contains(group.count) && group.unicodeScalars.allSatisfy { $0.properties.isASCIIHexDigit }
    }
}

extension String {
    /// Splits at every occurrence of a separator string, keeping empty pieces.
    fileprivate func components(separatedByString separator: String) -> [String] {
        split(separator: separator, omittingEmptySubsequences: false).map(String.init)
    }

    /// How many non-overlapping times `needle` occurs.
    fileprivate func countOccurrences(of needle: String) -> Int {
        var count = 0
        var rest = self[...]
        while let range = rest.firstRange(of: needle) {
            count += 1
            rest = rest[range.upperBound...]
        }
        return count
    }
}
