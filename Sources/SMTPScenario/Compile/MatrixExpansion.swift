import SMTPYAML

/// Expands `matrix` into one case per combination of values, in file order (the last axis
/// varies fastest).
enum MatrixExpansion {
    /// One variable's value in a case.
    struct Assignment: Sendable, Hashable {
        var name: String
        var value: Located<String>
        /// Where the value stands in its axis, from 0.
        var position: Int
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

    /// Combination number `index` of `axes` (those with values), the last axis varying fastest: the values
    /// each axis takes in it. Made on demand, so that a matrix of a million cases never holds them all.
    static func combination(at index: Int, of axes: [MatrixAxisAST]) -> [Assignment] {
        var rest = index
        var assignments: [Assignment] = []
        assignments.reserveCapacity(axes.count)
        for axis in axes.reversed() {
            let count = axis.values.count
            assignments.append(
                Assignment(name: axis.name.value, value: axis.values[rest % count], position: rest % count)
            )
            rest /= count
        }
        return assignments.reversed()
    }

    /// `axes` with each value written twice in one axis kept once, at its first place: the combinations with the
    /// repeat would be the same cases again, played once. Dropped here, before anything is compiled.
    static func withoutRepeatedValues(_ axes: [MatrixAxisAST]) -> [MatrixAxisAST] {
        axes.map { axis in
            var seen: Set<String> = []
            var unique = axis
            unique.values = axis.values.filter { seen.insert($0.value).inserted }
            return unique
        }
    }

    /// Whether two combinations of `axes` (without repeated values, ``withoutRepeatedValues(_:)``) may come out
    /// as the same values: an axis that `--var` overrides, or a value that interpolates another variable.
    /// Otherwise every combination is distinct.
    static func mayRepeat(_ axes: [MatrixAxisAST], overrides: [(name: String, value: String)]) -> Bool {
        let overridden = Set(overrides.map(\.name))
        return axes.contains { axis in
            overridden.contains(axis.name.value) || axis.values.contains { $0.value.contains("${") }
        }
    }

    /// The values a case's matrix variables really take: after precedence (`--var` wins over the matrix) and
    /// interpolation (a `${name}` in the value is filled in), secrets masked and a masked value marked with its
    /// place in its axis (`******#2`), so that values differing only in a secret stay apart (repeats are found on
    /// these values, and cases are named by them). Where a value cannot be resolved it
    /// is shown as written; the steps that use it report why. What resolves stays resolved in `interpolator`, so
    /// the case's steps do not resolve it again.
    static func values(of combination: [Assignment], in interpolator: inout Interpolator) -> [MatrixValue] {
        interpolator.quietly { resolver in
            combination.map { assignment in
                let reference = Located("${\(assignment.name)}", at: assignment.value.location)
                guard let resolved = resolver.text(reference) else {
                    return MatrixValue(name: assignment.name, value: assignment.value.value)
                }
                // A masked value is told apart by its place in its axis: two accounts' passwords are two cases,
                // `******#1` and `******#2`, never one.
                let shown = resolved.redacted()
                return MatrixValue(
                    name: assignment.name,
                    value: resolved.containsSecret ? shown + "#\(assignment.position + 1)" : shown
                )
            }
        }
    }

    /// `name [a=1, b=2]`, or the name alone without a matrix.
    static func caseName(_ name: String, _ values: [MatrixValue]) -> String {
        guard !values.isEmpty else { return name }
        // Appended into one string sized up front: this runs for every case of a matrix.
        var caseName = name
        caseName.reserveCapacity(
            name.utf8.count + 3 + values.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count + 3 }
        )
        caseName += " ["
        for (index, value) in values.enumerated() {
            if index > 0 { caseName += ", " }
            caseName += value.name
            caseName += "="
            caseName += value.value
        }
        caseName += "]"
        return caseName
    }
}
