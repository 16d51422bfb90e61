/// The session plans of a scenario's cases, in case order, each compiled when the iteration reaches it (or
/// already made, for plans built by hand). Iterating twice compiles twice and gives the same plans.
///
/// An iterator belongs to one task: it keeps the parsed templates of the cases it has compiled.
public struct CasePlans: Sequence, Sendable {
    fileprivate enum Storage: Sendable {
        case made([SessionPlan])
        /// `combinations`: the matrix combinations that are cases; `nil` when every one is.
        case lazy(CaseBlueprint, combinations: [Int]?)
    }

    private let storage: Storage

    /// Plans already made.
    public static func made(_ plans: [SessionPlan]) -> CasePlans {
        CasePlans(storage: .made(plans))
    }

    /// Plans compiled from `blueprint`, one for each of `combinations` (the matrix combinations that are cases;
    /// `nil`: every combination).
    static func lazy(_ blueprint: CaseBlueprint, combinations: [Int]?) -> CasePlans {
        CasePlans(storage: .lazy(blueprint, combinations: combinations))
    }

    /// How many cases there are.
    public var count: Int {
        switch storage {
        case .made(let plans): plans.count
        case .lazy(let blueprint, let combinations): combinations?.count ?? blueprint.combinationCount
        }
    }

    /// Makes an iterator at the first case.
    public func makeIterator() -> Iterator {
        Iterator(self)
    }

    /// Compiles the cases one at a time; ``skip()`` passes a case without compiling it.
    public struct Iterator: IteratorProtocol {
        private let storage: Storage
        /// How many cases there are.
        private let count: Int
        private var position = 0
        private let templates = TemplateCache()

        fileprivate init(_ plans: CasePlans) {
            storage = plans.storage
            count = plans.count
        }

        /// The next case's plan, or `nil` after the last.
        public mutating func next() -> SessionPlan? {
            defer { position += 1 }
            switch storage {
            case .made(let plans):
                return position < count ? plans[position] : nil
            case .lazy(let blueprint, let combinations):
                guard position < count else { return nil }
                return blueprint.compileCase(
                    combination: combinations?[position] ?? position,
                    caseIndex: position,
                    templates: templates,
                    warn: false
                ).plan
            }
        }

        /// Passes over the next case without compiling it; `false` after the last.
        public mutating func skip() -> Bool {
            guard position < count else { return false }
            position += 1
            return true
        }
    }
}
