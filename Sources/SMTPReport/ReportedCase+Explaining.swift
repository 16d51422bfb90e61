import SMTPDiagnosis
import SMTPRunner
import SMTPYAML

extension ReportedCase {
    /// A case as soon as its result is in (for printing it while the run goes on): the result with `secrets`
    /// masked, and its failure explained with `catalogue`.
    public init(result: ScenarioResult, catalogue: ReasonsCatalogue, secrets: [String] = []) {
        self.init(result: result, catalogue: catalogue, mask: SecretMask(secrets))
    }

    /// Explains `result` with `catalogue`, every secret `mask` knows shown as `******`: for a run that reports
    /// many cases with one mask.
    public init(result: ScenarioResult, catalogue: ReasonsCatalogue, mask: SecretMask) {
        let masked = result.masked(by: mask)
        self.init(result: masked, explanation: FailureExplanation.explain(masked, catalogue: catalogue))
    }
}
