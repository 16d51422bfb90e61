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
        self.init(result: result, mask: mask) { catalogue }
    }

    /// Explains `result` with the catalogue `catalogue` returns, asked for only when the result has a failure to
    /// explain: a run whose cases pass never needs one.
    public init<Failure: Error>(
        result: ScenarioResult,
        mask: SecretMask,
        catalogue: () throws(Failure) -> ReasonsCatalogue
    ) throws(Failure) {
        let masked = result.masked(by: mask)
        let explanation =
            masked.status == .passed ? nil : FailureExplanation.explain(masked, catalogue: try catalogue())
        self.init(result: masked, explanation: explanation)
    }
}
