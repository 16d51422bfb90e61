import SMTPCore

/// The expectation language for replies: alternatives separated by `|`, each a reply class
/// (`2xx`), a word (`success`, `intermediate`, `transient`, `permanent`, `failure`), an exact code
/// (`250`), an enhanced status code pattern (`2.1.5`, `5.7.x`), a code and an enhanced code
/// (`250 2.1.5`), or, for `open` only, `no-connection`.
public enum ExpectationSyntax {
    /// One parsed alternative.
    public enum Alternative: Sendable, Hashable {
        /// A reply pattern.
        case reply(ReplyPattern)
        /// The connection must fail.
        case noConnection
    }

    /// Why an expectation did not parse.
    public struct Problem: Error, Sendable, Hashable {
        /// What is wrong.
        public var message: String
        /// What to write instead.
        public var note: String
    }

    private static let words: [String: [Int]] = [
        "success": [2], "intermediate": [3], "transient": [4], "permanent": [5], "failure": [4, 5],
    ]

    private static let help =
        "write a class (2xx), a code (250), an enhanced code (2.1.5 or 5.7.x), both (250 2.1.5), "
        + "a word (success, intermediate, transient, permanent, failure), or alternatives joined by '|'"

    /// Parses one expectation string, which may hold alternatives joined by `|`.
    public static func parse(_ text: String) -> Result<[Alternative], Problem> {
        let pieces = text.split(separator: "|", omittingEmptySubsequences: false)
        var result: [Alternative] = []
        for piece in pieces {
            switch parseAlternative(piece.trimmed()) {
            case .success(let alternatives): result += alternatives
            case .failure(let problem): return .failure(problem)
            }
        }
        return .success(result)
    }

    private static func parseAlternative(_ text: String) -> Result<[Alternative], Problem> {
        let lowered = text.lowercased()
        if lowered.isEmpty {
            return .failure(Problem(message: "empty expectation", note: help))
        }
        if lowered == "no-connection" { return .success([.noConnection]) }
        if let classes = words[lowered] {
            return .success(classes.map { .reply(ReplyPattern(code: .replyClass($0))) })
        }
        let tokens = lowered.split(separator: " ", omittingEmptySubsequences: true)
        if tokens.count == 2 {
            guard let code = ReplyCodePattern(tokens[0]), case .exact = code else {
                return .failure(invalid(text, because: "'\(tokens[0])' is not a three-digit reply code"))
            }
            guard let enhanced = EnhancedCodePattern(tokens[1]), enhanced.klass != nil else {
                return .failure(invalid(text, because: "'\(tokens[1])' is not an enhanced status code"))
            }
            guard let klass = enhanced.klass, klass == code.klass else {
                return .failure(
                    Problem(
                        message: "invalid expectation '\(text)': the enhanced code's class \(enhanced.klass ?? 0) "
                            + "does not match the reply code \(code)",
                        note: "RFC 3463: the first digit of both must be the same, as in 250 2.1.5 or 550 5.1.1"
                    )
                )
            }
            return .success([.reply(ReplyPattern(code: code, enhanced: enhanced))])
        }
        if tokens.count == 1 {
            if let code = ReplyCodePattern(tokens[0]) {
                return .success([.reply(ReplyPattern(code: code))])
            }
            if let enhanced = EnhancedCodePattern(tokens[0]), enhanced.klass != nil {
                return .success([.reply(ReplyPattern(code: nil, enhanced: enhanced))])
            }
        }
        return .failure(invalid(text, because: nil))
    }

    private static func invalid(_ text: String, because reason: String?) -> Problem {
        Problem(message: "invalid expectation '\(text)'" + (reason.map { ": \($0)" } ?? ""), note: help)
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    func trimmed() -> String {
        var view = self
        while let first = view.first, first == " " || first == "\t" { view = view.dropFirst() }
        while let last = view.last, last == " " || last == "\t" { view = view.dropLast() }
        return String(view)
    }
}
