import SMTPCore
import SMTPRunner
import SMTPYAML

extension ScenarioResult {
    /// The result with every secret masked in every text it holds.
    func masked(by mask: SecretMask) -> ScenarioResult {
        guard !mask.isEmpty else { return self }
        var copy = self
        copy.scenarioName = mask.apply(scenarioName)
        copy.caseName = mask.apply(caseName)
        copy.steps = steps.map { $0.masked(by: mask) }
        copy.transcript = transcript.map { entry in
            var entry = entry
            entry.text = mask.apply(entry.text)
            return entry
        }
        return copy
    }
}

extension StepResult {
    /// The step with every secret masked: lines sent, replies, the failure, captures and grouped steps.
    func masked(by mask: SecretMask) -> StepResult {
        var copy = self
        copy.name = name.map(mask.apply)
        copy.sentLines = sentLines.map(mask.apply)
        copy.reply = reply.map { $0.masked(by: mask) }
        copy.intermediateReplies = intermediateReplies.map { $0.masked(by: mask) }
        copy.failure = failure.map { $0.masked(by: mask) }
        copy.expected = mask.apply(expected)
        copy.captured = captured.mapValues(mask.apply)
        copy.peer = peer.map(mask.apply)
        copy.substeps = substeps.map { $0.masked(by: mask) }
        return copy
    }
}

extension StepFailure {
    /// The failure with every secret masked in its message and quoted bytes.
    func masked(by mask: SecretMask) -> StepFailure {
        var kind = kind
        if case .protocolDefect(let quoted) = kind {
            kind = .protocolDefect(quoted: mask.apply(quoted))
        }
        return StepFailure(kind: kind, message: mask.apply(message))
    }
}

extension Reply {
    /// The reply with every secret masked in its lines.
    func masked(by mask: SecretMask) -> Reply {
        Reply(code: code, lines: lines.map(mask.apply))
    }
}

extension InvalidFile {
    /// The file with every secret masked in its diagnostics and its quoted text.
    func masked(by mask: SecretMask) -> InvalidFile {
        guard !mask.isEmpty else { return self }
        var copy = self
        copy.diagnostics = diagnostics.map { diagnostic in
            var diagnostic = diagnostic
            diagnostic.message = mask.apply(diagnostic.message)
            diagnostic.note = diagnostic.note.map(mask.apply)
            return diagnostic
        }
        copy.source = source.map { SourceFile(path: $0.path, text: mask.apply($0.text)) }
        return copy
    }
}
