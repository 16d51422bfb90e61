import Foundation
import SMTPCore
import SMTPScenario

/// Judges replies and TLS sessions against what a step expects. Pure: no I/O.
public enum ExpectationCheck {
    /// How `reply` does not satisfy `expectation`; empty when it does.
    ///
    /// Checks, in order: the reply alternatives (class, code, enhanced status code), the text regex, the
    /// capabilities (with parameters and comparisons) and the capabilities that must be absent.
    ///
    /// `capabilities` reads the reply's EHLO capabilities, when the expectation names any: a caller that has
    /// already read them (the runner, for the session's state) passes them on instead of their being read twice.
    public static func mismatches(
        of reply: Reply,
        against expectation: Expectation,
        capabilities: (Reply) -> EHLOCapabilities = EHLOCapabilities.init(reply:)
    ) -> [Mismatch] {
        var found: [Mismatch] = []
        if !expectation.acceptsReply(reply) {
            found.append(.reply(reply))
        }
        if let pattern = expectation.text {
            if case .match = firstMatch(of: pattern, in: reply.text) {
            } else {
                found.append(.replyText(pattern: pattern))
            }
        }
        if !expectation.capabilities.isEmpty || !expectation.lacks.isEmpty {
            let capabilities = capabilities(reply)
            for requirement in expectation.capabilities {
                if let mismatch = mismatch(of: requirement, in: capabilities) { found.append(mismatch) }
            }
            for keyword in expectation.lacks where capabilities.contains(keyword) {
                found.append(.capabilityPresent(keyword.uppercased()))
            }
        }
        return found
    }

    /// How `requirement` is not met by the advertised capabilities, or `nil` when it is.
    public static func mismatch(of requirement: CapabilityRequirement, in capabilities: EHLOCapabilities) -> Mismatch? {
        guard let parameters = capabilities.parameters(of: requirement.keyword) else {
            return .capabilityMissing(requirement)
        }
        if let parameter = requirement.parameter,
            !parameters.contains(where: { $0.caseInsensitiveCompare(parameter) == .orderedSame })
        {
            return .capabilityParameter(requirement, advertised: parameters)
        }
        if let comparison = requirement.comparison {
            guard let first = parameters.first, let value = Int(first), comparison.holds(for: value) else {
                return .capabilityComparison(requirement, advertised: parameters)
            }
        }
        return nil
    }

    /// How the TLS session does not satisfy `expectation`; empty when it does.
    public static func mismatches(of facts: TLSFacts, against expectation: TLSExpectation) -> [TLSFactMismatch] {
        var found: [TLSFactMismatch] = []
        if let comparison = expectation.validDays, facts.daysLeft.map({ !comparison.holds(for: $0) }) ?? true {
            found.append(
                TLSFactMismatch(
                    fact: .validDays,
                    expected: comparison.description,
                    observed: facts.daysLeft.map(String.init)
                )
            )
        }
        if let minimum = expectation.minimumVersion,
            facts.version.map({ versionRank($0) < versionRank(minimum) }) ?? true
        {
            found.append(TLSFactMismatch(fact: .version, expected: minimum, observed: facts.version))
        }
        check(expectation.subject, against: facts.subject, fact: .subject, into: &found)
        check(expectation.issuer, against: facts.issuer, fact: .issuer, into: &found)
        if let san = expectation.san,
            !facts.subjectAlternativeNames.contains(where: { $0.caseInsensitiveCompare(san) == .orderedSame })
        {
            let shown =
                facts.subjectAlternativeNames.isEmpty ? nil : facts.subjectAlternativeNames.joined(separator: ", ")
            found.append(TLSFactMismatch(fact: .san, expected: san, observed: shown))
        }
        check(expectation.cipher, against: facts.cipher, fact: .cipher, into: &found)
        return found
    }

    private static func check(
        _ pattern: String?,
        against value: String?,
        fact: TLSFactMismatch.Fact,
        into found: inout [TLSFactMismatch]
    ) {
        guard let pattern else { return }
        if let value, case .match = firstMatch(of: pattern, in: value) { return }
        found.append(TLSFactMismatch(fact: fact, expected: "/\(pattern)/", observed: value))
    }

    private static func versionRank(_ version: String) -> Int {
        let parts = version.split(separator: ".").compactMap { Int($0) }
        return (parts.first ?? 0) * 100 + (parts.dropFirst().first ?? 0)
    }

    /// The outcome of searching a text with a scenario regex.
    enum MatchOutcome {
        case match(NSTextCheckingResult, in: String)
        case none
        case invalid(String)
    }

    /// Searches `text` with `pattern` (NSRegularExpression syntax, as the compiler validates).
    static func firstMatch(of pattern: String, in text: String) -> MatchOutcome {
        guard let expression = CompiledPatterns.expression(pattern) else { return .invalid("it does not compile") }
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        guard let result = expression.firstMatch(in: text, range: range) else { return .none }
        return .match(result, in: text)
    }
}
