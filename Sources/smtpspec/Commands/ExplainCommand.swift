import ArgumentParser

/// `smtpspec explain` (not built yet).
struct ExplainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explain", abstract: "Not built yet.")

    func run() async throws {
        throw ExitStatus.internalError
    }
}
