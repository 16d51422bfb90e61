import ArgumentParser
import Foundation
import SMTPDiagnosis

/// `smtpspec explain CODE [ENHANCED] [--step VERB] [--reasons FILE]`: what a reply means and its possible reasons,
/// from the same catalogue failure reports use.
struct ExplainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Say what an SMTP reply code (or a transport failure) means, and its possible reasons.",
        discussion: """
            CODE is a reply code such as 550, or a transport failure: \
            \(TransportFailureKind.allCases.map(\.keyword).joined(separator: ", ")). \
            ENHANCED is an enhanced status code such as 5.1.1.
            Examples: smtpspec explain 550 5.1.1 --step rcpt; smtpspec explain refused --step open
            """
    )

    /// The reply code, or a transport failure keyword.
    @Argument(help: "A reply code (550) or a transport failure (refused, timeout, ...).")
    var code: String

    /// The enhanced status code, if any.
    @Argument(help: "An enhanced status code, such as 5.1.1.")
    var enhanced: String?

    /// The step the reply came at.
    @Option(
        name: .long,
        help: "The step the reply came at: a scenario verb (open, ehlo, mail-from, rcpt, data ...) or end-of-data."
    )
    var step: String?

    /// The reply's text, matched against the catalogue's text patterns.
    @Option(name: .long, help: "The reply's text, to match entries that look at it (such as 'Relay access denied').")
    var text: String?

    /// A team's reasons file, whose entries win over the bundled ones.
    @Option(name: .long, help: "A team's reasons file (YAML); its entries win over the bundled catalogue.")
    var reasons: String?

    func run() async throws {
        let diagnosisStep: DiagnosisStep
        if let step {
            guard let parsed = DiagnosisStep(rawValue: step.lowercased()) else {
                throw usage(
                    "unknown step '\(step)'; steps: \(DiagnosisStep.allCases.map(\.keyword).joined(separator: ", "))"
                )
            }
            diagnosisStep = parsed
        } else {
            diagnosisStep = .any
        }
        let failure = TransportFailureKind(rawValue: code.lowercased())
        var replyCode: Int?
        if failure == nil {
            guard code.count == 3, code.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(code),
                ReplyCodePattern.isValidCode(value)
            else {
                throw usage(
                    "'\(code)' is not a reply code (three digits: the first 2-5, the second 0-5) "
                        + "or a transport failure (\(TransportFailureKind.allCases.map(\.keyword).joined(separator: ", ")))"
                )
            }
            replyCode = value
        } else if enhanced != nil {
            throw usage("a transport failure has no enhanced status code")
        }
        if let enhanced, EnhancedCodePattern(enhanced)?.details?.count != 1 || enhanced.lowercased().contains("x") {
            throw usage("'\(enhanced)' is not an enhanced status code (class.subject.detail, such as 5.1.1)")
        }
        let catalogue: ReasonsCatalogue
        do {
            catalogue = try ReasonsCatalogue.load(reasonsFile: reasons)
        } catch {
            Console.err(error.rendered)
            throw reasons == nil ? ExitStatus.internalError : ExitStatus.invalidInput
        }
        let diagnosis: Diagnosis
        if let failure {
            diagnosis = catalogue.explain(step: diagnosisStep, transportFailure: failure)
        } else {
            diagnosis = catalogue.explain(step: diagnosisStep, code: replyCode, enhanced: enhanced, text: text)
        }
        print(diagnosis.renderedText(), terminator: "")
    }

    /// Writes a usage error to standard error and returns the exit status for invalid input.
    private func usage(_ message: String) -> ExitStatus {
        Console.err("error: \(message)\n")
        return ExitStatus.invalidInput
    }
}
