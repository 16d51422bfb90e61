import SMTPMessage
import Testing

@Suite struct MultipartBodyTests {
    @Test func splitsAtDelimitersKeepingPreambleAndEpilogue() throws {
        let body = Array("preamble\r\n--b1 \r\nA: 1\r\n\r\none\r\n--b1x\r\n--b1\r\n\r\ntwo\r\n--b1--\r\nepilogue".utf8)
        let split = try MultipartBody(splitting: body[...], boundary: "b1", partLimit: 10)
        #expect(String(decoding: split.preamble, as: UTF8.self) == "preamble")
        #expect(split.parts.map { String(decoding: $0, as: UTF8.self) } == ["A: 1\r\n\r\none\r\n--b1x", "\r\ntwo"])
        #expect(String(decoding: split.epilogue, as: UTF8.self) == "epilogue")
    }

    @Test func readsNestedParts() throws {
        let text = """
            Content-Type: multipart/mixed; boundary=outer

            --outer
            Content-Type: multipart/alternative; boundary=inner

            --inner

            plain
            --inner--
            --outer
            Content-Type: text/html

            <p>x</p>
            --outer--
            """
        let entity = try MIMEEntity(message: try Message(parsing: text))
        #expect(entity.parts.count == 2)
        #expect(entity.parts[0].parts.count == 1)
        #expect(entity.parts[0].parts[0].contentType == .textPlain)
        #expect(entity.parts[0].parts[0].bodyText == "plain")
        #expect(entity.parts[1].contentType.mediaType == "text/html")
        #expect(entity.first(mediaType: "text/html")?.bodyText == "<p>x</p>")
    }

    @Test func refusesBrokenMultiparts() {
        #expect(throws: MIMEError.missingBoundary) {
            try MIMEEntity(message: try Message(parsing: "Content-Type: multipart/mixed\n\n--x\n\n--x--\n"))
        }
        #expect(throws: MIMEError.invalidBoundary) {
            try MultipartBody(
                splitting: ArraySlice<UInt8>(),
                boundary: String(repeating: "b", count: 71),
                partLimit: 10
            )
        }
        #expect(throws: MIMEError.noBodyPart) {
            try MultipartBody(splitting: Array("just text\n".utf8)[...], boundary: "x", partLimit: 10)
        }
        #expect(throws: MIMEError.noBodyPart) {
            try MultipartBody(splitting: Array("--x--\n".utf8)[...], boundary: "x", partLimit: 10)
        }
        #expect(throws: MIMEError.unterminatedMultipart) {
            try MultipartBody(splitting: Array("--x\n\none\n--x\n\ntwo\n".utf8)[...], boundary: "x", partLimit: 10)
        }
        #expect(throws: MIMEError.tooManyParts(limit: 1)) {
            try MultipartBody(splitting: Array("--x\n\n--x\n\n--x--".utf8)[...], boundary: "x", partLimit: 1)
        }
    }

    @Test func boundsNestingDepth() throws {
        func nested(_ level: Int) -> String {
            guard level < 6 else { return "\nleaf" }
            return
                "Content-Type: multipart/mixed; boundary=b\(level)\n\n--b\(level)\n\(nested(level + 1))\n--b\(level)--\n"
        }
        let message = try Message(parsing: nested(0))
        #expect(try MIMEEntity(message: message).parts.count == 1)
        #expect(throws: MIMEError.nestingTooDeep(limit: 3)) {
            try MIMEEntity(message: message, limits: MessageLimits(nestingDepth: 3))
        }
    }
}
