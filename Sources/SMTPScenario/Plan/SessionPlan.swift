import Foundation
import SMTPYAML

/// One session to play: a case of a scenario, with its variables resolved and its steps
/// compiled to exact command lines.
public struct SessionPlan: Sendable, Hashable {
    /// The case's name: the scenario name, plus the matrix values (`recipient=a@x, port=25`).
    public var name: String
    /// The matrix variables' values in this case, in matrix order, as the steps use them (after `--var` and
    /// interpolation, secrets masked); empty without a matrix.
    public var matrix: [MatrixValue]
    /// The steps in order.
    public var steps: [PlannedStep]
    /// Every secret value in this case, for redacting anything shown (longest first).
    public var secrets: [String] {
        didSet { mask = SecretMask(secrets) }
    }
    /// The mask of ``secrets``: what every shown text of this case goes through.
    public private(set) var mask: SecretMask

    /// Creates a plan.
    public init(name: String, matrix: [MatrixValue] = [], steps: [PlannedStep], secrets: [String]) {
        self.name = name
        self.matrix = matrix
        self.steps = steps
        let kept = Array(Set(secrets.filter { !$0.isEmpty })).sorted { ($0.count, $0) > ($1.count, $1) }
        self.secrets = kept
        self.mask = SecretMask(kept)
    }

    /// Replaces every secret value in `text` (and its base64 form) with `******`: ``mask`` applied.
    public func redact(_ text: String) -> String {
        mask.apply(text)
    }
}

/// One matrix variable's value in a case.
public struct MatrixValue: Sendable, Hashable {
    /// The variable name.
    public var name: String
    /// Its value in this case.
    public var value: String

    /// Creates a value.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
