import ArgumentParser
import Foundation
import SMTPCore
import SMTPDiagnosis
import SMTPRunner

/// `smtpspec explain CODE [ENHANCED] [--step VERB] [--reasons FILE]`: what a reply means and its possible reasons,
/// from the same catalogue failure reports use. CODE may also be an enhanced status code on its own (`5.7.1`);
/// `smtpspec explain --mismatch KIND` says what a kind of mismatch means.
struct ExplainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract:
            "Say what an SMTP reply code, enhanced status code or transport failure means, and its possible reasons.",
        discussion: """
            CODE is a reply code such as 550, an enhanced status code on its own such as 5.7.1, or a transport \
            failure: \(TransportFailureKind.allCases.map(\.keyword).joined(separator: ", ")). \
            ENHANCED is an enhanced status code such as 5.1.1, given after a reply code.
            --mismatch KIND explains a kind of mismatch instead: \
            \(MismatchKind.allCases.map(\.keyword).joined(separator: ", ")).
            Examples: smtpspec explain 550 5.1.1 --step rcpt; smtpspec explain 5.7.1; \
            smtpspec explain refused --step open; smtpspec explain --mismatch capability-missing
            """
    )

    /// The reply code, or a transport failure keyword.
    @Argument(help: "A reply code (550), an enhanced status code (5.7.1) or a transport failure (refused, ...).")
    var code: String?

    /// A kind of mismatch to explain instead of a reply.
    @Option(name: .long, help: "A kind of mismatch (capability-missing, greeting-timeout, tls-name, ...).")
    var mismatch: String?

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
        if let mismatch {
            guard code == nil, enhanced == nil else { throw usage("give either a reply code or --mismatch, not both") }
            try explainMismatch(mismatch)
            return
        }
        guard let code else {
            throw usage("give a reply code, an enhanced status code, a transport failure, or --mismatch KIND")
        }
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
        let enhancedAlone = failure == nil ? EnhancedStatusCode(parsing: code) : nil
        var replyCode: Int?
        if let enhancedAlone {
            if let enhanced {
                throw usage(
                    "'\(enhancedAlone)' is already an enhanced status code; give a reply code before '\(enhanced)' "
                        + "(such as 550 \(enhanced)) or the enhanced code alone"
                )
            }
        } else if failure == nil {
            guard code.count == 3, code.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(code),
                ReplyCode(value) != nil
            else {
                throw usage(Self.notACode(code))
            }
            replyCode = value
        } else if enhanced != nil {
            throw usage("a transport failure has no enhanced status code")
        }
        if let enhanced, EnhancedStatusCode(parsing: enhanced) == nil {
            throw usage("'\(enhanced)' is not an enhanced status code (class.subject.detail, such as 5.1.1)")
        }
        let catalogue = try loadCatalogue()
        let diagnosis: Diagnosis
        if let failure {
            diagnosis = catalogue.explain(step: diagnosisStep, transportFailure: failure)
        } else if let enhancedAlone {
            diagnosis = catalogue.explain(step: diagnosisStep, enhancedCode: enhancedAlone, text: text)
        } else {
            diagnosis = catalogue.explain(
                step: diagnosisStep,
                code: replyCode,
                enhanced: enhanced.flatMap { EnhancedStatusCode(parsing: $0) },
                text: text
            )
        }
        print(diagnosis.renderedText(), terminator: "")
    }

    /// Prints what a kind of mismatch means and its possible reasons.
    private func explainMismatch(_ keyword: String) throws {
        guard let kind = MismatchKind(rawValue: keyword.lowercased()) else {
            throw usage(
                "unknown mismatch '\(keyword)'; kinds: \(MismatchKind.allCases.map(\.keyword).joined(separator: ", "))"
            )
        }
        let catalogue = try loadCatalogue()
        guard let info = catalogue.mismatches[kind] else {
            throw usage(
                kind == .reply
                    ? "a wrong reply is explained by its code: smtpspec explain CODE [ENHANCED] --step STEP"
                    : "the catalogue has no row for '\(kind.keyword)'"
            )
        }
        print(info.renderedText(), terminator: "")
    }

    /// The bundled catalogue with the team's file laid over it.
    private func loadCatalogue() throws -> ReasonsCatalogue {
        do {
            return try ReasonsCatalogue.load(reasonsFile: reasons)
        } catch {
            Console.err(error.rendered)
            throw reasons == nil ? ExitStatus.internalError : ExitStatus.invalidInput
        }
    }

    /// The usage error for a CODE that is none of the three forms; a dotted one is taken for an attempt at an
    /// enhanced status code.
    static func notACode(_ code: String) -> String {
        let failures = TransportFailureKind.allCases.map(\.keyword).joined(separator: ", ")
        if code.contains(".") {
            return "'\(code)' is not an enhanced status code: it needs class.subject.detail, the class 2, 4 or 5 "
                + "and the subject and detail 1 to 3 digits each, such as 5.7.1"
        }
        return "'\(code)' is not a reply code (three digits: the first 2-5, the second 0-5), an enhanced status code "
            + "(such as 5.7.1) or a transport failure (\(failures))"
    }

    /// Writes a usage error to standard error and returns the exit status for invalid input.
    private func usage(_ message: String) -> ExitStatus {
        Console.err("error: \(message)\n")
        return ExitStatus.invalidInput
    }
}
