/// Compiles a matrix case only when its steps can differ from a case compiled before: cases that differ only in
/// axes no string of the scenario names (``MatrixRelevance``) get the steps of the first of them, with their own
/// name, matrix values and position. A 100,000-case matrix over such an axis compiles one plan.
///
/// Only where that is exact: no matrix value interpolates anything and `--var` overrides no axis (so a case's
/// matrix values are its values as written), and the scenario neither names `${case.…}` nor reads a message file
/// (which make every axis relevant). A case's own identity in its texts, the position in generated Message-IDs, is
/// not text in the steps but ``SessionPlan/caseCaptures``, filled in when the case is played.
///
/// Limit: at most ``capacity`` plans are kept; when a run of relevant combinations needs more, the kept ones are
/// dropped and compiled again as they come back, so memory stays bounded whatever the matrix.
struct SharedCasePlans {
    /// How many compiled plans are kept.
    static let capacity = 256

    private let blueprint: CaseBlueprint
    /// For each axis, in matrix order: whether a string names it.
    private let relevant: [Bool]
    private var kept: [Int: SessionPlan] = [:]

    /// Sharing for `blueprint`'s cases, or `nil` where every case must be compiled on its own.
    init?(_ blueprint: CaseBlueprint) {
        let axes = blueprint.axes
        let names = blueprint.relevantAxes
        // Some axis no string names (so there is a matrix), and every case's values are its values as written.
        guard names.count < axes.count, !MatrixExpansion.mayRepeat(axes, overrides: blueprint.options.overrides)
        else { return nil }
        self.blueprint = blueprint
        self.relevant = axes.map { names.contains($0.name.value) }
    }

    /// The plan of combination `combination`, case number `caseIndex`.
    mutating func plan(combination: Int, caseIndex: Int, templates: TemplateCache) -> SessionPlan {
        let assignments = MatrixExpansion.combination(at: combination, of: blueprint.axes)
        let key = representative(of: assignments)
        guard var plan = kept[key] else {
            let plan = blueprint.compileCase(
                combination: combination,
                caseIndex: caseIndex,
                templates: templates,
                warn: false
            ).plan
            if kept.count >= Self.capacity { kept.removeAll(keepingCapacity: true) }
            kept[key] = plan
            return plan
        }
        let matrix = assignments.map { MatrixValue(name: $0.name, value: $0.value.value) }
        plan.name = MatrixExpansion.caseName(blueprint.name, matrix)
        plan.matrix = matrix
        plan.caseIndex = caseIndex
        return plan
    }

    /// The combination with every axis no string names at its first value: the case whose steps this one shares.
    private func representative(of assignments: [MatrixExpansion.Assignment]) -> Int {
        var index = 0
        for (position, (axis, assignment)) in zip(blueprint.axes, assignments).enumerated() {
            index = index * axis.values.count + (relevant[position] ? assignment.position : 0)
        }
        return index
    }
}
