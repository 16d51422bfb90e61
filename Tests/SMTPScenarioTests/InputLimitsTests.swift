import SMTPScenario
import Testing

@Suite("Input limits: doubling variables, long header lists, many recipients and huge matrices stop early")
struct InputLimitsTests {
    private let plain = CompileOptions(processEnvironment: [:], messageIDPrefix: "fixed")

    private func options(_ limits: InputLimits) -> CompileOptions {
        CompileOptions(processEnvironment: [:], messageIDPrefix: "fixed", limits: limits)
    }

    /// `vars:` in which each variable is the one before twice, `a0` being `first`.
    private func doubling(_ levels: Int, first: String = "x") -> String {
        var text = "vars:\n  a0: \"\(first)\"\n"
        for level in 1..<levels {
            text += "  a\(level): \"${a\(level - 1)}${a\(level - 1)}\"\n"
        }
        return text
    }

    @Test("variables that double each other stop at the first string past 64 KiB", arguments: [23, 40, 64])
    func doublingVariables(levels: Int) {
        let result = compile(doubling(levels) + "steps:\n  - noop: ${a\(levels - 1)}\n")
        // a16 is 64 KiB; a17's second ${a16} takes it past. Line 19 holds a17 (line 1 is `vars:`, line 2 a0).
        #expect(
            errorLines(result) == ["filling in '${a16}' brings the text filled into this string past 64 KiB @ 19:15"]
        )
    }

    @Test("a chain of variables deeper than the limit is refused where it goes one too deep, not by the stack")
    func referenceChain() {
        var text = "vars:\n  a0: x\n"
        for level in 1..<30_000 { text += "  a\(level): ${a\(level - 1)}\n" }
        text += "steps:\n  - noop: ${a29999}\n"
        // Resolving a29999 names a29998 and so on: the 65th name down, ${a29935}, is in a29936's value (line 29938).
        #expect(
            errorLines(compile(text)) == ["variables refer to each other more than 64 deep at '${a29935}' @ 29938:11"]
        )
        #expect(compile("vars:\n  a0: x\n  a1: ${a0}\nsteps:\n  - noop: ${a1}\n").errors.isEmpty)
    }

    @Test("up to the limit, doubled text is filled in whole")
    func doublingWithinTheLimit() throws {
        let compiled = try steps(doubling(17) + "steps:\n  - data: {body: \"${a16}\"}\n")
        guard case .data(let plan) = compiled[0].action else {
            Issue.record("not a data step")
            return
        }
        #expect(plan.message.wire().hasSuffix("\r\n\r\n" + String(repeating: "x", count: 1 << 16)))
    }

    @Test("doubling empty text is cheap and compiles")
    func doublingEmpty() throws {
        let compiled = try steps(doubling(64, first: "") + "steps:\n  - noop: x${a63}\n")
        #expect(wire(compiled[0]) == "NOOP x")
    }

    @Test("doubling run-time captures counts each as long as its ${name}")
    func doublingCaptures() {
        var text = "vars:\n  a0: \"${c}\"\n"
        for level in 1..<40 { text += "  a\(level): \"${a\(level - 1)}${a\(level - 1)}\"\n" }
        text += "steps:\n  - ehlo: x\n    capture: {c: '(.*)'}\n  - noop: ${a39}\n"
        // Each ${c} counts 4: a14 is 64 KiB, a15's second ${a14} (line 17) takes it past.
        #expect(
            errorLines(compile(text)) == [
                "filling in '${a14}' brings the text filled into this string past 64 KiB @ 17:15"
            ]
        )
    }

    @Test("a variable that cannot be resolved is reported once, however often it is doubled")
    func doublingUndefined() {
        var text = "vars:\n  a0: \"${nosuch}\"\n"
        for level in 1..<64 { text += "  a\(level): \"${a\(level - 1)}${a\(level - 1)}\"\n" }
        text += "steps:\n  - noop: ${a63}\n"
        #expect(errorLines(compile(text)) == ["undefined variable 'nosuch' @ 2:8"])
    }

    @Test("a long text written out is not limited; only what references fill in")
    func literalTextIsNotCounted() throws {
        let body = String(repeating: "y", count: 200_000)
        let compiled = try steps("vars: {who: kate}\nsteps:\n  - data: {body: \"\(body) ${who}\"}\n")
        guard case .data(let plan) = compiled[0].action else {
            Issue.record("not a data step")
            return
        }
        #expect(plan.message.wire().hasSuffix(body + " kate"))
    }

    @Test("8,000 headers compile, every one in order (header compilation is linear)")
    func manyHeaders() throws {
        let count = 8_000
        var text = "steps:\n  - data:\n      headers:\n"
        for index in 1...count { text += "        X-H\(index): v\(index)\n" }
        text += "      subject: s\n"
        let compiled = try steps(text, options: options(InputLimits(headersPerMessage: count)))
        guard case .data(let plan) = compiled[0].action else {
            Issue.record("not a data step")
            return
        }
        let lines = plan.message.wire().components(separatedBy: "\r\n")
        let given = lines.filter { $0.hasPrefix("X-H") }
        #expect(given.count == count)
        #expect(given.first == "X-H1: v1")
        #expect(given.last == "X-H\(count): v\(count)")
        #expect(lines.contains("Subject: s"))
    }

    @Test("a header given again replaces the earlier one, and keeps the later place")
    func repeatedHeader() throws {
        let compiled = try steps(
            """
            steps:
              - data:
                  headers: {Subject: first, X-A: a, X-B: b}
                  subject: second
            """
        )
        guard case .data(let plan) = compiled[0].action else {
            Issue.record("not a data step")
            return
        }
        let lines = plan.message.wire().components(separatedBy: "\r\n")
        #expect(
            lines.filter { $0.hasPrefix("X-") || $0.hasPrefix("Subject") } == ["X-A: a", "X-B: b", "Subject: second"]
        )
    }

    @Test("more headers than the limit are refused at the first one past it")
    func tooManyHeaders() {
        var text = "steps:\n  - data:\n      headers:\n"
        for index in 1...1_001 { text += "        X-H\(index): v\n" }
        #expect(errorLines(compile(text)) == ["'data' lists more than 1000 headers @ 1004:9"])
    }

    @Test("more rcpt steps in a case than the limit are refused at the first one past it, once")
    func tooManyRecipients() {
        var text = "steps:\n  - mail-from: a@b.example\n"
        for index in 1...1_005 { text += "  - rcpt: r\(index)@b.example\n" }
        #expect(errorLines(compile(text)) == ["more than 1000 'rcpt' steps in one case @ 1003:11"])
        #expect(compile(text, options: options(InputLimits(recipientsPerCase: 2_000))).errors.isEmpty)
    }

    @Test("a matrix past the case limit is refused at the axis that takes it past, before expanding")
    func matrixTooLarge() {
        let axes = (1...7).map { "  m\($0): [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]\n" }.joined()
        let result = compile("matrix:\n" + axes + "steps:\n  - noop: ${m1}\n")
        #expect(errorLines(result) == ["the matrix has more than 1000000 cases @ 8:3"])
        #expect(result.errors.first?.note?.contains("10 × 10 × 10 × 10 × 10 × 10 × 10 = 10000000") == true)
    }

    @Test("a matrix at the case limit expands to every case")
    func matrixAtTheLimit() throws {
        let text =
            "matrix:\n  a: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]\n  b: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]\n"
            + "steps:\n  - noop: ${a}${b}\n"
        let small = options(InputLimits(matrixCases: 100))
        let scenario = try #require(compile(text, options: small).scenario)
        #expect(scenario.cases.count == 100)
        #expect(
            errorLines(compile(text, options: options(InputLimits(matrixCases: 99)))) == [
                "the matrix has more than 99 cases @ 3:3"
            ]
        )
    }

    @Test("a compiled matrix keeps no plan: every case is validated, each problem reported once, secrets masked")
    func compiledMatrixKeepsNoPlan() throws {
        let axes = (1...3).map { "  m\($0): [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]\n" }.joined()
        let text =
            "matrix:\n" + axes + "steps:\n  - open: 127.0.0.1:1\n  - ehlo: \"${m1}${m2}${m3}.example\"\n"
            + "  - rcpt: \"${m1}${m2}${m3}@@${env:TOKEN}\"\n"
        let options = CompileOptions(processEnvironment: ["TOKEN": "s3cret"], messageIDPrefix: "fixed")
        let checked = compile(text, options: options)
        // Reported once although all 1,000 cases have the problem.
        #expect(checked.errors.count == 1)
        #expect(checked.mask.secrets.contains("s3cret"))
        #expect(!checked.rendered().contains("s3cret"))
        let valid = "matrix:\n" + axes + "steps:\n  - open: 127.0.0.1:1\n  - noop: ${m1}${m2}${m3}-${env:TOKEN}\n"
        let scenario = try #require(compile(valid, options: options).scenario)
        #expect(scenario.caseCount == 1_000)
        #expect(scenario.secrets == ["s3cret"])
        // The plans are made as they are iterated, in matrix order (the last axis fastest).
        var plans = scenario.plans.makeIterator()
        #expect(plans.next()?.name.hasSuffix("[m1=0, m2=0, m3=0]") == true)
        for _ in 0..<10 {
            let skipped = plans.skip()
            #expect(skipped)
        }
        #expect(plans.next()?.name.hasSuffix("[m1=0, m2=1, m3=1]") == true)
        #expect(scenario.cases.count == 1_000)
        #expect(scenario.cases.last?.name.hasSuffix("[m1=9, m2=9, m3=9]") == true)
    }

    @Test("the standard limits are the documented ones")
    func standard() {
        let limits = InputLimits.standard
        #expect(limits.fileSize == 1_048_576)
        #expect(limits.depth == 64)
        #expect(limits.nodes == 100_000)
        #expect(limits.interpolatedLength == 65_536)
        #expect(limits.headersPerMessage == 1_000)
        #expect(limits.recipientsPerCase == 1_000)
        #expect(limits.matrixCases >= 1_000_000)
        #expect(plain.limits == limits)
    }
}
