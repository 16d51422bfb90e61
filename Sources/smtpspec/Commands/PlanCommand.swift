import ArgumentParser

/// `smtpspec plan` (not built yet).
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "plan", abstract: "Not built yet.")

    func run() async throws {
        throw ExitStatus.internalError
    }
}
