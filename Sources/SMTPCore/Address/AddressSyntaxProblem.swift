/// One thing wrong with a mailbox, domain or path, with a message a person can act on.
public enum AddressSyntaxProblem: Sendable, Hashable, CustomStringConvertible {
    /// The address is empty.
    case empty
    /// There is no `@` between local-part and domain.
    case missingAtSign(String)
    /// Nothing before the `@`.
    case emptyLocalPart
    /// The local-part is longer than 64 octets.
    case localPartTooLong(octets: Int)
    /// The local-part is neither a dot-string nor a quoted-string.
    case invalidLocalPart(reason: String)
    /// Nothing after the `@`, or an empty domain.
    case emptyDomain
    /// The domain is longer than 255 octets.
    case domainTooLong(octets: Int)
    /// A label of the domain is longer than 63 octets.
    case labelTooLong(label: String, octets: Int)
    /// The domain is not a sequence of LDH labels.
    case invalidDomain(reason: String)
    /// A domain written like an IPv4 address without brackets.
    case unbracketedAddressLiteral(String)
    /// An address literal that is not `[IPv4]`, `[IPv6:...]` or `[tag:content]`.
    case invalidAddressLiteral(reason: String)
    /// Non-ASCII text where SMTPUTF8 (RFC 6531) was not asked for.
    case nonASCIIWithoutSMTPUTF8(part: String)
    /// The path, including `<` and `>`, is longer than 256 octets.
    case pathTooLong(octets: Int)
    /// A CR, LF or other control character.
    case controlCharacter(part: String)

    /// Whether this is one of RFC 5321's size limits (§4.5.3.1) rather than a syntax error. Servers must accept
    /// at least these sizes and may refuse longer ones.
    public var isSizeLimit: Bool {
        switch self {
        case .localPartTooLong, .domainTooLong, .labelTooLong, .pathTooLong: return true
        default: return false
        }
    }

    /// What is wrong and where the rule is.
    public var description: String { message }

    /// What is wrong and where the rule is, for example
    /// "local-part is 70 octets; RFC 5321 §4.5.3.1.1 allows 64".
    public var message: String {
        switch self {
        case .empty:
            return "address is empty"
        case .missingAtSign(let text):
            return "\(ProtocolDefect.quoted(text)) has no \"@\"; a mailbox is local-part@domain (RFC 5321 §4.1.2)"
        case .emptyLocalPart:
            return "local-part before \"@\" is empty (RFC 5321 §4.1.2)"
        case .localPartTooLong(let octets):
            return "local-part is \(octets) octets; RFC 5321 §4.5.3.1.1 allows \(SMTPLimits.localPart)"
        case .invalidLocalPart(let reason):
            return "local-part \(reason); quote it or use only letters, digits, dots and !#$%&'*+-/=?^_`{|}~ "
                + "(RFC 5321 §4.1.2)"
        case .emptyDomain:
            return "domain after \"@\" is empty (RFC 5321 §4.1.2)"
        case .domainTooLong(let octets):
            return "domain is \(octets) octets; RFC 5321 §4.5.3.1.2 allows \(SMTPLimits.domain)"
        case .labelTooLong(let label, let octets):
            return "domain label \(ProtocolDefect.quoted(label)) is \(octets) octets; RFC 1035 allows "
                + "\(SMTPLimits.label)"
        case .invalidDomain(let reason):
            return "domain \(reason); labels are letters, digits and inner hyphens, separated by single dots "
                + "(RFC 5321 §4.1.2)"
        case .unbracketedAddressLiteral(let text):
            return "\(ProtocolDefect.quoted(text)) looks like an IP address; write an address literal as "
                + "[\(text)] (RFC 5321 §4.1.3)"
        case .invalidAddressLiteral(let reason):
            return "address literal \(reason); use [192.0.2.1] or [IPv6:2001:db8::1] (RFC 5321 §4.1.3)"
        case .nonASCIIWithoutSMTPUTF8(let part):
            return "\(part) contains non-ASCII characters, allowed only with SMTPUTF8 (RFC 6531)"
        case .pathTooLong(let octets):
            return "path <...> is \(octets) octets; RFC 5321 §4.5.3.1.3 allows \(SMTPLimits.path) including "
                + "the angle brackets"
        case .controlCharacter(let part):
            return "\(part) contains a control character (CR, LF, NUL, ...), which could inject SMTP commands"
        }
    }

    /// What is wrong, quoting nothing of the text and giving no length of it: what a message about a secret value
    /// says (the text is an `${env:…}` value, which no message may show in any form).
    public var summary: String {
        switch self {
        case .empty, .emptyLocalPart, .emptyDomain, .localPartTooLong, .domainTooLong, .pathTooLong,
            .nonASCIIWithoutSMTPUTF8, .controlCharacter:
            return plainSummary
        case .missingAtSign:
            return "the address has no \"@\"; a mailbox is local-part@domain (RFC 5321 §4.1.2)"
        case .invalidLocalPart:
            return "the local-part is neither a dot-string nor a quoted-string (RFC 5321 §4.1.2)"
        case .labelTooLong:
            return "a domain label is longer than RFC 1035 allows (\(SMTPLimits.label) octets)"
        case .invalidDomain:
            return "the domain is not letters, digits and inner hyphens in labels separated by single dots "
                + "(RFC 5321 §4.1.2)"
        case .unbracketedAddressLiteral:
            return "the domain looks like an IP address; write an address literal in brackets (RFC 5321 §4.1.3)"
        case .invalidAddressLiteral:
            return "the address literal is not [IPv4], [IPv6:...] or [tag:content] (RFC 5321 §4.1.3)"
        }
    }

    private var plainSummary: String {
        switch self {
        case .localPartTooLong:
            return "the local-part is longer than RFC 5321 §4.5.3.1.1 allows (\(SMTPLimits.localPart) octets)"
        case .domainTooLong:
            return "the domain is longer than RFC 5321 §4.5.3.1.2 allows (\(SMTPLimits.domain) octets)"
        case .pathTooLong:
            return "the path <...> is longer than RFC 5321 §4.5.3.1.3 allows (\(SMTPLimits.path) octets)"
        default:
            return message
        }
    }
}
