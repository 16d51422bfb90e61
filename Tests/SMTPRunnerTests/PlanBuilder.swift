import SMTPCore
import SMTPRunner
import SMTPScenario

/// Builds session plans by hand, so the runner's tests do not depend on the scenario compiler.
enum PlanBuilder {
    /// The wait for a reply that is not what a test is about: generous, because the whole suite runs in parallel
    /// (mock abuse tests included) and a loaded machine may take seconds to schedule a loopback server's reply.
    /// Tests of timeouts give their own short limits.
    static let patience = Duration.seconds(60)

    /// A location on line `line` of `test.smtp.yaml`, column 5.
    static func at(_ line: Int) -> SourceLocation {
        SourceLocation(file: "test.smtp.yaml", line: line, column: 5)
    }

    /// An expectation of one exact code (with an optional enhanced code).
    static func code(_ value: Int, _ enhanced: (Int, Int, Int)? = nil) -> SMTPScenario.Expectation {
        let pattern = ReplyPattern(
            code: .exact(value),
            enhanced: enhanced.map { EnhancedCodePattern(klass: $0.0, subject: $0.1, details: $0.2...$0.2) }
        )
        return SMTPScenario.Expectation(replies: [pattern], source: pattern.description, location: at(1))
    }

    /// An expectation of a reply class.
    static func replyClass(_ digit: Int) -> SMTPScenario.Expectation {
        SMTPScenario.Expectation(
            replies: [ReplyPattern(code: .replyClass(digit))],
            source: "\(digit)xx",
            location: at(1)
        )
    }

    /// `open: host:port`, waiting ``patience`` unless told otherwise.
    static func open(
        _ address: String,
        expect: SMTPScenario.Expectation = code(220),
        timeout: Duration = PlanBuilder.patience
    ) -> PlannedStep {
        let endpoint = Endpoint(parsing: address) ?? Endpoint(host: address, port: 25)
        return PlannedStep(
            index: 0,
            verb: .open,
            location: at(2),
            action: .open(
                OpenPlan(
                    target: .host(endpoint.host, port: endpoint.port),
                    each: false,
                    tls: .none,
                    tlsOptions: TLSPlan(),
                    connectTimeout: PlanBuilder.patience
                )
            ),
            expectation: expect,
            timeout: timeout
        )
    }

    /// A command step.
    static func command(
        _ verb: Verb,
        _ text: PlanText,
        expect: SMTPScenario.Expectation,
        line: Int,
        timeout: Duration = PlanBuilder.patience,
        captures: [Capture] = []
    ) -> PlannedStep {
        PlannedStep(
            index: line,
            verb: verb,
            location: at(line),
            action: .command(text),
            expectation: expect,
            timeout: timeout,
            captures: captures
        )
    }

    /// A plan of `steps`, re-indexed in order.
    static func plan(_ steps: [PlannedStep], secrets: [String] = []) -> SessionPlan {
        SessionPlan(
            name: "test case",
            steps: steps.enumerated().map { offset, step in
                var step = step
                step.index = offset
                return step
            },
            secrets: secrets
        )
    }

    /// A scenario of one case.
    static func scenario(_ plan: SessionPlan, retry: RetryPolicy? = nil) -> CompiledScenario {
        CompiledScenario(
            file: "test.smtp.yaml",
            name: "test",
            description: nil,
            tags: [],
            retry: retry,
            cases: [plan],
            warnings: []
        )
    }

    /// Runs one plan and returns its one result.
    static func run(_ plan: SessionPlan, retry: RetryPolicy? = nil) async -> ScenarioResult? {
        await ScenarioRunner(options: RunnerOptions(quitGracePeriod: .milliseconds(500)))
            .run(scenario(plan, retry: retry)).first
    }
}
