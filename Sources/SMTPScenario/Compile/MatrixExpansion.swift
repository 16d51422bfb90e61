import SMTPYAML

/// Expands `matrix` into one case per combination of values, in file order (the last axis
/// varies fastest).
enum MatrixExpansion {
    /// One variable's value in a case.
    struct Assignment: Sendable, Hashable {
        var name: String
        var value: Located<String>
    }

    /// The error when `axes` multiply to more than `limit` cases, at the axis whose values take the count past
    /// it; `nil` within the limit. Counted before anything is expanded.
    static func caseLimitExceeded(_ axes: [MatrixAxisAST], limit: Int) -> Diagnostic? {
        var cases = 1
        var factors: [String] = []
        for axis in axes where !axis.values.isEmpty {
            factors.append(String(axis.values.count))
            let (product, overflow) = cases.multipliedReportingOverflow(by: axis.values.count)
            guard overflow || product > limit else {
                cases = product
                continue
            }
            return Diagnostic(
                message: "the matrix has more than \(limit) cases",
                location: axis.name.location,
                note: "its axes so far multiply to \(factors.joined(separator: " × ")) = "
                    + (overflow ? "more than \(Int.max)" : String(product))
                    + "; smtpspec expands a matrix to at most \(limit) cases",
                span: axis.name.value.count
            )
        }
        return nil
    }

    /// Every combination, made one at a time as the cases are compiled; one empty combination without a matrix.
    static func combinations(of axes: [MatrixAxisAST]) -> Combinations {
        Combinations(axes: axes.filter { !$0.values.isEmpty })
    }

    /// The combinations of a matrix's values in file order, the last axis varying fastest, each made when asked
    /// for: a matrix of a million cases does not hold a million combinations at once.
    struct Combinations: Sequence, IteratorProtocol {
        let axes: [MatrixAxisAST]
        /// The index of each axis's value in the next combination; `nil` after the last.
        private var indices: [Int]?

        init(axes: [MatrixAxisAST]) {
            self.axes = axes
            self.indices = Array(repeating: 0, count: axes.count)
        }

        mutating func next() -> [Assignment]? {
            guard var indices else { return nil }
            let combination = zip(axes, indices).map { axis, index in
                Assignment(name: axis.name.value, value: axis.values[index])
            }
            var axis = axes.count - 1
            while axis >= 0 {
                indices[axis] += 1
                if indices[axis] < axes[axis].values.count { break }
                indices[axis] = 0
                axis -= 1
            }
            self.indices = axis < 0 ? nil : indices
            return combination
        }
    }

    /// The values a case's matrix variables really take: after precedence (`--var` wins over the matrix) and
    /// interpolation (a `${name}` in the value is filled in), secrets masked. Where a value cannot be resolved it
    /// is shown as written; the steps that use it report why. What resolves stays resolved in `interpolator`, so
    /// the case's steps do not resolve it again.
    static func values(of combination: [Assignment], in interpolator: inout Interpolator) -> [MatrixValue] {
        interpolator.quietly { resolver in
            combination.map { assignment in
                let reference = Located("${\(assignment.name)}", at: assignment.value.location)
                return MatrixValue(
                    name: assignment.name,
                    value: resolver.text(reference)?.redacted() ?? assignment.value.value
                )
            }
        }
    }

    /// `name [a=1, b=2]`, or the name alone without a matrix.
    static func caseName(_ name: String, _ values: [MatrixValue]) -> String {
        values.isEmpty ? name : name + " [" + values.map { "\($0.name)=\($0.value)" }.joined(separator: ", ") + "]"
    }
}
