import ArgumentParser
import SMTPReport

/// The options that choose report files: `--report FORMAT:FILE` (repeatable) and `--transcripts DIR`.
struct ReportOptions: ParsableArguments {
    @Option(
        name: .customLong("report"),
        help: ArgumentHelp("Write a report (repeatable).", valueName: "junit:F|json:F|tap:F|html:F")
    )
    var reports: [String] = []

    @Option(name: .long, help: ArgumentHelp("Write one transcript file per case here.", valueName: "dir"))
    var transcripts: String?

    func validate() throws {
        for report in reports {
            do {
                _ = try ReportDestination(parsing: report)
            } catch {
                throw ValidationError("--report: \(error)")
            }
        }
    }

    /// The `--report` destinations, each checked to be writable, and the `--transcripts` folder: a report that
    /// cannot be written is found before the work starts, not after it. Exits 2 saying "nothing was" `undone`
    /// ("sent" for a run, "written" for a merge).
    func checkedDestinations(undone: String) throws -> [ReportDestination] {
        var destinations: [ReportDestination] = []
        var problems: [String] = []
        for report in reports {
            do {
                let destination = try ReportDestination(parsing: report)
                if let problem = destination.writeProblem { problems.append("--report \(report): \(problem)") }
                destinations.append(destination)
            } catch {
                problems.append("--report: \(error)")
            }
        }
        if let transcripts, let problem = TranscriptWriter.writeProblem(directory: transcripts) {
            problems.append("--transcripts \(transcripts): \(problem)")
        }
        guard problems.isEmpty else {
            Console.err(problems.map { "error: \($0)\n" }.joined() + "nothing was \(undone)\n")
            throw ExitStatus.invalidInput
        }
        return destinations
    }
}
