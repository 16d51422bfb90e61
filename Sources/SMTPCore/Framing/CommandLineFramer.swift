/// Splits the bytes a client sends into command lines (the server side of RFC 5321 framing).
///
/// A line over `maxLineLength` (512 octets including CRLF by default) is reported once as
/// `ProtocolDefect.lineTooLong` and the rest of that line is discarded up to the next LF, so the connection
/// stays usable (answer it with 500). A bare LF ending is accepted and noted on the `FramedLine`.
/// After a `BDAT` line, `takeBufferedBytes()` hands over the octets that already arrived for the chunk.
public struct CommandLineFramer: Sendable, Hashable {
    private var buffer: LineBuffer

    /// Creates a framer; `maxLineLength` includes the CRLF.
    public init(maxLineLength: Int = SMTPLimits.commandLine) {
        buffer = LineBuffer(maxLineLength: maxLineLength)
    }

    /// The longest command line accepted, including CRLF.
    public var maxLineLength: Int { buffer.maxLineLength }

    /// Adds bytes read from the connection.
    public mutating func append(_ bytes: some Collection<UInt8>) {
        buffer.append(bytes)
    }

    /// The next command line, `.lineTooLong`, or `nil` when more bytes are needed.
    public mutating func nextLine() -> Result<FramedLine, ProtocolDefect>? {
        switch buffer.next() {
        case nil:
            return nil
        case .tooLong(let octets):
            return .failure(.lineTooLong(octets: octets))
        case .line(let range, let octets, let bare):
            return .success(FramedLine(bytes: buffer.content(range), octets: octets, endedWithBareLineFeed: bare))
        }
    }

    /// Octets received but not yet returned as a line.
    public var bufferedByteCount: Int { buffer.bufferedByteCount }

    /// Removes and returns the octets not yet returned as a line (message data after DATA's 354 or BDAT).
    public mutating func takeBufferedBytes() -> [UInt8] {
        buffer.takeBufferedBytes()
    }
}
