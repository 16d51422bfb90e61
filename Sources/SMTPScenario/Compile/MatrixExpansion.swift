/// Expands `matrix` into one case per combination of values, in file order (the last axis
/// varies fastest).
enum MatrixExpansion {
    /// One variable's value in a case.
    struct Assignment: Sendable, Hashable {
        var name: String
        var value: Located<String>
    }

    /// Every combination; one empty combination without a matrix.
    static func combinations(of axes: [MatrixAxisAST]) -> [[Assignment]] {
        var result: [[Assignment]] = [[]]
        for axis in axes where !axis.values.isEmpty {
            result = result.flatMap { prefix in
                axis.values.map { prefix + [Assignment(name: axis.name.value, value: $0)] }
            }
        }
        return result
    }
}
