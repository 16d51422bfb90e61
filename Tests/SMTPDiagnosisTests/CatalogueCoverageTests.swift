import SMTPCore
import SMTPDiagnosis
import Testing

/// Every RFC 5321 reply code and every registered enhanced status code resolves to a meaning. The lists are
/// written here (from the project's facts file) so the tests run on a clean clone.
@Suite("Catalogue coverage")
struct CatalogueCoverageTests {
    let catalogue: ReasonsCatalogue

    init() throws {
        catalogue = try ReasonsCatalogue.bundled()
    }

    /// RFC 5321 §4.2.2 / §4.2.3.
    static let rfc5321Codes = [
        211, 214, 220, 221, 250, 251, 252, 354, 421, 450, 451, 452, 455, 500, 501, 502, 503, 504, 550, 551, 552, 553,
        554, 555,
    ]

    /// RFC 5321 §4.3.2: the commands that may get each code (a subset check: the catalogue may list more).
    static let listedFor: [(Int, [DiagnosisStep])] = [
        (220, [.open]), (221, [.quit]), (250, [.ehlo, .helo, .mailFrom, .rcpt, .endOfData, .rset, .vrfy, .noop]),
        (251, [.rcpt, .vrfy]), (252, [.vrfy, .expn]), (354, [.data]), (211, [.help]), (214, [.help]),
        (450, [.rcpt, .endOfData]), (451, [.mailFrom, .rcpt, .endOfData]), (452, [.mailFrom, .rcpt, .endOfData]),
        (455, [.mailFrom, .rcpt]), (502, [.ehlo, .vrfy, .expn, .help]), (503, [.mailFrom, .rcpt, .data]),
        (504, [.ehlo, .vrfy, .expn, .help]), (550, [.ehlo, .mailFrom, .rcpt, .endOfData, .vrfy, .expn]),
        (551, [.rcpt, .vrfy]), (552, [.mailFrom, .rcpt, .endOfData]), (553, [.mailFrom, .rcpt, .vrfy]),
        (554, [.open, .data, .endOfData]), (555, [.mailFrom, .rcpt]), (421, [.any]), (500, [.any]), (501, [.any]),
    ]

    /// Every subject.detail of RFC 3463 / RFC 5248 and the registry, X.0.0 to X.7.30.
    static let enhancedDetails: [String] =
        ["0.0"] + (0...10).map { "1.\($0)" } + (0...4).map { "2.\($0)" } + (0...6).map { "3.\($0)" }
        + (0...7).map { "4.\($0)" } + (0...6).map { "5.\($0)" } + (0...10).map { "6.\($0)" }
        + (0...30).map { "7.\($0)" }

    @Test("Every RFC 5321 reply code has a meaning and the commands that may get it", arguments: rfc5321Codes)
    func replyCode(code: Int) throws {
        let info = try #require(catalogue.replyCodes[code])
        #expect(!info.meaning.isEmpty)
        #expect(!info.commands.isEmpty)
        let diagnosis = catalogue.explain(step: .any, code: code)
        #expect(diagnosis.codeMeaning == info.meaning)
        #expect(diagnosis.replyClass != nil)
        #expect(diagnosis.replyCategory != nil)
    }

    @Test("Reply codes list the commands RFC 5321 §4.3.2 gives them", arguments: listedFor.map(\.0))
    func commandsOfCode(code: Int) throws {
        let info = try #require(catalogue.replyCodes[code])
        let expected = try #require(Self.listedFor.first { $0.0 == code }?.1)
        for step in expected {
            #expect(info.commands.contains(step), "\(code) should be listed for \(step.keyword)")
        }
    }

    @Test("Every enhanced status code resolves to class, subject and detail", arguments: enhancedDetails)
    func enhancedCode(subjectDetail: String) throws {
        for klass in [2, 4, 5] {
            let code = "\(klass).\(subjectDetail)"
            let diagnosis = catalogue.explain(step: .any, code: nil, enhanced: EnhancedStatusCode(parsing: code))
            let meaning = try #require(diagnosis.enhanced, "\(code)")
            #expect(meaning.klass != nil, "\(code) has no class")
            #expect(meaning.subject != nil, "\(code) has no subject")
            let detail = try #require(meaning.detail, "\(code) has no detail")
            #expect(!detail.name.isEmpty && !detail.summary.isEmpty && !detail.meaning.isEmpty)
        }
    }

    @Test("An unknown detail still resolves class and subject")
    func unknownDetail() throws {
        let diagnosis = catalogue.explain(step: .any, code: 550, enhanced: "5.7.999")
        let meaning = try #require(diagnosis.enhanced)
        #expect(meaning.detail == nil)
        #expect(meaning.summary.hasPrefix("permanent failure; security or policy status"))
    }

    @Test("Enhanced classes and subjects carry RFC 3463's names")
    func classAndSubjectNames() {
        #expect(catalogue.enhancedClasses[2]?.name == "success")
        #expect(catalogue.enhancedClasses[4]?.name == "persistent transient failure")
        #expect(catalogue.enhancedClasses[5]?.name == "permanent failure")
        #expect((0...7).allSatisfy { catalogue.enhancedSubjects[$0] != nil })
        #expect(catalogue.enhancedSubjects[1]?.name == "addressing status")
    }

    @Test("Every transport failure has a meaning and reasons at any step", arguments: TransportFailureKind.allCases)
    func transportFailure(failure: TransportFailureKind) {
        #expect(catalogue.transportFailures[failure] != nil)
        #expect(!catalogue.explain(step: .rcpt, transportFailure: failure).reasons.isEmpty)
    }

    @Test("An unknown code is read by its first digit")
    func unknownCode() {
        let diagnosis = catalogue.explain(step: .rcpt, code: 559)
        #expect(diagnosis.codeInfo == nil)
        #expect(diagnosis.codeMeaning?.hasPrefix("permanent negative completion") == true)
        #expect(diagnosis.notes.contains { $0.contains("first digit") })
    }

    @Test("Bundled entries have unique ids and every entry gives at least one reason")
    func entriesWellFormed() {
        let ids = catalogue.entries.compactMap(\.id)
        #expect(ids.count == catalogue.entries.count)
        #expect(Set(ids).count == ids.count)
        #expect(catalogue.entries.allSatisfy { !$0.reasons.isEmpty })
    }
}
