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
            var unreadable: [String] = []
            let found = scenarioFiles(under: path, unreadable: &unreadable)
                .sorted()
                .map { (path as NSString).appendingPathComponent($0) }
            for folder in unreadable {
                missing.append(
                    Diagnostic(
                        message: "cannot read directory \(folder)",
                        location: nil,
                        note: "check its permissions; scenario files below it were not looked for"
                    )
                )
            }
            if found.isEmpty, unreadable.isEmpty {
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

    /// The paths, relative to `root`, of the scenario files below it; every folder that cannot be listed goes to
    /// `unreadable` (a folder one cannot read is not a folder without scenarios). Links to folders are not
    /// followed, so a link loop cannot recurse forever.
    private static func scenarioFiles(under root: String, unreadable: inout [String]) -> [String] {
        let manager = FileManager.default
        var found: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let folder = relative.isEmpty ? root : (root as NSString).appendingPathComponent(relative)
            guard manager.isReadableFile(atPath: folder), manager.isExecutableFile(atPath: folder),
                let names = try? manager.contentsOfDirectory(atPath: folder)
            else {
                unreadable.append(folder)
                continue
            }
            for name in names {
                let path = relative.isEmpty ? name : (relative as NSString).appendingPathComponent(name)
                let full = (root as NSString).appendingPathComponent(path)
                let type = (try? manager.attributesOfItem(atPath: full))?[.type] as? FileAttributeType
                if type == .typeDirectory {
                    pending.append(path)
                } else if name.hasSuffix(suffix) {
                    found.append(path)
                }
            }
        }
        unreadable.sort()
        return found
    }
}
