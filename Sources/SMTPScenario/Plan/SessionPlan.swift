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
    /// The case's position among its scenario's cases (0-based, in matrix order).
    ///
    /// A generated Message-ID holds it as a value filled in when the case is played (``caseCaptures``), not as
    /// text: the cases of a matrix that differ only in axes no step uses then share one compiled plan.
    public var caseIndex: Int

    /// Creates a plan.
    public init(name: String, matrix: [MatrixValue] = [], steps: [PlannedStep], secrets: [String], caseIndex: Int = 0) {
        self.name = name
        self.matrix = matrix
        self.steps = steps
        self.caseIndex = caseIndex
        let kept = Array(Set(secrets.filter { !$0.isEmpty })).sorted { ($0.count, $0) > ($1.count, $1) }
        self.secrets = kept
        self.mask = SecretMask(kept)
    }

    /// The values the case itself gives its texts, as captures are given: the case's position for generated
    /// Message-IDs. The runner starts every session of the case with them; the plan shows texts with them.
    public var caseCaptures: [String: String] {
        [Self.caseNumberCapture: String(caseIndex)]
    }

    /// The name under which ``caseIndex`` fills a text. It starts with `case.`, which no scenario may name a capture
    /// or variable, so nothing written can take its place.
    public static let caseNumberCapture = "case.number"

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
