import SMTPMessage
import Testing

@Suite struct ContentTypeTests {
    @Test func readsTypeSubtypeAndParameters() throws {
        let type = try ContentType(
            parsing: "Multipart/Report; report-type=\"delivery-status\";\tboundary=\"a b\\\"c\" (comment);"
        )
        #expect(type.mediaType == "multipart/report")
        #expect(type.isMultipart)
        #expect(type.reportType == "delivery-status")
        #expect(type.boundary == "a b\"c")
        #expect(type.parameter("REPORT-TYPE") == "delivery-status")
        #expect(type.description == "multipart/report; report-type=\"delivery-status\"; boundary=\"a b\\\"c\"")
    }

    @Test func refusesMalformedFields() {
        for text in ["", "text", "text/", "/plain", "text/plain; charset", "text/plain; charset=", "text/plain x"] {
            #expect(throws: MIMEError.self, "\(text)") { try ContentType(parsing: text) }
        }
        #expect(throws: MIMEError.duplicateParameter(name: "boundary")) {
            try ContentType(parsing: "multipart/mixed; boundary=a; BOUNDARY=b")
        }
    }

    @Test func readsManyParametersQuickly() throws {
        let field = "text/plain" + (0..<20_000).map { ";\n p\($0)=v" }.joined()
        let message = try Message(parsing: "Content-Type: \(field)\n\n")
        let type = try ContentType(parsing: try #require(message.headers["Content-Type"]))
        #expect(type.parameters.count == 20_000)
        #expect(type.parameter("p19999") == "v")
    }
}
