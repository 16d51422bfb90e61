import ArgumentParser
import Foundation
import SMTPReport

/// `smtpspec merge REPORT.json... --report FORMAT:FILE...`: joins the JSON reports of a suite's shards.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract:
            "Join the JSON reports of a suite's shards (run --shard I/N --report json:F) into one set of reports.",
        discussion: """
            Every shard's report must be given, each once, all from the same suite and split. Exit status: 0 all \
            passed, 1 some case failed, 2 reports that do not belong together or bad usage (nothing is written), \
            3 a report cannot be written. The last line is 'N passed, N failed'.
            """
    )

    @Argument(help: "The shards' JSON reports.")
    var shards: [String]

    @OptionGroup var output: ReportOptions

    @Flag(name: .long, help: "Show only the summary, not each failure.")
    var quiet = false

    func run() throws {
        let destinations = try output.checkedDestinations(undone: "written")
        let outcome: ReportMerger.Outcome
        do {
            outcome = try ReportMerger(paths: shards).merge(into: destinations, transcripts: output.transcripts)
        } catch let problem as ReportMerger.Problem {
            Console.err("error: \(problem)\nnothing was written\n")
            throw ExitStatus.invalidInput
        } catch {
            Console.err("error: \(error)\n")
            throw ExitStatus.internalError
        }
        if !quiet {
            for failure in outcome.failures {
                Console.out("✗ \(failure.name)  (\(failure.file))\n" + failure.text + "\n")
            }
        }
        let summary = outcome.summary
        let skipped = outcome.skipped > 0 ? ", \(outcome.skipped) skipped" : ""
        Console.out(
            ConsoleReporter(style: ConsoleStyle(color: false, verbosity: .normal)).summaryLine(summary) + skipped
        )
        throw summary.allPassed ? ExitStatus.success : ExitStatus.failures
    }
}
