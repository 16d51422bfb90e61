/// What an enhanced status code means: its class, its subject and its detail, each from the catalogue.
///
/// A detail the catalogue does not know still gives the class and subject (RFC 3463 asks clients to report
/// both even then).
public struct EnhancedCodeMeaning: Sendable, Hashable {
    /// The code as it came in the reply: `5.1.1`.
    public var code: String
    /// The class row (`permanent failure`), if the catalogue has it.
    public var klass: CatalogueTerm?
    /// The subject row (`addressing status`), if the catalogue has it.
    public var subject: CatalogueTerm?
    /// The detail row (`bad destination mailbox`), if the catalogue has it.
    public var detail: EnhancedDetailInfo?

    /// Creates a meaning.
    public init(code: String, klass: CatalogueTerm?, subject: CatalogueTerm?, detail: EnhancedDetailInfo?) {
        self.code = code
        self.klass = klass
        self.subject = subject
        self.detail = detail
    }

    /// `permanent failure; addressing status; bad destination mailbox`; an unknown detail is left out, so the
    /// line still says the class and subject.
    public var summary: String {
        var parts: [String] = []
        if let klass { parts.append(klass.name) }
        if let subject { parts.append(subject.name) }
        if let detail {
            parts.append(detail.summary)
        } else {
            parts.append("detail \(code) not in the catalogue")
        }
        return parts.joined(separator: "; ")
    }
}
