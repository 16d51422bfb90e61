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
    /// Whether cases may share compiled steps (``SharedCasePlans``); off only to compare, in tests.
    private var sharing = true

    /// Plans already made.
    public static func made(_ plans: [SessionPlan]) -> CasePlans {
        CasePlans(storage: .made(plans))
    }

    /// Plans compiled from `blueprint`, one for each of `combinations` (the matrix combinations that are cases;
    /// `nil`: every combination).
    static func lazy(_ blueprint: CaseBlueprint, combinations: [Int]?) -> CasePlans {
        CasePlans(storage: .lazy(blueprint, combinations: combinations))
    }

    /// The same plans with every case compiled on its own, for tests that compare the two.
    var compiledOneByOne: CasePlans {
        var plans = self
        plans.sharing = false
        return plans
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
        /// Whether cases may share compiled steps (``SharedCasePlans``); off only to compare, in tests.
        private var sharing = true
        /// How many cases there are.
        private let count: Int
        private var position = 0
        private let templates = TemplateCache()
        /// Steps shared between cases that only differ in axes no step uses, where that is exact.
        private var shared: SharedCasePlans?

        fileprivate init(_ plans: CasePlans) {
            storage = plans.storage
            count = plans.count
            if plans.sharing, case .lazy(let blueprint, nil) = plans.storage { shared = SharedCasePlans(blueprint) }
        }

        /// The next case's plan, or `nil` after the last.
        public mutating func next() -> SessionPlan? {
            defer { position += 1 }
            switch storage {
            case .made(let plans):
                return position < count ? plans[position] : nil
            case .lazy(let blueprint, let combinations):
                guard position < count else { return nil }
                if shared != nil {
                    return shared?.plan(combination: position, caseIndex: position, templates: templates)
                }
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
