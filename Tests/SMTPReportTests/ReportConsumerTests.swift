import Foundation
import SMTPReport
import Testing

/// Each report format, read by a real consumer of that format.
@Suite struct ReportConsumerTests {
    static let xmllintPaths = ["/usr/bin/xmllint"]
    static let xmllintPackage = "apt-get install -y libxml2-utils"

    @Test func junitValidatesAgainstTheJUnitSchema() throws {
        guard let xmllint = ExternalTool.require(Self.xmllintPaths, install: Self.xmllintPackage) else { return }
        let folder = try Workspace.scratch("junit")
        let xml = JUnitReporter.render(
            try SampleResults.report(SampleResults.all, invalidFiles: [SampleResults.invalidFile])
        )
        let path = try Workspace.write(xml, named: "report.xml", in: folder)
        let xsd = Workspace.root.appendingPathComponent("Tests/SMTPReportTests/Fixtures/junit.xsd").path
        let outcome = try xmllint.run(["--noout", "--schema", xsd, path])
        #expect(outcome.status == 0, "xmllint rejected the JUnit report:\n\(outcome.output)")
        // Failures and errors are told apart: a refused reply is <failure>, a refused connection is <error>.
        #expect(xml.contains("<testsuite name=\"inbound.smtp.yaml\" tests=\"6\" failures=\"4\" errors=\"1\""))
        #expect(xml.components(separatedBy: "<failure ").count - 1 == 1)
        #expect(xml.components(separatedBy: "<error ").count - 1 == 5)
        #expect(xml.contains("<system-out>S: 220 \(SampleResults.banner)"))
        #expect(xml.contains("The specified recipient doesn&#39;t exist."))
        #expect(xml.contains("<error message=\"broken.smtp.yaml:3:5: error: unknown verb &#39;rcpt-to&#39;\""))
    }

    @Test func theJUnitSchemaRejectsWhatCIWouldNotRead() throws {
        guard let xmllint = ExternalTool.require(Self.xmllintPaths, install: Self.xmllintPackage) else { return }
        let folder = try Workspace.scratch("junit-bad")
        let bad = """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites tests="1" failures="0" errors="0" time="0">
              <testsuite name="x" tests="1" failures="0" errors="0" time="0">
                <testcase classname="x" time="0"><failure message="m" type="t"/><error message="m" type="t"/></testcase>
              </testsuite>
            </testsuites>
            """
        let path = try Workspace.write(bad, named: "bad.xml", in: folder)
        let xsd = Workspace.root.appendingPathComponent("Tests/SMTPReportTests/Fixtures/junit.xsd").path
        let outcome = try xmllint.run(["--noout", "--schema", xsd, path])
        #expect(outcome.status != 0, "the XSD accepted a testcase with no name and two outcomes")
    }

    @Test func tapIsReadByProveAndAFailingCaseFailsIt() throws {
        guard let prove = ExternalTool.require(["/usr/bin/prove"], install: "apt-get install -y perl") else { return }
        let folder = try Workspace.scratch("tap")
        let failing = TAPReporter.render(
            try SampleResults.report(SampleResults.all, invalidFiles: [SampleResults.invalidFile])
        )
        let passing = TAPReporter.render(try SampleResults.report([SampleResults.passed]))
        #expect(failing.hasPrefix("TAP version 14\n1..7\nnot ok 1 - broken.smtp.yaml: does not compile\n"))
        // Debian 12's prove (TAP::Harness 3.44) knows TAP up to version 13 and treats "TAP version 14" as a
        // parse error; everything else in the document is fed to it unchanged, as scripts/check-reports.sh does.
        let failingPath = try Workspace.write(Self.asVersion13(failing), named: "failing.tap", in: folder)
        let passingPath = try Workspace.write(Self.asVersion13(passing), named: "passing.tap", in: folder)
        let failed = try prove.run(["--exec", "cat", failingPath])
        #expect(failed.status != 0, "prove passed a run with failures:\n\(failed.output)")
        #expect(failed.output.contains("Failed 6/7 subtests"), "\(failed.output)")
        #expect(!failed.output.contains("Parse errors"), "\(failed.output)")
        let passed = try prove.run(["--exec", "cat", passingPath])
        #expect(passed.status == 0, "prove rejected a passing run:\n\(passed.output)")
        #expect(passed.output.contains("Result: PASS"), "\(passed.output)")
    }

    @Test func jsonValidatesAgainstTheReportSchema() throws {
        guard
            let python = ExternalTool.require(
                ["/usr/bin/python3"],
                install: "apt-get install -y python3 python3-jsonschema"
            )
        else { return }
        let folder = try Workspace.scratch("json")
        let json = JSONReporter.render(
            try SampleResults.report(SampleResults.all, invalidFiles: [SampleResults.invalidFile])
        )
        let path = try Workspace.write(json, named: "report.json", in: folder)
        let schema = Workspace.root.appendingPathComponent("Grammar/report.schema.json").path
        let outcome = try python.run(["-c", Self.validator, schema, path])
        #expect(outcome.status == 0, "jsonschema rejected the JSON report:\n\(outcome.output)")
        #expect(json.contains("\"meaning\" : \"permanent failure; addressing status; bad destination mailbox\""))
        // The schema is strict: a report with a field it does not describe is rejected.
        let extra = json.replacingOccurrences(of: "\"formatVersion\" : 3", with: "\"formatVersion\" : 3, \"x\" : 1")
        #expect(extra != json)
        let extraPath = try Workspace.write(extra, named: "extra.json", in: folder)
        let rejected = try python.run(["-c", Self.validator, schema, extraPath])
        #expect(rejected.status != 0, "the schema accepted an unknown top-level field")
    }

    @Test func htmlIsWellFormedAndRendersInHeadlessChromium() throws {
        guard let xmllint = ExternalTool.require(Self.xmllintPaths, install: Self.xmllintPackage) else { return }
        let folder = try Workspace.scratch("html")
        let html = HTMLReporter.render(
            try SampleResults.report(SampleResults.all, invalidFiles: [SampleResults.invalidFile])
        )
        let path = try Workspace.write(html, named: "report.html", in: folder)
        // Well-formed as XML, so nothing is left open or misnested.
        let xml = try xmllint.run(["--noout", path])
        #expect(xml.status == 0 && xml.output.isEmpty, "the HTML report is not well-formed:\n\(xml.output)")
        // libxml2's HTML parser knows HTML 4 only: it names HTML5 and SVG elements as unknown tags, and must
        // find nothing else wrong.
        let parsed = try xmllint.run(["--html", "--noout", path])
        let problems = parsed.output.split(separator: "\n").filter {
            $0.contains("parser error") && !($0.contains(": Tag ") && $0.hasSuffix(" invalid"))
        }
        #expect(parsed.status == 0 && problems.isEmpty, "xmllint --html found problems:\n\(parsed.output)")
        #expect(!html.contains("http://") || !html.contains("src=\"http"), "the report loads a network resource")
        #expect(!html.contains("<link") && !html.contains(" src="), "the report must be self-contained")
        #expect(html.contains("<svg"))
        #expect(html.contains("class=\"arrow failing\""))
        #expect(html.contains("The specified recipient doesn&#39;t exist."))

        guard
            ExternalTool.require(
                ["/usr/bin/chromium", "/usr/bin/chromium-browser"],
                install: "apt-get install -y chromium (scripts/peers.sh install)"
            ) != nil
        else { return }
        let bash = ExternalTool(path: "/bin/bash", install: "")
        let script = Workspace.root.appendingPathComponent("scripts/screenshot.sh").path
        let png = folder.appendingPathComponent("report.png").path
        let shot = try bash.run([script, path, png])
        #expect(shot.status == 0, "headless Chromium did not render the report cleanly:\n\(shot.output)")
        let size = (try? FileManager.default.attributesOfItem(atPath: png)[.size] as? Int) ?? 0
        #expect(size > 0)
    }

    /// Rewrites the first line `TAP version 14` as `TAP version 13` for Debian 12's prove.
    static func asVersion13(_ tap: String) -> String {
        tap.replacingOccurrences(of: "TAP version 14\n", with: "TAP version 13\n")
    }

    /// Validates argv[2] against the schema in argv[1] with the schema's own draft; prints every error.
    static let validator = """
        import json, sys
        import jsonschema
        schema = json.load(open(sys.argv[1], encoding="utf-8"))
        document = json.load(open(sys.argv[2], encoding="utf-8"))
        cls = jsonschema.validators.validator_for(schema)
        cls.check_schema(schema)
        errors = list(cls(schema).iter_errors(document))
        for error in errors[:20]:
            print("/".join(str(p) for p in error.absolute_path), error.message)
        sys.exit(1 if errors else 0)
        """
}
