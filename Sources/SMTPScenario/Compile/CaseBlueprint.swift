import Foundation
import SMTPYAML

/// What it takes to compile any one case of a scenario: the parsed file, its environment, the command line's
/// options and the matrix. A compiled scenario keeps this instead of its cases' plans, and compiles a plan when
/// the case is about to be played, so that a matrix of 100,000 cases costs the memory of one case at a time.
struct CaseBlueprint: Sendable {
    /// The parsed scenario.
    let ast: ScenarioAST
    /// The environment file's variables (`--env`), weaker than the matrix and `--var`.
    let environment: [VariableAST]
    /// Every file read, for diagnostics.
    let sources: [String: SourceFile]
    /// The scenario's folder, for `data: {file}`.
    let directory: String
    /// The command line's options, with a Message-ID prefix of this file's own.
    let options: CompileOptions
    /// The Date header of generated messages, formatted once.
    let date: String
    /// The scenario's name.
    let name: String
    /// The matrix axes that have values, in file order.
    let axes: [MatrixAxisAST]
    /// The names of the axes some string names (``MatrixRelevance``), found once: the others only name cases.
    let relevantAxes: Set<String>

    /// How many combinations the matrix has (1 without a matrix); checked against the case limit before.
    var combinationCount: Int {
        axes.reduce(1) { $0 * $1.values.count }
    }

    /// One case compiled: its plan, and what compiling it found.
    struct CompiledCase {
        /// The session plan.
        var plan: SessionPlan
        /// Errors and warnings of interpolation and step compilation.
        var diagnostics: [Diagnostic]
        /// Sequencing warnings (`SequenceCheck`).
        var warnings: [Diagnostic]
        /// Every secret value this case uses.
        var secrets: Set<String>
    }

    /// Compiles the case made of combination number `combination` (last axis fastest), which is case number
    /// `caseIndex` of the scenario. `templates` is shared by the cases one caller compiles, on one thread.
    /// `warn: false` skips the sequence warnings, for a plan compiled again to be played (they were given when the
    /// scenario was checked).
    func compileCase(combination: Int, caseIndex: Int, templates: TemplateCache, warn: Bool = true) -> CompiledCase {
        let assignments = MatrixExpansion.combination(at: combination, of: axes)
        var interpolator = Interpolator(
            variables: layeredVariables(assignments),
            environment: options.processEnvironment,
            sources: sources,
            maximumLength: options.limits.interpolatedLength,
            maximumDepth: options.limits.referenceDepth,
            templates: templates
        )
        // Named after the values the case really uses (after `--var` and interpolation).
        let matrix = MatrixExpansion.values(of: assignments, in: &interpolator)
        var compiler = CaseCompiler(
            ast: ast,
            directory: directory,
            options: options,
            date: date,
            interpolator: interpolator,
            caseIndex: caseIndex
        )
        let steps = compiler.compile(ast.steps)
        let secrets = compiler.interpolator.secrets
        return CompiledCase(
            plan: SessionPlan(
                name: MatrixExpansion.caseName(name, matrix),
                matrix: matrix,
                steps: steps,
                secrets: Array(secrets),
                caseIndex: caseIndex
            ),
            diagnostics: compiler.diagnostics,
            warnings: warn ? SequenceCheck.warnings(for: steps) : [],
            secrets: secrets
        )
    }

    /// Variables of one case, strongest last: scenario vars, environment, matrix, `--var`.
    private func layeredVariables(_ combination: [MatrixExpansion.Assignment]) -> [String: VariableDefinition] {
        var table: [String: VariableDefinition] = [:]
        for variable in ast.vars {
            table[variable.name.value] = VariableDefinition(raw: variable.value, origin: .scenario, isLiteral: false)
        }
        for variable in environment {
            table[variable.name.value] = VariableDefinition(raw: variable.value, origin: .environment, isLiteral: false)
        }
        for assignment in combination {
            table[assignment.name] = VariableDefinition(raw: assignment.value, origin: .matrix, isLiteral: false)
        }
        let commandLine = SourceLocation(file: "--var", line: 1, column: 1)
        for (name, value) in options.overrides {
            table[name] = VariableDefinition(
                raw: Located(value, at: commandLine),
                origin: .commandLine,
                isLiteral: true
            )
        }
        return table
    }
}
