import Foundation
import SMTPYAML

/// Finds the scenario files a command names: files as given, and every `*.smtp.yaml` below a
/// directory, sorted, each once.
public enum ScenarioFiles {
    /// The suffix of scenario files.
    public static let suffix = ".smtp.yaml"

    /// The scenario files under `paths`, or a diagnostic for a path that does not exist.
    public static func find(_ paths: [String]) -> (files: [String], missing: [Diagnostic]) {
        var files: [String] = []
        var missing: [Diagnostic] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                missing.append(
                    Diagnostic(message: "no such file or directory: \(path)", location: nil, note: "check the path")
                )
                continue
            }
            if !isDirectory.boolValue {
                files.append(path)
                continue
            }
            let found = (manager.enumerator(atPath: path)?.allObjects as? [String] ?? [])
                .filter { $0.hasSuffix(suffix) }
                .sorted()
                .map { (path as NSString).appendingPathComponent($0) }
            if found.isEmpty {
                missing.append(
                    Diagnostic(
                        message: "no *\(suffix) files under \(path)",
                        location: nil,
                        note: "scenario files end in \(suffix)"
                    )
                )
            }
            files += found
        }
        var seen: Set<String> = []
        return (files.filter { seen.insert($0).inserted }, missing)
    }
}
