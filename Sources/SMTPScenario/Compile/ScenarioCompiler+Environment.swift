import Foundation
import SMTPYAML

extension ScenarioCompiler {
    /// The keys an environment file may have.
    public static let environmentKeys = ["name", "description", "vars"]

    /// Reads the environment chosen by `--env-file` or `--env NAME` (as `environments/NAME.yaml`
    /// beside the scenario); an empty list when none is chosen.
    func loadEnvironment(
        for scenarioPath: String,
        sources: inout [String: SourceFile],
        diagnostics: inout [Diagnostic]
    ) -> [VariableAST] {
        let path: String
        if let file = options.environmentFile {
            path = file
        } else if let name = options.environmentName {
            let directory = (scenarioPath as NSString).deletingLastPathComponent
            path = ((directory.isEmpty ? "." : directory) as NSString)
                .appendingPathComponent("environments/\(name).yaml")
            if !FileManager.default.fileExists(atPath: path) {
                let available = Self.availableEnvironments(beside: scenarioPath)
                diagnostics.append(
                    Diagnostic(
                        message: "environment '\(name)' not found: no file \(path)",
                        location: nil,
                        note: available.isEmpty
                            ? "create \(path) with 'vars:', or pass --env-file"
                            : "available: \(available.joined(separator: ", "))"
                    )
                )
                return []
            }
        } else {
            return []
        }
        let source: SourceFile
        do {
            source = try SourceFile.read(path: path, maxBytes: options.limits.fileSize)
        } catch {
            diagnostics.append(error)
            return []
        }
        sources[path] = source
        let root: YAMLNode?
        do {
            root = try YAMLDocument.parse(source, limits: options.limits)
        } catch {
            diagnostics.append(error)
            return []
        }
        guard let root else { return [] }
        guard
            let map = MappingReader(
                root,
                what: "the environment file",
                allowedKeys: Self.environmentKeys,
                diagnostics: &diagnostics
            )
        else { return [] }
        guard let vars = map["vars"] else { return [] }
        var reader = ScenarioReader()
        let result = reader.readVariables(vars, what: "vars")
        diagnostics += reader.diagnostics
        return result
    }

    /// The environment names in `environments/` beside a scenario.
    static func availableEnvironments(beside scenarioPath: String) -> [String] {
        let directory = (scenarioPath as NSString).deletingLastPathComponent
        let folder = ((directory.isEmpty ? "." : directory) as NSString).appendingPathComponent("environments")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }
}
