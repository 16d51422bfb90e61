/// A multipart body split at its boundary (RFC 2046 §5.1.1): the preamble, each body part's octets and the
/// epilogue.
///
/// A delimiter line is `--boundary` followed only by white space; the close delimiter is `--boundary--`
/// followed only by white space. The line end before a delimiter line belongs to the delimiter, not to the part
/// before it. Line ends may be CRLF or bare LF.
public struct MultipartBody: Sendable, Hashable {
    /// The octets before the first delimiter line (to be ignored, RFC 2046 §5.1.1).
    public let preamble: ArraySlice<UInt8>
    /// Each body part's octets (its header section and body), in order.
    public let parts: [ArraySlice<UInt8>]
    /// The octets after the close delimiter line (to be ignored).
    public let epilogue: ArraySlice<UInt8>

    /// Splits `body` at `boundary`. Throws ``MIMEError/invalidBoundary`` for a boundary RFC 2046 does not allow,
    /// ``MIMEError/noBodyPart`` when there is no delimiter line, ``MIMEError/unterminatedMultipart`` when the
    /// close delimiter is missing, and ``MIMEError/tooManyParts(limit:)`` past `partLimit` parts.
    public init(splitting body: ArraySlice<UInt8>, boundary: String, partLimit: Int) throws(MIMEError) {
        guard Self.isValidBoundary(boundary) else { throw .invalidBoundary }
        let dashBoundary = Array("--\(boundary)".utf8)
        var parts: [ArraySlice<UInt8>] = []
        var preamble: ArraySlice<UInt8>?
        var partStart: Int?
        var index = body.startIndex
        while index < body.endIndex, let line = Line.at(index, in: body) {
            let kind = Self.delimiter(body[line.start..<line.contentEnd], dashBoundary: dashBoundary)
            if kind != .none {
                // The line end before the delimiter line is part of the delimiter.
                var end = line.start
                let floor = partStart ?? body.startIndex
                if end > floor && body[end - 1] == UInt8(ascii: "\n") { end -= 1 }
                if end > floor && body[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                if let start = partStart {
                    guard parts.count < partLimit else { throw .tooManyParts(limit: partLimit) }
                    parts.append(body[start..<end])
                } else {
                    preamble = body[body.startIndex..<end]
                }
                if kind == .close {
                    guard !parts.isEmpty else { throw .noBodyPart }
                    self.preamble = preamble ?? body[body.startIndex..<body.startIndex]
                    self.parts = parts
                    epilogue = body[line.next...]
                    return
                }
                partStart = line.next
            }
            index = line.next
        }
        throw partStart == nil ? .noBodyPart : .unterminatedMultipart
    }

    private enum Delimiter { case none, open, close }

    /// What a line is: a delimiter line, the close delimiter line, or neither.
    private static func delimiter(_ line: ArraySlice<UInt8>, dashBoundary: [UInt8]) -> Delimiter {
        guard line.starts(with: dashBoundary) else { return .none }
        var rest = line.dropFirst(dashBoundary.count)
        var kind = Delimiter.open
        if rest.starts(with: [UInt8(ascii: "-"), UInt8(ascii: "-")]) {
            kind = .close
            rest = rest.dropFirst(2)
        }
        // transport-padding: white space only.
        return rest.allSatisfy(ASCII.isWhiteSpace) ? kind : .none
    }

    /// RFC 2046 §5.1.1: `0*69<bchars> bcharsnospace`, bchars being digits, letters and `'()+_,-./:=?` and space.
    public static func isValidBoundary(_ boundary: String) -> Bool {
        let bytes = Array(boundary.utf8)
        guard (1...70).contains(bytes.count), bytes.last != UInt8(ascii: " ") else { return false }
        return bytes.allSatisfy { byte in
            (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || "'()+_,-./:=? ".utf8.contains(byte)
        }
    }
}
