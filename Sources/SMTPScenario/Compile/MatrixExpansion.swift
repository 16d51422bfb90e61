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

    /// The values a case's matrix variables really take: after precedence (`--var` wins over the matrix) and
    /// interpolation (a `${name}` in the value is filled in), secrets masked. Where a value cannot be resolved it
    /// is shown as written; the steps that use it report why.
    static func values(of combination: [Assignment], in interpolator: Interpolator) -> [MatrixValue] {
        var resolver = interpolator
        return combination.map { assignment in
            let reference = Located("${\(assignment.name)}", at: assignment.value.location)
            return MatrixValue(
                name: assignment.name,
                value: resolver.text(reference)?.redacted() ?? assignment.value.value
            )
        }
    }

    /// `name [a=1, b=2]`, or the name alone without a matrix.
    static func caseName(_ name: String, _ values: [MatrixValue]) -> String {
        values.isEmpty ? name : name + " [" + values.map { "\($0.name)=\($0.value)" }.joined(separator: ", ") + "]"
    }
}
