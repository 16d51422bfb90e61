/// The third part of a delivery report (RFC 3462 §2, RFC 6522 §3): the returned message or only its headers.
public struct DSNReturnedContent: Sendable, Hashable {
    /// The returned content's media type: `text/rfc822-headers`, `message/rfc822`, or their internationalised
    /// forms `message/global-headers` and `message/global` (RFC 6533).
    public let contentType: ContentType
    /// The returned message's header section (the original message's `Message-ID`, `Subject`...).
    public let headers: HeaderSection
    /// The returned message's body octets; empty for headers only.
    public let body: ArraySlice<UInt8>

    /// The media types a third part may have to be read as returned content.
    static let mediaTypes: Set<String> = [
        "text/rfc822-headers", "message/rfc822", "message/global-headers", "message/global",
    ]

    /// Reads `part` as returned content, or returns `nil` when its media type is not one of ``mediaTypes``.
    init?(_ part: MIMEEntity, limits: MessageLimits) throws(DSNError) {
        guard Self.mediaTypes.contains(part.contentType.mediaType) else { return nil }
        do throws(MessageSyntaxError) {
            let (section, bodyStart) = try HeaderReader.read(part.body, limits: limits)
            headers = section
            body = part.body[bodyStart...]
        } catch {
            throw .returnedContent(error)
        }
        contentType = part.contentType
    }

    /// The returned message's `Message-ID`, to tell which message the report is about.
    public var messageID: MessageID? { headers.messageID }
}
