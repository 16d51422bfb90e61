import SMTPYAML

/// Warns where a step that expects success cannot succeed under RFC 5321 sequencing: DATA or
/// BDAT before any RCPT, RCPT before MAIL, AUTH before EHLO. Steps that expect a failure are
/// negative tests doing it on purpose, so they get no warning.
enum SequenceCheck {
    private struct State {
        var connected = false
        var greeted = false
        var esmtp = false
        var inTransaction = false
        var recipients = 0
    }

    /// The warnings for one case's steps.
    static func warnings(for steps: [PlannedStep]) -> [Diagnostic] {
        var state = State()
        var warnings: [Diagnostic] = []
        walk(steps, &state, &warnings)
        return warnings
    }

    private static func walk(_ steps: [PlannedStep], _ state: inout State, _ warnings: inout [Diagnostic]) {
        for step in steps {
            if case .pipeline(let group) = step.action {
                walk(group.steps, &state, &warnings)
                continue
            }
            let succeeds = step.expectation.expectsSuccess
            if succeeds, let problem = problem(step.verb, state) {
                warnings.append(
                    Diagnostic(
                        severity: .warning,
                        message: "'\(step.verb.rawValue)' expects success but cannot succeed here: \(problem.0)",
                        location: step.location,
                        note: problem.1,
                        span: step.verb.rawValue.count
                    )
                )
            }
            apply(step.verb, succeeded: succeeds, &state)
        }
    }

    private static func problem(_ verb: Verb, _ state: State) -> (String, String)? {
        switch verb {
        case .data where state.recipients == 0, .bdat where state.recipients == 0:
            return (
                "no RCPT has been accepted",
                "RFC 5321 §3.3: DATA needs a recipient; expect 503 or 554 if this is a negative test"
            )
        case .rcpt where !state.inTransaction:
            return ("no MAIL FROM has been accepted", "RFC 5321 §3.3: RCPT needs MAIL first; expect 503 if intended")
        case .auth where !state.esmtp:
            return (
                "no EHLO has been accepted on this connection",
                "RFC 4954: AUTH needs EHLO first (and again after STARTTLS); expect 503 if intended"
            )
        default:
            return nil
        }
    }

    private static func apply(_ verb: Verb, succeeded: Bool, _ state: inout State) {
        switch verb {
        case .open:
            state = State()
            state.connected = succeeded
        case .ehlo, .lhlo:
            if succeeded {
                state.greeted = true
                state.esmtp = true
                state.inTransaction = false
                state.recipients = 0
            }
        case .helo:
            if succeeded {
                state.greeted = true
                state.esmtp = false
                state.inTransaction = false
                state.recipients = 0
            }
        case .starttls:
            if succeeded {
                state.greeted = false
                state.esmtp = false
                state.inTransaction = false
                state.recipients = 0
            }
        case .mailFrom:
            if succeeded {
                state.inTransaction = true
                state.recipients = 0
            }
        case .rcpt:
            if succeeded, state.inTransaction { state.recipients += 1 }
        case .data, .rset:
            state.inTransaction = false
            state.recipients = 0
        case .quit:
            state = State()
        default:
            break
        }
    }
}
