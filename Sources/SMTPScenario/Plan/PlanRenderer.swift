import SMTPCore

/// Renders a compiled scenario as `smtpspec plan` prints it: per case, each step's location,
/// the exact lines it sends with a `C:` prefix (secrets as `******`), its expectation and timeout. Each case goes
/// through its plan's mask before it is shown.
public enum PlanRenderer {
    /// The whole plan as text.
    public static func render(_ scenario: CompiledScenario) -> String {
        var out = ""
        for plan in scenario.cases {
            var block = "case: \(plan.name)\n"
            for step in plan.steps {
                block += render(step, number: "\(step.index + 1)", indent: "  ", captures: plan.caseCaptures)
            }
            // Steps show secrets as `******` already; the case's mask also hides what was derived from one (a
            // host split from a secret host:port, a number read from a secret).
            out += plan.redact(block) + "\n"
        }
        if let retry = scenario.retry {
            out +=
                "retry: on \(retry.on.map(\.description).joined(separator: " | ")), "
                + "\(retry.attempts) attempts, \(retry.delay.shortText) apart\n"
        }
        return out
    }

    private static func render(
        _ step: PlannedStep,
        number: String,
        indent: String,
        captures: [String: String]
    ) -> String {
        var out = "\(indent)\(number). \(step.verb.rawValue)"
        if let name = step.name { out += " \"\(name)\"" }
        out += "  (\(step.location))\n"
        if case .pipeline(let group) = step.action {
            out += "\(indent)   pipelined\(group.force ? " (forced)" : "")\n"
            for inner in group.steps {
                out += render(inner, number: "\(number).\(inner.index + 1)", indent: indent + "   ", captures: captures)
            }
            return out
        }
        for line in step.displayLines(captures: captures) {
            if line.isNote {
                out += "\(indent)   (\(line.text))\n"
            } else {
                out += line.text.isEmpty ? "\(indent)   C:\n" : "\(indent)   C: \(line.text)\n"
            }
        }
        var expectation = step.expectation.noConnection ? "no-connection" : step.expectation.source
        if !step.expectation.capabilities.isEmpty {
            expectation += ", capabilities " + step.expectation.capabilities.map(\.description).joined(separator: ", ")
        }
        if !step.expectation.lacks.isEmpty {
            expectation += ", lacks " + step.expectation.lacks.joined(separator: ", ")
        }
        if case .arrival(let awaited) = step.action {
            out += "\(indent)   expect  \(awaited.expectation.summary)\n"
        } else if step.verb != .sleep {
            out += "\(indent)   expect  \(expectation)\n"
            var timing = "\(indent)   timeout \(step.timeout.shortText)"
            if case .data(let data) = step.action {
                timing += " (354 within \(data.initiationTimeout.shortText))"
            }
            if let within = step.within { timing += ", within \(within.shortText)" }
            out += timing + "\n"
        }
        for capture in step.captures {
            out += "\(indent)   capture \(capture.name) = /\(capture.pattern)/\n"
        }
        return out
    }
}
