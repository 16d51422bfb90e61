import Foundation
import SMTPScenario
import Testing

@Suite("smtpspec plan prints the seed session exactly")
struct GoldenPlanTests {
    @Test("the raw walkthrough's plan matches the golden file")
    func seedPlan() throws {
        let path = RepositoryFiles.path("Examples/exchange-walkthrough-raw.smtp.yaml")
        let result = ScenarioCompiler(options: CompileOptions(processEnvironment: [:])).compile(path: path)
        let scenario = try #require(result.scenario, "\(result.rendered())")
        let rendered = PlanRenderer.render(scenario).replacingOccurrences(of: RepositoryFiles.root + "/", with: "")
        let golden = try String(
            contentsOfFile: RepositoryFiles.path("Tests/SMTPScenarioTests/Golden/exchange-walkthrough-raw.plan"),
            encoding: .utf8
        )
        #expect(rendered == golden)
    }

    @Test("the seed's command lines, in order")
    func seedLines() throws {
        let path = RepositoryFiles.path("Examples/exchange-walkthrough-raw.smtp.yaml")
        let scenario = try #require(
            ScenarioCompiler(options: CompileOptions(processEnvironment: [:])).compile(path: path).scenario
        )
        let sent = scenario.cases[0].steps.flatMap { $0.displayLines() }.filter { !$0.isNote }.map(\.text)
        #expect(
            sent == [
                "EHLO contoso.com", "MAIL FROM:<chris@contoso.com>",
                "RCPT TO:<kate@fabrikam.com> NOTIFY=SUCCESS,FAILURE",
                "DATA", "Subject: Test from Contoso", "", "This is a test message", ".", "QUIT",
            ]
        )
    }
}
