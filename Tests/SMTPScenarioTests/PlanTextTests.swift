import SMTPScenario
import Testing

/// How a plan's text keeps its pieces: literals, secrets and captures.
@Suite struct PlanTextTests {
    /// A password's pieces are each a secret, so the pieces a text is made of stay apart; only empty ones go.
    @Test func segmentsStayApartAndEmptyLiteralsAreDropped() {
        let text = PlanText([.literal("foo"), .literal(""), .literal("bar"), .capture("x"), .secret("s3cret")])
        #expect(text.segments == [.literal("foo"), .literal("bar"), .capture("x"), .secret("s3cret")])
        #expect(text.wire(captures: ["x": "!"]) == "foobar!s3cret")
        #expect(text.redacted() == "foobar${x}\(PlanText.mask)")
        #expect(PlanText([.literal(""), .literal("")]).segments.isEmpty)
    }

    /// Texts joined with `+` meet as one literal, so a command of literal pieces is sent as it is.
    @Test func literalsThatMeetInAJoinBecomeOne() {
        let path = PlanText(literal: "chris@contoso.com")
        let line = "MAIL FROM:<" + path + ">" + PlanText([.literal(" NOTIFY="), .capture("notify")]) + "x"
        #expect(
            line.segments == [.literal("MAIL FROM:<chris@contoso.com> NOTIFY="), .capture("notify"), .literal("x")]
        )
        #expect(line.wire(captures: ["notify": "NEVER"]) == "MAIL FROM:<chris@contoso.com> NOTIFY=NEVERx")
        let secret = PlanText(literal: "AUTH PLAIN ") + PlanText([.secret("s3cret")])
        #expect(secret.segments == [.literal("AUTH PLAIN "), .secret("s3cret")])
        #expect(secret.redacted() == "AUTH PLAIN \(PlanText.mask)")
    }
}
