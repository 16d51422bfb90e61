import Foundation
import IMAPClient
import SMTPCore
import SMTPMessage
import SMTPMock
import SMTPReport
import SMTPScenario
import SMTPYAML

/// What a fuzzer feeds its input to: each target takes arbitrary bytes, must never crash, hang or grow without
/// bound, and reports nothing (libFuzzer judges by crashes, timeouts and memory).
///
/// `scripts/fuzz.sh` builds this module with `-sanitize=fuzzer` and links it into one binary per target; the
/// target is chosen by the `SMTPSPEC_FUZZ_TARGET` environment variable, read once.
public enum FuzzTarget: String, Sendable, CaseIterable {
    /// The scenario compiler: the bytes as a `*.smtp.yaml` file, read, compiled and (if it compiled) planned.
    case scenario
    /// The persona reader: the bytes as a `*.persona.yaml` file.
    case persona
    /// The reply reader: the bytes as what a server sends, in two halves, then the connection closes.
    case reply
    /// The mock's session state machine (Exchange persona): the bytes as what a client sends.
    case mockSession = "mock-session"
    /// The message readers: the bytes as a message (header section, MIME structure) and as a delivery status
    /// notification.
    case dsn
    /// The IMAP response parser: the bytes as what an IMAP server sends, in uneven pieces, with small limits so
    /// the limit paths are reached too.
    case imap
    /// How `merge` finds a JSON report's cases (``JSONArraySplitter``): the bytes as a report. Valid JSON with one
    /// `cases` array must split into exactly its elements, so the fuzzer finds a wrong split as well as a crash.
    case reportJSON = "report-json"

    /// The target `SMTPSPEC_FUZZ_TARGET` names; the scenario compiler when it names none.
    public static let current: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["SMTPSPEC_FUZZ_TARGET"] ?? FuzzTarget.scenario.rawValue
        return FuzzTarget(rawValue: name) ?? .scenario
    }()

    /// Feeds `bytes` to the target.
    public func run(_ bytes: [UInt8]) {
        switch self {
        case .scenario: Self.compileScenario(bytes)
        case .persona: Self.readPersona(bytes)
        case .reply: Self.readReplies(bytes)
        case .mockSession: Self.playMockSession(bytes)
        case .dsn: Self.readDSN(bytes)
        case .imap: Self.readIMAPResponses(bytes)
        case .reportJSON: Self.splitReport(bytes)
        }
    }

    private static func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    private static func compileScenario(_ bytes: [UInt8]) {
        let source = SourceFile(path: "fuzz.smtp.yaml", text: text(bytes))
        // Matrices up to 10,000 cases: the fuzzer looks for crashes and runaway cost per input; what the documented
        // limit of 1,000,000 cases costs to check is measured in benchmarks/run.sh (goal 4), not here.
        var options = CompileOptions()
        options.limits.matrixCases = 10_000
        let result = ScenarioCompiler(options: options).compile(source)
        _ = result.rendered()
        if let scenario = result.scenario { _ = PlanRenderer.render(scenario) }
    }

    private static func splitReport(_ bytes: [UInt8]) {
        let data = Data(bytes)
        let split: (rest: Data, elements: [Range<Int>])?
        var refusal = ""
        do {
            split = try JSONArraySplitter.split(data, member: "cases")
        } catch {
            split = nil
            refusal = error.description
        }
        // Foundation also reads UTF-16 and UTF-32 (bytes of zero) and a byte order mark; the reports are UTF-8.
        guard !bytes.contains(0), bytes.first != 0xEF,
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return }
        guard let split else {
            fatalError(
                "valid JSON object refused by the splitter (\(refusal)): \(data.prefix(300).base64EncodedString())"
            )
        }
        if let cases = object["cases"] as? [Any], text(bytes).components(separatedBy: "\"cases\"").count == 2 {
            guard split.elements.count == cases.count else {
                fatalError("\(cases.count) cases, \(split.elements.count) elements found")
            }
            guard (try? JSONSerialization.jsonObject(with: split.rest)) != nil else {
                fatalError("the rest of a valid report is not JSON")
            }
        }
    }

    private static func readPersona(_ bytes: [UInt8]) {
        let source = SourceFile(path: "fuzz.persona.yaml", text: text(bytes))
        _ = try? Persona.parse(source)
        _ = Persona.diagnose(source)
    }

    private static func readReplies(_ bytes: [UInt8]) {
        var reader = ReplyReader()
        let middle = bytes.count / 2
        for half in [bytes[..<middle], bytes[middle...]] {
            reader.append(half)
            while let reply = reader.nextReply() {
                if case .success(let value) = reply { _ = EHLOCapabilities(reply: value) }
            }
        }
        _ = reader.connectionClosed()
    }

    private static func readDSN(_ bytes: [UInt8]) {
        if let message = try? Message(parsing: bytes) {
            _ = message.messageID
            _ = message.body
            if let entity = try? MIMEEntity(message: message) { _ = entity.first(mediaType: "text/plain") }
        }
        if let dsn = try? DeliveryStatusNotification(parsing: bytes) {
            _ = dsn.returnedMessageID
            _ = dsn.recipients.map { ($0.finalRecipient.mailbox, $0.action, $0.status) }
        }
    }

    private static func readIMAPResponses(_ bytes: [UInt8]) {
        var parser = IMAPResponseParser(
            limits: IMAPLimits(maxLineLength: 4096, maxLiteralSize: 16384, maxResponseSize: 32768, maxSearchResults: 50)
        )
        var offset = 0
        // Feed in uneven pieces, as a network would; stop at the first error, as the client does.
        while offset < bytes.count {
            let length = min(bytes.count - offset, 1 + Int(bytes[offset] % 32))
            parser.append(bytes[offset..<(offset + length)])
            offset += length
            do {
                while try parser.next() != nil {}
            } catch {
                _ = error.description
                return
            }
        }
        _ = parser.discardBuffered()
    }

    private static let exchange: Persona? = try? Persona.builtin(named: "exchange")

    private static func playMockSession(_ bytes: [UInt8]) {
        guard let persona = exchange else { return }
        var session = MockSession(persona: persona, environment: SessionEnvironment())
        _ = session.start()
        var offset = 0
        // Feed in uneven pieces, as a network would.
        while offset < bytes.count {
            let length = min(bytes.count - offset, 1 + Int(bytes[offset] % 64))
            _ = session.receive(bytes[offset..<(offset + length)])
            offset += length
        }
        _ = session.idleTimeout()
    }
}
