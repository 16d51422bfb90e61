import Logging

/// A log handler that passes every message and metadata value through a redaction (the plan's secret mask) before
/// the handler it wraps sees it: for code the runner calls that logs on its own (the IMAP client), so that no
/// secret reaches `--verbose` output.
struct RedactingLogHandler: LogHandler {
    private var wrapped: any LogHandler
    private let redact: @Sendable (String) -> String

    init(_ wrapped: any LogHandler, redact: @escaping @Sendable (String) -> String) {
        self.wrapped = wrapped
        self.redact = redact
    }

    var logLevel: Logger.Level {
        get { wrapped.logLevel }
        set { wrapped.logLevel = newValue }
    }

    var metadata: Logger.Metadata {
        get { wrapped.metadata }
        set { wrapped.metadata = newValue.mapValues { .string(redact($0.description)) } }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { wrapped[metadataKey: key] }
        set { wrapped[metadataKey: key] = newValue.map { .string(redact($0.description)) } }
    }

    func log(event: LogEvent) {
        var event = event
        event.message = Logger.Message(stringLiteral: redact(event.message.description))
        event.metadata = event.metadata?.mapValues { .string(redact($0.description)) }
        wrapped.log(event: event)
    }
}
