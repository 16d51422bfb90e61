import SMTPScenario
import Testing

/// How a plan's text keeps its pieces: literals, secrets and captures.
@Suite struct PlanTextTests {
    @Test func adjacentLiteralsAreOnePieceAndEmptyOnesAreDropped() {
        let text = PlanText([
            .literal("MAIL FROM:<"), .literal("chris@contoso.com"), .literal(">"), .literal(""),
            .literal(" NOTIFY="), .capture("notify"), .literal(""), .secret("s3cret"), .literal("a"), .literal("b"),
        ])
        #expect(
            text.segments == [
                .literal("MAIL FROM:<chris@contoso.com> NOTIFY="), .capture("notify"), .secret("s3cret"),
                .literal("ab"),
            ]
        )
        #expect(text.wire(captures: ["notify": "NEVER"]) == "MAIL FROM:<chris@contoso.com> NOTIFY=NEVERs3cretab")
        #expect(text.redacted() == "MAIL FROM:<chris@contoso.com> NOTIFY=${notify}\(PlanText.mask)ab")
    }

    @Test func textsJoinedFromLiteralsAreOneLiteral() {
        let joined = "EHLO " + PlanText(literal: "contoso.com") + "\r\n"
        #expect(joined.segments == [.literal("EHLO contoso.com\r\n")])
        #expect(joined == PlanText(literal: "EHLO contoso.com\r\n"))
        #expect(PlanText([.literal(""), .literal("")]).segments.isEmpty)
    }
}
