import Foundation
import SMTPCore
import SMTPYAML

/// Compiles the steps of one case (one combination of the matrix) into planned steps.
struct CaseCompiler {
    /// The scenario being compiled.
    let ast: ScenarioAST
    /// The directory of the scenario file, for `data: {file}`.
    let directory: String
    /// Options from the command line.
    let options: CompileOptions
    /// The Date header of generated messages: ``CompileOptions/now``, formatted once per scenario rather than per
    /// message (a DateFormatter is costly to make, and a matrix makes many messages).
    let date: String
    /// The case's position among the scenario's cases (0-based, in matrix order): with
    /// ``CompileOptions/messageIDPrefix`` it makes each case's Message-IDs and `${case.id}` unique.
    let caseIndex: Int
    /// Variable resolution for this case.
    var interpolator: Interpolator
    /// Sender and recipients seen so far, for generated From/To headers.
    var envelope = EnvelopeMemory()
    /// Messages generated so far, for unique Message-IDs.
    var messageCount = 0
    /// `rcpt` steps compiled so far, held to ``InputLimits/recipientsPerCase``.
    var recipientCount = 0
    /// The message sent last, which await steps wait for.
    var sentMessage: SentMessage?
    /// The ENVID of the last `mail-from`, which `await-dsn` may find the notification by.
    var envelopeID: PlanText?

    init(
        ast: ScenarioAST,
        directory: String,
        options: CompileOptions,
        date: String,
        interpolator: Interpolator,
        caseIndex: Int
    ) {
        self.ast = ast
        self.directory = directory
        self.options = options
        self.date = date
        self.caseIndex = caseIndex
        self.interpolator = interpolator
        self.interpolator.caseID = Self.caseID(prefix: options.messageIDPrefix, index: caseIndex)
    }

    /// `${case.id}`: the first 12 characters of the run's prefix (hex digits of a random UUID unless the options
    /// say otherwise), `-`, and the case's index; unique per case and per run.
    static func caseID(prefix: String, index: Int) -> String {
        String(prefix.unicodeScalars.filter { $0 != "-" }.prefix(12)) + "-" + String(index)
    }

    /// The problems found (interpolation and step compilation).
    var diagnostics: [Diagnostic] { interpolator.diagnostics }

    mutating func error(_ message: String, at location: SourceLocation, note: String? = nil, span: Int = 1) {
        interpolator.diagnostics.append(Diagnostic(message: message, location: location, note: note, span: span))
    }

    /// Compiles a list of steps.
    mutating func compile(_ steps: [StepAST]) -> [PlannedStep] {
        var planned: [PlannedStep] = []
        for (index, step) in steps.enumerated() {
            if let compiled = compile(step, index: index) { planned.append(compiled) }
            for capture in step.captures { interpolator.captureNames.insert(capture.name) }
        }
        return planned
    }

    private mutating func compile(_ step: StepAST, index: Int) -> PlannedStep? {
        let expectation = compileExpectation(step.expect, verb: step.verb)
        var timeout = step.timeout?.value ?? ast.timeout?.value ?? StepDefaults.timeout(for: step.verb)
        if case .open(let open) = step.argument, let own = open.timeout?.value {
            // `open: {timeout: 2s}` bounds connecting and the greeting together.
            timeout = own
        }
        guard var action = compileAction(step, timeout: timeout) else { return nil }
        if case .arrival(let awaited) = action {
            return PlannedStep(
                index: index,
                verb: step.verb,
                name: step.name?.value,
                location: step.location,
                action: action,
                expectation: Expectation(
                    replies: [],
                    source: awaited.expectation.summary,
                    location: step.arrivalExpectation?.location
                ),
                timeout: awaited.within
            )
        }
        if case .open(var open) = action {
            open.connectTimeout = min(open.connectTimeout, timeout)
            action = .open(open)
        }
        return PlannedStep(
            index: index,
            verb: step.verb,
            command: PlannedStep.commandKind(of: step.verb, action: action),
            name: step.name?.value,
            location: step.location,
            action: action,
            expectation: expectation,
            timeout: timeout,
            within: step.within?.value,
            captures: step.captures
        )
    }

    private mutating func compileAction(_ step: StepAST, timeout: Duration) -> PlannedAction? {
        switch (step.verb, step.argument) {
        case (.open, .open(let open)):
            return compileOpen(open, at: step.location).map(PlannedAction.open)
        case (.ehlo, .text(let domain)), (.helo, .text(let domain)), (.lhlo, .text(let domain)):
            guard let text = argument(domain, of: step.verb) else { return nil }
            checkDomain(text, at: domain)
            return command(step.verb.rawValue.uppercased() + " " + text, at: domain.location)
        case (.mailFrom, .mailFrom(let mail)):
            return compileMailFrom(mail)
        case (.rcpt, .rcpt(let rcpt)):
            return compileRcpt(rcpt, besideNotify: step.notify)
        case (.data, .text(let raw)):
            guard let message = fenced(raw, slot: .messageText, what: "the message of 'data'") else { return nil }
            noteSentMessage(message, written: [raw])
            return .data(DataPlan(message: message.normalisingLineEnds(), initiationTimeout: dataInitiation(timeout)))
        case (.data, .message(let message)):
            guard let (text, fences) = compileMessage(message, at: step.location) else { return nil }
            return .data(DataPlan(message: text, initiationTimeout: dataInitiation(timeout), fences: fences))
        case (.bdat, .text(let raw)):
            guard let text = interpolator.text(raw) else { return nil }
            noteSentMessage(text, written: [raw])
            return .bdat(chunks: [text.normalisingLineEnds()])
        case (.bdat, .chunks(let chunks)):
            let texts = chunks.compactMap { interpolator.text($0)?.normalisingLineEnds() }
            guard texts.count == chunks.count else { return nil }
            if texts.isEmpty { error("'bdat' needs at least one chunk", at: step.location) }
            noteSentMessage(texts.reduce(PlanText([]), +), written: chunks)
            return .bdat(chunks: texts)
        case (.awaitMessage, .arrival(let written)), (.awaitDSN, .arrival(let written)):
            return compileAwait(step, written)
        case (.rset, _), (.quit, _):
            return .command(PlanText(literal: step.verb.rawValue.uppercased()))
        case (.noop, .none), (.help, .none):
            return .command(PlanText(literal: step.verb.rawValue.uppercased()))
        case (.noop, .text(let value)), (.help, .text(let value)), (.vrfy, .text(let value)),
            (.expn, .text(let value)):
            guard let text = argument(value, of: step.verb) else { return nil }
            return command(step.verb.rawValue.uppercased() + " " + text, at: value.location)
        case (.send, .text(let raw)):
            guard let text = argument(raw, of: .send) else { return nil }
            if text.wire().isEmpty { error("'send' needs a command line", at: raw.location) }
            return command(text, at: raw.location)
        case (.starttls, .none):
            return .starttls(TLSPlan())
        case (.starttls, .tls(let tls)):
            return compileTLS(tls).map(PlannedAction.starttls)
        case (.auth, .auth(let auth)):
            return compileAuth(auth)
        case (.pipeline, .steps(let steps)):
            let inner = compile(steps)
            guard inner.count == steps.count else { return nil }
            checkPipelineOrder(inner)
            return .pipeline(PipelinePlan(steps: inner, force: step.force))
        case (.sleep, .duration(let duration)):
            return .sleep(duration.value)
        default:
            // The reader already reported why the argument is missing.
            return nil
        }
    }

    /// Refuses a step with another after it in its pipeline when SMTPCore's `CommandKind.mayBeFollowedInPipeline`
    /// (RFC 2920 §3.1) says it must end the group: only RSET, MAIL, RCPT and BDAT chunks before the last may be
    /// followed. A `send` line the compiler cannot read (an unknown verb, a malformed command, a capture still to
    /// come) is the writer's deliberate raw line and is not judged.
    private mutating func checkPipelineOrder(_ steps: [PlannedStep]) {
        // A step that cannot be pipelined at all was refused by the reader already.
        let sent = steps.filter(\.verb.mayBePipelined).flatMap { step in
            SequenceCheck.kinds(of: step).map { (step: step, kind: $0) }
        }
        for (step, kind) in sent.dropLast() where kind != .raw && !kind.mayBeFollowedInPipeline {
            error(
                "'\(step.verb.rawValue)' must be the last step of its pipeline",
                at: step.location,
                note: "RFC 2920 §3.1: the reply to \(kind) must be read before anything more is sent; "
                    + "end the pipeline here and put the rest after it",
                span: step.verb.rawValue.count
            )
            return
        }
    }

    private func dataInitiation(_ timeout: Duration) -> Duration {
        min(timeout, StepDefaults.dataInitiation)
    }

    /// Interpolates a command argument and applies the wire fence for a command (no CR, LF or NUL: no value can
    /// inject an SMTP command, nor cut one short).
    mutating func argument(_ value: Located<String>, of verb: Verb) -> PlanText? {
        fenced(value, slot: .commandLine, what: "the argument of '\(verb.rawValue)'")
    }

    /// A command line, checked against the 512-octet limit when it is known at compile time.
    mutating func command(_ line: PlanText, at location: SourceLocation) -> PlannedAction {
        if line.captureNames.isEmpty {
            let octets = line.wire().utf8.count + 2
            if octets > SMTPLimits.commandLine {
                // The length of a line that holds a secret would tell the secret's length.
                error(
                    line.containsSecret
                        ? "the command line is longer than RFC 5321 §4.5.3.1.4 allows (\(SMTPLimits.commandLine) "
                            + "octets with CRLF)"
                        : "command line is \(octets) octets with CRLF; RFC 5321 §4.5.3.1.4 allows "
                            + "\(SMTPLimits.commandLine)",
                    at: location,
                    note: line.containsSecret ? Self.secretNote : "shorten the argument"
                )
            }
        }
        return .command(line)
    }
}

/// The envelope written so far in a case, to fill a generated message's From and To (secrets kept as secrets).
struct EnvelopeMemory {
    var sender: PlanText?
    var recipients: [PlanText] = []
}

extension PlanText {
    /// The text with every bare CR or LF turned into CRLF.
    func normalisingLineEnds() -> PlanText {
        PlanText(
            segments.map { segment in
                switch segment {
                case .literal(let text): return .literal(text.normalisingLineEnds())
                case .secret(let text): return .secret(text.normalisingLineEnds())
                case .capture: return segment
                }
            }
        )
    }
}

extension String {
    /// The text with every bare CR, bare LF and CRLF written as CRLF.
    func normalisingLineEnds() -> String {
        var result = ""
        var previousWasCR = false
        for scalar in unicodeScalars {
            if scalar == "\n" {
                if !previousWasCR { result += "\r\n" }
                previousWasCR = false
            } else if scalar == "\r" {
                result += "\r\n"
                previousWasCR = true
            } else {
                result.unicodeScalars.append(scalar)
                previousWasCR = false
            }
        }
        return result
    }
}
