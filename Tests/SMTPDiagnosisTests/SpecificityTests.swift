import SMTPDiagnosis
import Testing

/// Lookup prefers the most specific match, and a team's entries win over the bundled ones.
@Suite("Lookup order")
struct SpecificityTests {
    /// A small catalogue with one entry per level, all matching `rcpt 550 5.1.1 User unknown here`.
    static let layered = """
        entries:
          - id: by-class
            code: 5xx
            reasons: [class]
          - id: by-code
            code: 550
            reasons: [code]
          - id: by-step-and-code
            step: rcpt
            code: 550
            reasons: [step and code]
          - id: by-step-enhanced-text
            step: rcpt
            code: 550
            enhanced: 5.1.1
            text: user unknown
            reasons: ["step, enhanced and text"]
        """

    func catalogue(_ yaml: String, team: String? = nil) throws -> ReasonsCatalogue {
        let base = try ReasonsCatalogue.parse(yaml: yaml, path: "base.yaml", origin: .bundled)
        guard let team else { return base }
        return base.merging(try ReasonsCatalogue.parse(yaml: team, path: "team.yaml", origin: .team(path: "team.yaml")))
    }

    @Test("step + enhanced + text, then step + code, then code; class only when nothing else matched")
    func order() throws {
        let diagnosis = try catalogue(Self.layered).explain(
            step: .rcpt,
            code: 550,
            enhanced: "5.1.1",
            text: "5.1.1 User unknown here"
        )
        #expect(diagnosis.matches.map(\.entry.id) == ["by-step-enhanced-text", "by-step-and-code", "by-code"])
        #expect(diagnosis.reasons == ["step, enhanced and text", "step and code", "code"])
        #expect(diagnosis.matches.map(\.specificity.level) == [.stepAndDetail, .stepAndCode, .code])
    }

    @Test("A reply that only the class entry matches gets the class entry")
    func classFallback() throws {
        let diagnosis = try catalogue(Self.layered).explain(step: .rcpt, code: 554)
        #expect(diagnosis.reasons == ["class"])
    }

    @Test("At another step, the step entries do not match")
    func otherStep() throws {
        let diagnosis = try catalogue(Self.layered).explain(step: .mailFrom, code: 550, enhanced: "5.1.1")
        #expect(diagnosis.reasons == ["code"])
    }

    @Test("Text that does not match leaves the text entry out")
    func textMismatch() throws {
        let diagnosis = try catalogue(Self.layered).explain(step: .rcpt, code: 550, enhanced: "5.1.1", text: "nope")
        #expect(diagnosis.reasons.first == "step and code")
    }

    @Test("An exact enhanced code beats a range, which beats a wildcard")
    func enhancedPrecision() throws {
        let yaml = """
            entries:
              - {id: wildcard, enhanced: 5.7.x, reasons: [wildcard]}
              - {id: range, enhanced: 5.7.600-650, reasons: [range]}
              - {id: any-class, enhanced: X.7.606, reasons: [any class]}
              - {id: exact, enhanced: 5.7.606, reasons: [exact]}
            """
        let diagnosis = try catalogue(yaml).explain(step: .rcpt, code: 550, enhanced: "5.7.606")
        #expect(diagnosis.reasons == ["exact", "any class", "range", "wildcard"])
    }

    @Test("A team entry with the same pattern replaces the bundled one")
    func teamReplacesSamePattern() throws {
        let team = """
            entries:
              - step: rcpt
                code: 550
                reasons: [Our directory sync is behind; check the connector.]
            """
        let diagnosis = try catalogue(Self.layered, team: team).explain(step: .rcpt, code: 550)
        #expect(diagnosis.reasons.first == "Our directory sync is behind; check the connector.")
        #expect(!diagnosis.reasons.contains("step and code"))
        #expect(diagnosis.matches.first?.entry.origin == .team(path: "team.yaml"))
    }

    @Test("A team entry comes before a bundled entry of the same level")
    func teamFirstAtSameLevel() throws {
        let team = """
            entries:
              - step: rcpt
                code: 5xx
                reasons: [team says]
            """
        let diagnosis = try catalogue(Self.layered, team: team).explain(step: .rcpt, code: 550)
        #expect(Array(diagnosis.reasons.prefix(2)) == ["team says", "step and code"])
    }

    @Test("A team entry with a bundled id replaces it, and team table rows win")
    func teamReplacesByID() throws {
        let team = """
            reply-codes:
              - code: 550
                meaning: Our gateway's 550.
            entries:
              - id: by-code
                code: 551
                reasons: [moved]
            """
        let merged = try catalogue(Self.layered, team: team)
        #expect(!merged.explain(step: .mailFrom, code: 550).reasons.contains("code"))
        #expect(merged.explain(step: .mailFrom, code: 550).codeMeaning == "Our gateway's 550.")
        #expect(merged.explain(step: .rcpt, code: 551).reasons.first == "moved")
    }

    @Test("With the bundled catalogue, a team file wins over the seed's RCPT entry")
    func teamOverBundled() throws {
        let team = try ReasonsCatalogue.parse(
            yaml: """
                entries:
                  - step: rcpt
                    code: 550
                    enhanced: 5.1.1
                    reasons: [The mailbox was deprovisioned by HR's leaver process.]
                """,
            path: "team.yaml",
            origin: .team(path: "team.yaml")
        )
        let merged = try ReasonsCatalogue.bundled().merging(team)
        let diagnosis = merged.explain(step: .rcpt, code: 550, enhanced: "5.1.1")
        #expect(diagnosis.reasons.first == "The mailbox was deprovisioned by HR's leaver process.")
        #expect(!merged.entries.contains { $0.id == "seed-rcpt-550-user-unknown" })
    }

    @Test("Asked about no step, entries of particular steps count only when their enhanced code or text matched")
    func noStep() throws {
        let bundled = try ReasonsCatalogue.bundled()
        let withEnhanced = bundled.explain(step: .any, code: 550, enhanced: "5.1.1")
        #expect(withEnhanced.matches.first?.entry.id == "seed-rcpt-550-user-unknown")
        #expect(!withEnhanced.matches.contains { $0.entry.id == "ehlo-550-client-rejected" })
        let bare = bundled.explain(step: .any, code: 421)
        #expect(bare.matches.map(\.entry.id) == ["closing-421"])
    }
}
