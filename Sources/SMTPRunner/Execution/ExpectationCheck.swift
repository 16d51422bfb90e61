import Foundation
import SMTPCore
import SMTPScenario

/// Judges replies and TLS sessions against what a step expects. Pure: no I/O.
public enum ExpectationCheck {
    /// Why `reply` does not satisfy `expectation`; empty when it does.
    ///
    /// Checks, in order: the reply alternatives (class, code, enhanced status code), the text regex, the
    /// capabilities (with parameters and comparisons) and the capabilities that must be absent.
    public static func mismatches(of reply: Reply, against expectation: Expectation) -> [String] {
        var problems: [String] = []
        if expectation.noConnection {
            problems.append("expected no connection, but the server answered \(reply)")
        }
        let enhanced = reply.enhancedStatusCode.map { (klass: $0.klass, subject: $0.subject, detail: $0.detail) }
        if !expectation.acceptsReply(code: reply.code.value, enhanced: enhanced) {
            problems.append("expected \(expectation.source), got \(reply)")
        }
        if let pattern = expectation.text {
            switch firstMatch(of: pattern, in: reply.text) {
            case .none: problems.append("reply text does not match /\(pattern)/")
            case .invalid(let reason): problems.append("text pattern /\(pattern)/ is invalid: \(reason)")
            case .match: break
            }
        }
        if !expectation.capabilities.isEmpty || !expectation.lacks.isEmpty {
            let capabilities = EHLOCapabilities(reply: reply)
            for requirement in expectation.capabilities {
                if let problem = problem(with: requirement, in: capabilities) { problems.append(problem) }
            }
            for keyword in expectation.lacks where capabilities.contains(keyword) {
                problems.append("capability \(keyword.uppercased()) is advertised but should not be")
            }
        }
        return problems
    }

    /// Why `requirement` is not met by the advertised capabilities, or `nil` when it is.
    public static func problem(with requirement: CapabilityRequirement, in capabilities: EHLOCapabilities) -> String? {
        guard let parameters = capabilities.parameters(of: requirement.keyword) else {
            return "capability \(requirement.keyword.uppercased()) is not advertised"
        }
        if let parameter = requirement.parameter,
            !parameters.contains(where: { $0.caseInsensitiveCompare(parameter) == .orderedSame })
        {
            let shown = parameters.isEmpty ? "no parameters" : parameters.joined(separator: " ")
            return "capability \(requirement.keyword.uppercased()) lacks \(parameter) (advertised: \(shown))"
        }
        if let comparison = requirement.comparison {
            guard let first = parameters.first, let value = Int(first) else {
                return "capability \(requirement.keyword.uppercased()) has no number to compare \(comparison)"
            }
            if !comparison.holds(for: value) {
                return "capability \(requirement.keyword.uppercased()) \(value) is not \(comparison)"
            }
        }
        return nil
    }

    /// Why the TLS session does not satisfy `expectation`; empty when it does.
    public static func mismatches(of facts: TLSFacts, against expectation: TLSExpectation) -> [String] {
        var problems: [String] = []
        if let comparison = expectation.validDays {
            if let days = facts.daysLeft {
                if !comparison.holds(for: days) {
                    problems.append("certificate is valid for \(days) more day(s), expected \(comparison)")
                }
            } else {
                problems.append("no certificate validity to check against \(comparison)")
            }
        }
        if let minimum = expectation.minimumVersion {
            if let version = facts.version {
                if versionRank(version) < versionRank(minimum) {
                    problems.append("TLS \(version) was negotiated, expected at least TLS \(minimum)")
                }
            } else {
                problems.append("the TLS version is unknown, expected at least TLS \(minimum)")
            }
        }
        check(expectation.subject, against: facts.subject, what: "certificate subject", into: &problems)
        check(expectation.issuer, against: facts.issuer, what: "certificate issuer", into: &problems)
        if let san = expectation.san,
            !facts.subjectAlternativeNames.contains(where: { $0.caseInsensitiveCompare(san) == .orderedSame })
        {
            let shown = facts.subjectAlternativeNames.joined(separator: ", ")
            problems.append("\(san) is not among the certificate's alternative names (\(shown))")
        }
        if let pattern = expectation.cipher {
            if facts.cipher == nil {
                problems.append("the negotiated cipher is not available to check against /\(pattern)/")
            } else {
                check(pattern, against: facts.cipher, what: "cipher", into: &problems)
            }
        }
        return problems
    }

    private static func check(_ pattern: String?, against value: String?, what: String, into problems: inout [String]) {
        guard let pattern else { return }
        guard let value else {
            problems.append("no \(what) to match /\(pattern)/")
            return
        }
        switch firstMatch(of: pattern, in: value) {
        case .none: problems.append("\(what) '\(value)' does not match /\(pattern)/")
        case .invalid(let reason): problems.append("pattern /\(pattern)/ is invalid: \(reason)")
        case .match: break
        }
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
        let expression: NSRegularExpression
        do {
            expression = try NSRegularExpression(pattern: pattern)
        } catch {
            return .invalid("it does not compile")
        }
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        guard let result = expression.firstMatch(in: text, range: range) else { return .none }
        return .match(result, in: text)
    }
}
