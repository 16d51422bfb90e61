import SMTPCore
import SMTPYAML

/// Warns where a step that expects success cannot succeed under RFC 5321 sequencing (DATA or
/// BDAT before any RCPT, RCPT before MAIL, AUTH before EHLO, and the other rules of SMTPCore's
/// session state machine), by playing the plan through that state machine and assuming each step
/// gets the class of reply it expects. Steps that expect a failure are negative tests doing it on
/// purpose, so they get no warning.
enum SequenceCheck {
    /// The warnings for one case's steps.
    static func warnings(for steps: [PlannedStep]) -> [Diagnostic] {
        var state = SMTPSessionState()
        var warnings: [Diagnostic] = []
        walk(steps, &state, &warnings)
        return warnings
    }

    private static func walk(_ steps: [PlannedStep], _ state: inout SMTPSessionState, _ warnings: inout [Diagnostic]) {
        for step in steps {
            if case .pipeline(let group) = step.action {
                walk(group.steps, &state, &warnings)
                continue
            }
            let succeeds = step.expectation.expectsSuccess
            let kinds = kinds(of: step)
            if state.phase == .notConnected, let first = kinds.first, first != .open {
                warnings.append(
                    Diagnostic(
                        severity: .warning,
                        message: "'\(step.verb.rawValue)' comes before any 'open'",
                        location: step.location,
                        note: "start the steps with '- open: host:port'",
                        span: step.verb.rawValue.count
                    )
                )
                _ = state.willSend(.open)
                state.didSucceed(.open)
            }
            for kind in kinds {
                if let problem = state.willSend(kind), succeeds {
                    warnings.append(
                        Diagnostic(
                            severity: .warning,
                            message: "'\(step.verb.rawValue)' expects success but cannot succeed here: \(problem)",
                            location: step.location,
                            note: "if this is a negative test, expect the failure (for example 503)",
                            span: step.verb.rawValue.count
                        )
                    )
                }
                if succeeds { state.didSucceed(kind) } else { state.didFail(kind) }
            }
        }
    }

    /// What the state machine sees of a step; nothing for `sleep`.
    static func kinds(of step: PlannedStep) -> [CommandKind] {
        switch step.action {
        case .open: return [.open]
        case .starttls: return [.starttls]
        case .auth: return [.auth]
        case .data: return [.data]
        case .bdat(let chunks): return chunks.indices.map { .bdat(last: $0 == chunks.count - 1) }
        case .sleep, .pipeline, .arrival: return []
        case .command: return step.command.map { [$0] } ?? []
        }
    }
}
