/// Splits the bytes a server sends into reply lines (the client side of RFC 5321 framing).
///
/// A line over `maxLineLength` octets (512 including CRLF by default) is reported once as
/// `ProtocolDefect.lineTooLong` and the rest of it is skipped; a line ended by a bare LF is reported as
/// `ProtocolDefect.bareLineFeed`. The buffer never holds more than one line's worth of unreturned bytes beyond
/// what was appended, so a hostile server cannot make it grow without bound.
public struct ReplyLineFramer: Sendable, Hashable {
    private var buffer: LineBuffer

    /// Creates a framer; `maxLineLength` includes the CRLF.
    public init(maxLineLength: Int = SMTPLimits.replyLine) {
        buffer = LineBuffer(maxLineLength: maxLineLength)
    }

    /// The longest reply line accepted, including CRLF.
    public var maxLineLength: Int { buffer.maxLineLength }

    /// Adds bytes read from the connection.
    public mutating func append(_ bytes: some Collection<UInt8>) {
        buffer.append(bytes)
    }

    /// The next line's text without CRLF, a defect, or `nil` when more bytes are needed.
    /// Bytes that are not UTF-8 are shown as U+FFFD.
    public mutating func nextLine() -> Result<String, ProtocolDefect>? {
        nextLineBytes()?.map { String(decoding: $0, as: UTF8.self) }
    }

    /// The next line's octets without CRLF (left in the buffer, not copied: use them before the next
    /// ``append(_:)``), a defect, or `nil` when more bytes are needed.
    mutating func nextLineBytes() -> Result<ArraySlice<UInt8>, ProtocolDefect>? {
        switch buffer.next() {
        case nil:
            return nil
        case .tooLong(let octets):
            return .failure(.lineTooLong(octets: octets))
        case .line(let range, _, let bare):
            let content = buffer.content(range)
            return bare ? .failure(.bareLineFeed(line: String(decoding: content, as: UTF8.self))) : .success(content)
        }
    }

    /// Octets received but not yet returned as a line. After a STARTTLS 220 this must be 0: anything else is
    /// plaintext injected before the handshake.
    public var bufferedByteCount: Int { buffer.bufferedByteCount }

    /// Removes and returns the octets not yet returned as a line (for example before starting TLS).
    public mutating func takeBufferedBytes() -> [UInt8] {
        buffer.takeBufferedBytes()
    }
}
