/// A MIME entity (RFC 2045 §2.4): a header section and a body; a multipart entity's body parts are entities
/// too, read recursively within ``MessageLimits/nestingDepth`` and ``MessageLimits/partCount``.
///
/// Only what multipart/report needs is interpreted: `Content-Type` and the multipart structure. Bodies are kept
/// as octets, undecoded; a `message/rfc822` body is not read further (see ``Message/init(parsing:limits:)``).
public struct MIMEEntity: Sendable, Hashable {
    /// The entity's header section.
    public let headers: HeaderSection
    /// The entity's `Content-Type`, or the default when it has none (``ContentType/textPlain``, or
    /// ``ContentType/messageRFC822`` inside multipart/digest).
    public let contentType: ContentType
    /// The body's octets (for a multipart entity, the whole body, preamble and epilogue included).
    public let body: ArraySlice<UInt8>
    /// The body parts of a multipart entity, in order; empty for any other entity.
    public let parts: [MIMEEntity]

    /// Reads a message as a MIME entity.
    public init(message: Message, limits: MessageLimits = .standard) throws(MIMEError) {
        var budget = limits.partCount
        try self.init(
            headers: message.headers,
            body: message.bodyBytes[...],
            defaultType: .textPlain,
            limits: limits,
            depth: 0,
            budget: &budget
        )
    }

    private init(
        headers: HeaderSection,
        body: ArraySlice<UInt8>,
        defaultType: ContentType,
        limits: MessageLimits,
        depth: Int,
        budget: inout Int
    ) throws(MIMEError) {
        self.headers = headers
        self.body = body
        let contentType = try headers["Content-Type"].map { (text) throws(MIMEError) in try ContentType(parsing: text) }
        self.contentType = contentType ?? defaultType
        guard self.contentType.isMultipart else {
            parts = []
            return
        }
        guard depth < limits.nestingDepth else { throw .nestingTooDeep(limit: limits.nestingDepth) }
        guard let boundary = self.contentType.boundary else { throw .missingBoundary }
        let split = try MultipartBody(splitting: body, boundary: boundary, partLimit: budget)
        budget -= split.parts.count
        let partDefault: ContentType = self.contentType.subtype == "digest" ? .messageRFC822 : .textPlain
        var parts: [MIMEEntity] = []
        for octets in split.parts {
            let header: (section: HeaderSection, bodyStart: Int)
            do throws(MessageSyntaxError) {
                header = try HeaderReader.read(octets, limits: limits)
            } catch {
                throw .partHeader(error)
            }
            parts.append(
                try MIMEEntity(
                    headers: header.section,
                    body: octets[header.bodyStart...],
                    defaultType: partDefault,
                    limits: limits,
                    depth: depth + 1,
                    budget: &budget
                )
            )
        }
        self.parts = parts
    }

    /// This entity or the first of its descendants (depth first, in order) whose media type is `mediaType`.
    public func first(mediaType: String) -> MIMEEntity? {
        if contentType.mediaType == mediaType.lowercased() { return self }
        for part in parts {
            if let found = part.first(mediaType: mediaType) { return found }
        }
        return nil
    }

    /// The body as text (invalid UTF-8 becomes U+FFFD), line ends as they were.
    public var bodyText: String { ASCII.text(body) }
}
