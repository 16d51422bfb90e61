import ArgumentParser

/// `smtpspec mock` (not built yet).
struct MockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "mock", abstract: "Not built yet.")

    func run() async throws {
        throw ExitStatus.internalError
    }
}
