/// What a step gets when the file does not say: RFC 5321 §4.5.3.2 timeouts and DESIGN.md's
/// default expectations per verb.
enum StepDefaults {
    /// The RFC 5321 §4.5.3.2 minimum client timeout for waiting on a verb's reply.
    static func timeout(for verb: Verb) -> Duration {
        switch verb {
        case .data: return .seconds(600)  // DATA termination: 10 minutes
        default: return .seconds(300)  // greeting, MAIL, RCPT and the rest: 5 minutes
        }
    }

    /// The wait for the 354 after DATA: 2 minutes (§4.5.3.2.3).
    static let dataInitiation = Duration.seconds(120)

    /// How long `open` waits for the TCP connection itself.
    static let connect = Duration.seconds(30)

    /// The default reply expectation of a verb, as the expectation language writes it.
    static func expectation(for verb: Verb) -> [Int]? {
        switch verb {
        case .open, .starttls: return [220]
        case .ehlo, .helo, .lhlo, .mailFrom, .data, .bdat, .rset, .noop: return [250]
        case .auth: return [235]
        case .rcpt: return [250, 251]
        case .help: return [211, 214]
        case .quit: return [221]
        case .vrfy, .expn: return [250, 251, 252]
        case .send, .pipeline, .sleep, .awaitMessage, .awaitDSN: return nil
        }
    }

    /// The default expectation as a value.
    static func defaultExpectation(for verb: Verb) -> Expectation {
        guard let codes = expectation(for: verb) else { return Expectation(replies: [], source: "any reply") }
        return Expectation(
            replies: codes.map { ReplyPattern(code: .exact($0)) },
            source: codes.map(String.init).joined(separator: " | ")
        )
    }
}
