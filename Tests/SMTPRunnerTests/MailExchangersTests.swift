import SMTPRunner
import Testing

/// MX ordering and the fallbacks of RFC 5321 §5.1 and RFC 7505.
@Suite("MX ordering")
struct MailExchangersTests {
    @Test("hosts are tried in preference order; equal preferences keep the server's order")
    func preferenceOrder() throws {
        let records = [
            MXRecord(preference: 20, host: "mx-b.example."),
            MXRecord(preference: 10, host: "mx-a.example."),
            MXRecord(preference: 20, host: "mx-c.example."),
            MXRecord(preference: 5, host: "mx-0.example"),
        ]
        let hosts = try MailExchangers.hosts(for: "example", outcome: .records(records)).get()
        #expect(hosts.map(\.host) == ["mx-0.example", "mx-a.example", "mx-b.example", "mx-c.example"])
        #expect(hosts.map(\.preference) == [5, 10, 20, 20])
    }

    @Test("a domain without MX records is its own mail exchanger")
    func implicitMX() throws {
        let hosts = try MailExchangers.hosts(for: "nomx.example.test", outcome: .noRecords).get()
        #expect(hosts == [MXRecord(preference: 0, host: "nomx.example.test")])
    }

    @Test("a null MX, a nonexistent domain and a failed lookup are problems")
    func problems() {
        let null = MailExchangers.hosts(for: "nomail.example", outcome: .records([MXRecord(preference: 0, host: ".")]))
        #expect(null == .failure(.nullMX("nomail.example")))
        #expect(
            MailExchangers.hosts(for: "nosuch.test", outcome: .nonexistentDomain)
                == .failure(.nonexistentDomain("nosuch.test"))
        )
        let failed = MailExchangers.hosts(for: "x.test", outcome: .failure("timeout"))
        #expect(failed == .failure(.lookupFailed(domain: "x.test", reason: "timeout")))
    }
}
