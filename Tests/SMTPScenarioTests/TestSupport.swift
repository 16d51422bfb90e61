import Foundation
import SMTPScenario

/// Compiles scenario text held in memory, as if read from `file`.
func compile(
    _ text: String,
    file: String = "test.smtp.yaml",
    options: CompileOptions = CompileOptions(processEnvironment: [:], messageIDPrefix: "fixed")
) -> CompileResult {
    ScenarioCompiler(options: options).compile(SourceFile(path: file, text: text))
}

/// The first case's steps of a scenario that must compile.
func steps(
    _ text: String,
    options: CompileOptions = CompileOptions(processEnvironment: [:], messageIDPrefix: "fixed")
) throws -> [PlannedStep] {
    let result = compile(text, options: options)
    guard let scenario = result.scenario, let first = scenario.cases.first else {
        throw CompileFailed(rendered: result.rendered())
    }
    return first.steps
}

/// The command line a step sends, as the runner would send it.
func wire(_ step: PlannedStep) -> String? {
    if case .command(let line) = step.action { return line.wire() }
    return nil
}

/// The errors of a result as `message @ line:col`.
func errorLines(_ result: CompileResult) -> [String] {
    result.errors.map { "\($0.message) @ \($0.location.map { "\($0.line):\($0.column)" } ?? "-")" }
}

struct CompileFailed: Error, CustomStringConvertible {
    var rendered: String
    var description: String { rendered }
}

/// A temporary directory removed when the value is dropped by the test.
struct TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "smtpspec-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let full = (path as NSString).appendingPathComponent(name)
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent,
            withIntermediateDirectories: true
        )
        try text.write(toFile: full, atomically: true, encoding: .utf8)
        return full
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
