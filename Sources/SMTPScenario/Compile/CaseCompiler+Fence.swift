import SMTPCore
import SMTPYAML

/// The wire fence at compile time, and the rule that no diagnostic shows anything derived from a secret.
///
/// Every value that reaches the wire goes through ``fenced(_:slot:what:)``: SMTPCore's ``WireFence`` for its slot,
/// applied to everything known now (a capture counts as empty here; the runner fences the filled-in value again
/// before sending). A diagnostic about a value that holds a secret (an `${env:…}` value or a password) quotes
/// nothing of it: not the value, not a piece of it, not its length, not a position in it. It says which rule the
/// value breaks, and its caret underlines the value as written in the file (the `${env:NAME}` reference), never a
/// place inside the secret.
extension CaseCompiler {
    /// Interpolates a value bound for `slot` and applies the wire fence; `nil` (reported) when it cannot be sent.
    /// `what` names the place in messages: "the argument of 'ehlo'", "header 'Subject'".
    mutating func fenced(_ value: Located<String>, slot: WireSlot, what: String) -> PlanText? {
        guard let output = interpolator.interpolate(value) else { return nil }
        guard fence(output.text, slot: slot, what: what, at: value, origins: output.origins) else { return nil }
        return output.text
    }

    /// Applies the wire fence to the known parts of `text`; reports the first violation and returns `false`.
    mutating func fence(
        _ text: PlanText,
        slot: WireSlot,
        what: String,
        at value: Located<String>,
        origins: [(name: String, origin: VariableOrigin)] = []
    ) -> Bool {
        guard let violation = WireFence.firstViolation(of: text.wire(), in: slot) else { return true }
        let character = violation.kind == .lineBreak ? "CR or LF" : violation.characterName
        if text.isSecret(atScalar: violation.offset) {
            // A control character is named (it is the problem); a printable one of a secret is not shown.
            let named = violation.character.map { $0.value < 0x20 || $0.value == 0x7F } ?? true
            error(
                "\(what) holds a secret value with \(named ? character : "a character it cannot hold"): "
                    + violation.reason,
                at: value.location,
                note: Self.secretNote,
                span: writtenSpan(value)
            )
            return false
        }
        let culprit = origins.first { origin in
            interpolator.variables[origin.name].map { definition in
                definition.raw.value.unicodeScalars.contains { $0 == violation.character }
            } ?? false
        }
        let source = culprit.map { " (the value of '\($0.name)' \($0.origin.phrase))" } ?? ""
        let message: String
        switch (violation.kind, slot) {
        case (.lineBreak, .commandLine):
            message = "CR or LF in \(what)\(source) would inject an SMTP command"
        case (.emptyFieldName, _):
            message = "\(what)\(source) is empty: \(violation.reason)"
        default:
            message = "\(character) in \(what)\(source): \(violation.reason)"
        }
        error(
            message,
            at: value.location,
            note: "the value is \"\(Self.quoted(text.redacted()))\"",
            span: writtenSpan(value)
        )
        return false
    }

    /// What a diagnostic about a secret value says instead of showing it.
    static let secretNote = "the value holds a secret (${env:…} or a password), so it is not shown"

    /// A value quoted in a message: control characters escaped, cut at 80 characters.
    static func quoted(_ text: String) -> String {
        let escaped = WireFence.escaped(text)
        return escaped.count > 80 ? String(escaped.prefix(77)) + "..." : escaped
    }

    /// How many columns the caret underlines for a whole value: the value as written, at most 40.
    func writtenSpan(_ value: Located<String>) -> Int {
        max(1, min(value.value.count, 40))
    }

    /// Reports a problem with `text`: `message()` when nothing of it is secret, else `secret()`, which must quote
    /// nothing of the value (with the secret note instead of `note`).
    mutating func problem(
        in text: PlanText,
        at value: Located<String>,
        _ message: @autoclosure () -> String,
        secret: @autoclosure () -> String,
        note: String? = nil,
        span: Int? = nil
    ) {
        if text.containsSecret {
            error(secret(), at: value.location, note: Self.secretNote, span: writtenSpan(value))
        } else {
            error(message(), at: value.location, note: note, span: span ?? 1)
        }
    }

    /// Marks `derived` (a piece or an encoding of `text`: a host split from host:port, an xtext form, a number
    /// read from it) as a secret of the case when `text` holds one, so that every mask hides it too.
    mutating func derive(_ derived: String, from text: PlanText) {
        guard text.containsSecret, !derived.isEmpty else { return }
        interpolator.secrets.insert(derived)
    }
}

extension PlanText {
    /// Whether the scalar at `offset` of ``wire(captures:)`` (captures empty) comes from a secret.
    func isSecret(atScalar offset: Int) -> Bool {
        var start = 0
        for segment in segments {
            let length: Int
            switch segment {
            case .literal(let text), .secret(let text): length = text.unicodeScalars.count
            case .capture: length = 0
            }
            if offset < start + length {
                if case .secret = segment { return true }
                return false
            }
            start += length
        }
        return false
    }
}
