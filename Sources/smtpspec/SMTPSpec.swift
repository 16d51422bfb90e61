import ArgumentParser
import Foundation

/// The `smtpspec` command: declarative, repeatable SMTP conversations.
@main
struct SMTPSpec: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "smtpspec",
        abstract:
            "Play SMTP scenarios written in YAML against real servers or a built-in mock, and say why a reply is wrong.",
        version: "0.1.0",
        subcommands: [
            RunCommand.self, CheckCommand.self, PlanCommand.self, ExplainCommand.self, MockCommand.self,
            MergeCommand.self,
        ]
    )

    /// Runs the command, mapping every way it can end to DESIGN.md's exit status:
    /// 0 all passed, 1 some scenario failed, 2 invalid input or usage, 3 internal error.
    static func main() async {
        do {
            var command = try parseAsRoot(MockArgument.normalised(Array(CommandLine.arguments.dropFirst())))
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let exit as ExitStatus {
            Foundation.exit(exit.code)
        } catch {
            let code = exitCode(for: error)
            if code.rawValue == 0 {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            Console.err(fullMessage(for: error) + "\n")
            // ArgumentParser's usage errors are 64 (EX_USAGE); smtpspec promises 2 for usage.
            Foundation.exit(code.rawValue == 64 ? 2 : 3)
        }
    }
}

/// Thrown by a command to end with a chosen exit status after printing what it has to say.
struct ExitStatus: Error {
    /// 0 all passed, 1 failures, 2 invalid input or usage, 3 internal error.
    var code: Int32

    static let success = ExitStatus(code: 0)
    static let failures = ExitStatus(code: 1)
    static let invalidInput = ExitStatus(code: 2)
    static let internalError = ExitStatus(code: 3)
}
