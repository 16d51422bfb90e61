/// A numeric comparison written in a scenario, such as `>= 10485760` or `< 30`.
public struct Comparison: Sendable, Hashable, CustomStringConvertible {
    /// The comparison operator.
    public enum Operator: String, Sendable, Hashable, CaseIterable {
        /// `>=`
        case greaterOrEqual = ">="
        /// `<=`
        case lessOrEqual = "<="
        /// `>`
        case greater = ">"
        /// `<`
        case less = "<"
        /// `==` (also written `=`)
        case equal = "=="
        /// `!=`
        case notEqual = "!="
    }

    /// The operator.
    public var op: Operator
    /// The number compared with.
    public var value: Int

    /// Creates a comparison.
    public init(_ op: Operator, _ value: Int) {
        self.op = op
        self.value = value
    }

    /// Whether `actual` satisfies the comparison.
    public func holds(for actual: Int) -> Bool {
        switch op {
        case .greaterOrEqual: return actual >= value
        case .lessOrEqual: return actual <= value
        case .greater: return actual > value
        case .less: return actual < value
        case .equal: return actual == value
        case .notEqual: return actual != value
        }
    }

    /// `>= 14`.
    public var description: String { "\(op.rawValue) \(value)" }
}
