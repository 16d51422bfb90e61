import SMTPYAML

/// Checks every case of a scenario before anything is sent, keeping no plan: the problems (each once), the
/// sequencing warnings, the secrets, which combinations are cases, and a fingerprint of the case names.
///
/// A case whose combination differs from another only in axes no string mentions (``MatrixRelevance``)
/// compiles to the same steps with the same problems: only one of each such group is compiled, and the others
/// are only named. A 100,000-case matrix over one such axis is checked by compiling one case.
struct CaseCheck {
    let blueprint: CaseBlueprint
    /// Problems already reported, so that every case repeating one adds nothing.
    var seen: Set<Diagnostic>
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var warnings: [Diagnostic] = []
    private(set) var secrets: Set<String> = []
    /// The matrix combinations that are cases, in order; `nil` when every combination is one.
    private(set) var combinations: [Int]?
    /// The cases' names, hashed in order.
    private(set) var fingerprint = Fingerprint()

    init(blueprint: CaseBlueprint, seen: Set<Diagnostic>) {
        self.blueprint = blueprint
        self.seen = seen
    }

    /// Checks the cases. `mayRepeat`: two combinations may come out as the same values (then every case is
    /// compiled and the repeats dropped); `relevant`: the axes that some string mentions.
    mutating func run(mayRepeat: Bool, relevant: Set<String>) {
        let templates = TemplateCache()
        let axes = blueprint.axes
        guard !mayRepeat, relevant.count < axes.count else {
            compileEvery(dropRepeats: mayRepeat, templates: templates)
            return
        }
        for combination in representatives(relevant: relevant) {
            absorb(blueprint.compileCase(combination: combination, caseIndex: combination, templates: templates))
        }
        // No value is interpolated (none holds `${`) and `--var` overrides no axis: a case's matrix values are
        // the values as written.
        for combination in 0..<blueprint.combinationCount {
            let values = MatrixExpansion.combination(at: combination, of: axes).map {
                MatrixValue(name: $0.name, value: $0.value.value)
            }
            fingerprint.add(MatrixExpansion.caseName(blueprint.name, values))
        }
        combinations = nil
    }

    private mutating func compileEvery(dropRepeats: Bool, templates: TemplateCache) {
        var played: Set<[MatrixValue]> = []
        var kept: [Int] = []
        for combination in 0..<blueprint.combinationCount {
            let compiled = blueprint.compileCase(combination: combination, caseIndex: kept.count, templates: templates)
            // Combinations that come out the same (an axis that `--var` overrides) are one case, played once.
            if dropRepeats, !played.insert(compiled.plan.matrix).inserted { continue }
            kept.append(combination)
            fingerprint.add(compiled.plan.name)
            absorb(compiled)
        }
        combinations = dropRepeats ? kept : nil
    }

    private mutating func absorb(_ compiled: CaseBlueprint.CompiledCase) {
        diagnostics += compiled.diagnostics.filter { seen.insert($0).inserted }
        warnings += compiled.warnings.filter { seen.insert($0).inserted }
        secrets.formUnion(compiled.secrets)
    }

    /// One combination for each combination of the relevant axes' values, the other axes at their first value,
    /// in matrix order.
    private func representatives(relevant: Set<String>) -> [Int] {
        var indices = [0]
        var stride = 1
        for axis in blueprint.axes.reversed() {
            if relevant.contains(axis.name.value) {
                let step = stride
                indices = (0..<axis.values.count).flatMap { value in indices.map { $0 + value * step } }
            }
            stride *= axis.values.count
        }
        return indices.sorted()
    }
}
