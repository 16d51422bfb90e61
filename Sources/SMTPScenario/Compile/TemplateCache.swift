import SMTPCore
import SMTPYAML

/// What the compilation of one scenario works out once and every case reuses: the parsed form of each string the
/// compiler interpolates, the expectations written without references, and the syntax checks of the addresses and
/// domains the cases send. Every case of a matrix reads the same strings as the case before it, and most of what
/// it compiles from them does not depend on the matrix; doing that work once is cheaper than once per case.
///
/// A class so that the interpolators and case compilers of all cases, each a value of its own, share it; a
/// compilation runs on one thread, and no cache outlives it.
final class TemplateCache {
    private var parsed: [String: Result<Template, Template.Problem>] = [:]
    private var expectations: [ExpectationKey: Expectation] = [:]
    private var mailboxes: [AddressKey: [AddressSyntaxProblem]] = [:]
    private var domains: [AddressKey: [AddressSyntaxProblem]] = [:]
    private var notifications: [SourceLocation: DSNNotify] = [:]

    /// Where an expectation is written and the verb it belongs to.
    struct ExpectationKey: Hashable {
        var location: SourceLocation
        var verb: Verb
    }

    /// An address or domain and the one flag its check takes.
    private struct AddressKey: Hashable {
        var text: String
        var flag: Bool
    }

    /// `Template.parse(text)`, parsed the first time only.
    func parse(_ text: String) -> Result<Template, Template.Problem> {
        remembered(in: &parsed, text) { Template.parse(text) }
    }

    /// Whether `text` holds no `${…}` reference (it parses, and to literal text only).
    func isLiteral(_ text: String) -> Bool {
        if case .success(let template) = parse(text) { return template.isLiteral }
        return false
    }

    /// The expectation compiled for `key` by an earlier case, when it could not differ between cases.
    func expectation(_ key: ExpectationKey) -> Expectation? { expectations[key] }

    /// Keeps an expectation that every case compiles the same way (written without references, and fine).
    func keep(_ expectation: Expectation, for key: ExpectationKey) { expectations[key] = expectation }

    /// `AddressSyntax.validateMailbox(text, allowUTF8:)`, checked the first time only.
    func mailboxProblems(_ text: String, allowUTF8: Bool) -> [AddressSyntaxProblem] {
        remembered(in: &mailboxes, AddressKey(text: text, flag: allowUTF8)) {
            AddressSyntax.validateMailbox(text, allowUTF8: allowUTF8)
        }
    }

    /// `AddressSyntax.validateDomain(text, allowAddressLiteral:)`, checked the first time only.
    func domainProblems(_ text: String, allowAddressLiteral: Bool) -> [AddressSyntaxProblem] {
        remembered(in: &domains, AddressKey(text: text, flag: allowAddressLiteral)) {
            AddressSyntax.validateDomain(text, allowAddressLiteral: allowAddressLiteral)
        }
    }

    /// `table[key]`, made by `make` and kept the first time.
    private func remembered<Key: Hashable, Value>(
        in table: inout [Key: Value],
        _ key: Key,
        _ make: () -> Value
    ) -> Value {
        if let known = table[key] { return known }
        let value = make()
        table[key] = value
        return value
    }

    /// The NOTIFY parameter compiled from the `notify` written at `location`, when an earlier case found it valid
    /// (it is never interpolated, so every case compiles it the same way).
    func notify(at location: SourceLocation) -> DSNNotify? { notifications[location] }

    /// Keeps a valid NOTIFY parameter for the `notify` written at `location`.
    func keep(_ notify: DSNNotify, at location: SourceLocation) { notifications[location] = notify }
}
