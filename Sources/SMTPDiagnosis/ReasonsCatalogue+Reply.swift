import SMTPCore

extension ReasonsCatalogue {
    /// What an SMTPCore ``Reply`` at a step means, and its possible reasons: its code, the enhanced status code
    /// at the start of its first line, and the text of every line.
    public func explain(step: DiagnosisStep, reply: Reply) -> Diagnosis {
        explain(
            step: step,
            code: reply.code.value,
            enhanced: reply.enhancedStatusCode,
            text: reply.text
        )
    }

    /// What a reply code and enhanced status code (SMTPCore's types) at a step mean, and their possible reasons.
    public func explain(
        step: DiagnosisStep,
        code: ReplyCode,
        enhanced: EnhancedStatusCode?,
        text: String? = nil
    ) -> Diagnosis {
        explain(step: step, code: code.value, enhanced: enhanced, text: text)
    }
}
