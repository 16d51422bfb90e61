import SMTPCore

/// Something the runner noticed at a step that does not fail it by itself but explains a failure.
public enum StepNote: Sendable, Hashable, CustomStringConvertible {
    /// RFC 5321 (or an extension) says the command cannot succeed at this point of the session.
    case outOfSequence(SequenceProblem)
    /// AUTH used a mechanism the last EHLO reply did not advertise (`advertised` is what it listed).
    case mechanismNotAdvertised(mechanism: String, advertised: [String])

    /// The note in words.
    public var description: String {
        switch self {
        case .outOfSequence(let problem): return "out of sequence: \(problem)"
        case .mechanismNotAdvertised(let mechanism, let advertised):
            let listed = advertised.isEmpty ? "no AUTH mechanisms" : "AUTH " + advertised.joined(separator: " ")
            return "the server did not advertise \(mechanism) (its EHLO reply listed \(listed))"
        }
    }
}
