import Foundation
import SMTPCore
import SMTPScenario
import Testing

/// The wire fence and the secret rule, as the compiler applies them.
@Suite("Compiling values for the wire")
struct FenceCompilationTests {
    static let secretOptions = CompileOptions(
        processEnvironment: ["TOKEN": "S3cr3t Pa55", "HOST": "mx.s3cr3t.example:2526", "SIZE": "0012345"],
        messageIDPrefix: "fixed"
    )

    @Test("a header name or value that holds a capture is left to the runner's fence, with its slot")
    func capturesAreFencedAtRunTime() throws {
        let compiled = try steps(
            """
            steps:
              - ehlo: contoso.com
                capture: {x: '(?s)(.*)'}
              - data: {headers: {"X-${x}": "v"}, subject: "s${x}", body: "b${x}"}
            """
        )
        guard case .data(let data) = compiled[1].action else { throw CompileFailed(rendered: "no data") }
        #expect(data.fences.map(\.slot) == [.headerName, .headerValue])
        #expect(data.fences.map(\.what) == ["the header name 'X-${x}'", "header 'Subject'"])
        #expect(data.fences.allSatisfy { $0.text.captureNames == ["x"] })
    }

    @Test("a header name is interpolated and must be ftext; folding is a legal line break in a value")
    func headerNames() throws {
        let compiled = try steps(
            """
            vars: {name: X-Team}
            steps:
              - data: {headers: {"${name}": "a\\r\\n folded"}, body: b}
            """
        )
        guard case .data(let data) = compiled[0].action else { throw CompileFailed(rendered: "no data") }
        #expect(data.message.wire().contains("\r\nX-Team: a\r\n folded\r\n"))
        let result = compile("steps:\n  - data: {headers: {\"\": v}, body: b}\n")
        #expect(
            errorLines(result) == [
                "the header name is empty: a header name has at least one character (RFC 5322 §3.6.8) @ 2:22"
            ]
        )
    }

    @Test("a message error about a secret quotes nothing of it, and the caret is on the reference")
    func secretDiagnostics() {
        let result = compile(
            """
            steps:
              - open: "${env:HOST}x:99999"
              - ehlo: "${env:TOKEN}"
              - mail-from: {address: "${env:TOKEN}", size: "${env:TOKEN}"}
              - rcpt: {address: "a@${env:TOKEN}", orcpt: "${env:TOKEN}"}
            """,
            options: Self.secretOptions
        )
        let rendered = result.rendered()
        #expect(result.errors.count >= 5, "\(rendered)")
        for piece in ["S3cr3t", "Pa55", "s3cr3t", "2526", "11 octets", "\"S3cr3t"] {
            #expect(!rendered.contains(piece), "\(piece) in:\n\(rendered)")
        }
        #expect(rendered.contains("^^^^^^^^^^^^ the value holds a secret"))
    }

    @Test("what is derived from a secret is a secret: host and port split from it, a SIZE read from it")
    func derivedSecrets() throws {
        let result = compile(
            """
            steps:
              - open: "${env:HOST}"
              - ehlo: contoso.com
              - mail-from: {address: chris@contoso.com, size: "${env:SIZE}"}
            """,
            options: Self.secretOptions
        )
        let scenario = try #require(result.scenario, "\(result.rendered())")
        let plan = try #require(scenario.cases.first)
        #expect(plan.secrets.contains("mx.s3cr3t.example") && plan.secrets.contains("2526"))
        #expect(plan.secrets.contains("12345"))
        guard case .command(let mail) = plan.steps[2].action else { throw CompileFailed(rendered: "no mail") }
        #expect(mail.wire() == "MAIL FROM:<chris@contoso.com> SIZE=12345")
        #expect(mail.redacted() == "MAIL FROM:<chris@contoso.com> SIZE=******")
        let shown = PlanRenderer.render(scenario)
        for piece in ["s3cr3t", "2526", "12345"] { #expect(!shown.contains(piece), "\(piece) in:\n\(shown)") }
    }
}
