import SMTPDiagnosis
import SMTPRunner
import SMTPYAML

extension ReportedCase {
    /// A case as soon as its result is in (for printing it while the run goes on): the result with `secrets`
    /// masked, and its failure explained with `catalogue`.
    public init(result: ScenarioResult, catalogue: ReasonsCatalogue, secrets: [String] = []) {
        let masked = result.masked(by: SecretMask(secrets))
        self.init(result: masked, explanation: FailureExplanation.explain(masked, catalogue: catalogue))
    }
}
