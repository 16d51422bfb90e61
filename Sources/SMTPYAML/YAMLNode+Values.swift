extension YAMLNode {
    /// The node as a string; reports an error naming `what` for a mapping, list or nothing.
    public func string(_ what: String, diagnostics: inout [Diagnostic]) -> String? {
        if let scalar { return scalar }
        diagnostics.append(
            Diagnostic(message: "\(what) must be a string, not \(kindDescription)", location: location)
        )
        return nil
    }

    /// The node as a whole number within `range`; reports an error otherwise.
    public func integer(
        _ what: String,
        in range: ClosedRange<Int> = Int.min...Int.max,
        diagnostics: inout [Diagnostic]
    ) -> Int? {
        guard let text = scalar, let value = Int(text.trimmingCharacters(in: " ")) else {
            diagnostics.append(
                Diagnostic(
                    message: "\(what) must be a whole number, not \(scalar.map { "'\($0)'" } ?? kindDescription)",
                    location: location
                )
            )
            return nil
        }
        guard range.contains(value) else {
            diagnostics.append(
                Diagnostic(
                    message: "\(what) must be between \(range.lowerBound) and \(range.upperBound), not \(value)",
                    location: location
                )
            )
            return nil
        }
        return value
    }

    /// The node as a boolean (`true`/`false`, `yes`/`no`, `on`/`off`); reports an error otherwise.
    public func boolean(_ what: String, diagnostics: inout [Diagnostic]) -> Bool? {
        switch scalar?.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            diagnostics.append(
                Diagnostic(
                    message: "\(what) must be true or false, not \(scalar.map { "'\($0)'" } ?? kindDescription)",
                    location: location
                )
            )
            return nil
        }
    }

    /// The node as a list of strings; a single string counts as a list of one.
    public func stringList(_ what: String, diagnostics: inout [Diagnostic]) -> [(String, SourceLocation)]? {
        switch content {
        case .scalar(let text, _):
            return [(text, location)]
        case .sequence(let items):
            var result: [(String, SourceLocation)] = []
            for item in items {
                guard let text = item.string("each entry of \(what)", diagnostics: &diagnostics) else { continue }
                result.append((text, item.location))
            }
            return result
        case .mapping, .null:
            diagnostics.append(
                Diagnostic(
                    message: "\(what) must be a string or a list of strings, not \(kindDescription)",
                    location: location
                )
            )
            return nil
        }
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Character) -> Substring {
        var view = self[...]
        while view.first == set { view = view.dropFirst() }
        while view.last == set { view = view.dropLast() }
        return view
    }
}
