import Foundation

/// A string from a scenario with its `${…}` references parsed out, not yet resolved.
///
/// The interpolation language: `${name}`, `${name:-default}`, `${env:NAME}`,
/// `${env:NAME:-default}`; `$${` writes a literal `${`. A default is itself plain text.
public struct Template: Sendable, Hashable {
    /// One piece of a template.
    public enum Part: Sendable, Hashable {
        /// Plain text.
        case literal(String)
        /// A variable reference, with its default when given, and its 0-based offset in the text.
        case variable(name: String, defaultValue: String?, offset: Int)
        /// An environment variable reference; its value is secret.
        case environment(name: String, defaultValue: String?, offset: Int)
    }

    /// The pieces in order.
    public var parts: [Part]

    /// Why a template did not parse.
    public struct Problem: Error, Sendable, Hashable {
        /// What is wrong.
        public var message: String
        /// What to write instead.
        public var note: String
        /// The 0-based offset (in Unicode scalars) where the problem starts.
        public var offset: Int
    }

    /// Whether the text contains no references.
    public var isLiteral: Bool {
        parts.allSatisfy { if case .literal = $0 { return true } else { return false } }
    }

    /// Parses a string.
    public static func parse(_ text: String) -> Result<Template, Problem> {
        let scalars = Array(text.unicodeScalars)
        var parts: [Part] = []
        var literal = String.UnicodeScalarView()
        var index = 0
        func flush() {
            if !literal.isEmpty {
                parts.append(.literal(String(literal)))
                literal = String.UnicodeScalarView()
            }
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "$", index + 2 < scalars.count, scalars[index + 1] == "$", scalars[index + 2] == "{" {
                literal.append(contentsOf: "${".unicodeScalars)
                index += 3
                continue
            }
            guard scalar == "$", index + 1 < scalars.count, scalars[index + 1] == "{" else {
                literal.append(scalar)
                index += 1
                continue
            }
            guard let close = scalars[(index + 2)...].firstIndex(of: "}") else {
                return .failure(
                    Problem(
                        message: "unterminated '${' in '\(text)'",
                        note: "close the reference with '}', or write '$${' for a literal '${'",
                        offset: index
                    )
                )
            }
            let body = String(String.UnicodeScalarView(scalars[(index + 2)..<close]))
            switch reference(body, offset: index) {
            case .success(let part):
                flush()
                parts.append(part)
            case .failure(let problem):
                return .failure(problem)
            }
            index = close + 1
        }
        flush()
        return .success(Template(parts: parts))
    }

    private static func reference(_ body: String, offset: Int) -> Result<Part, Problem> {
        var name = Substring(body)
        var defaultValue: String?
        if let range = body.range(of: ":-") {
            name = body[..<range.lowerBound]
            defaultValue = String(body[range.upperBound...])
        }
        var isEnvironment = false
        if name.hasPrefix("env:") {
            isEnvironment = true
            name = name.dropFirst(4)
        }
        guard isValidName(name) else {
            return .failure(
                Problem(
                    message: "invalid variable reference '${\(body)}'",
                    note: "write ${name}, ${name:-default} or ${env:NAME}; names start with a letter or '_' "
                        + "and contain letters, digits, '_', '-' or '.'",
                    offset: offset
                )
            )
        }
        if isEnvironment {
            return .success(.environment(name: String(name), defaultValue: defaultValue, offset: offset))
        }
        return .success(.variable(name: String(name), defaultValue: defaultValue, offset: offset))
    }

    /// Whether `name` is a valid variable name: `[A-Za-z_][A-Za-z0-9_.-]*`.
    public static func isValidName(_ name: Substring) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || isLetter(first) else { return false }
        return name.unicodeScalars.allSatisfy {
            isLetter($0) || ("0"..."9").contains($0) || "_.-".unicodeScalars.contains($0)
        }
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }
}
