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
        #expect(hosts.allSatisfy { !$0.isImplicit })
    }

    @Test("a domain without MX records is its own mail exchanger, marked as the implicit MX")
    func implicitMX() throws {
        let hosts = try MailExchangers.hosts(for: "nomx.example.test", outcome: .noRecords).get()
        #expect(hosts == [MXRecord.implicit(for: "nomx.example.test")])
        #expect(hosts.map(\.host) == ["nomx.example.test"])
        #expect(hosts.map(\.preference) == [0])
        #expect(hosts.allSatisfy { $0.isImplicit })
        #expect(hosts[0].description.contains("implicit MX"))
        #expect(hosts[0].description.contains("A/AAAA"))
        #expect(!MXRecord(preference: 10, host: "mx.example").description.contains("implicit"))
    }

    @Test("a null MX, a nonexistent domain and a failed lookup are problems")
    func problems() {
        let null = MailExchangers.hosts(for: "nomail.example", outcome: .records([MXRecord(preference: 0, host: ".")]))
        #expect(null == .failure(.nullMX("nomail.example")))
        #expect(
            MailExchangers.hosts(for: "nosuch.test", outcome: .nonexistentDomain)
                == .failure(.mxLookupFailed(domain: "nosuch.test", .nonexistentDomain))
        )
        let failed = MailExchangers.hosts(for: "x.test", outcome: .failure(.timeout))
        #expect(failed == .failure(.mxLookupFailed(domain: "x.test", .timeout)))
        let refused = MailExchangers.hosts(for: "x.test", outcome: .failure(.refused))
        #expect(refused == .failure(.mxLookupFailed(domain: "x.test", .refused)))
    }

    @Test("an outcome is built from the query's typed error, never from text")
    func outcomeFromError() {
        #expect(MXLookupOutcome(.noRecords) == .noRecords)
        #expect(MXLookupOutcome(.nonexistentDomain) == .nonexistentDomain)
        #expect(MXLookupOutcome(.refused) == .failure(.refused))
        #expect(MXLookupOutcome(.serverFailure) == .failure(.serverFailure))
        #expect(MXLookupOutcome(.timeout) == .failure(.timeout))
    }

    @Test(
        "each DNS response code has its own case",
        arguments: [
            (1, DNSQueryError.formatError), (2, .serverFailure), (3, .nonexistentDomain), (4, .notImplemented),
            (5, .refused), (9, .responseCode(9)),
        ]
    )
    func responseCodes(code: Int, error: DNSQueryError) {
        #expect(DNSQueryError(responseCode: code) == error)
    }

    @Test("NOERROR is not an error")
    func noError() {
        #expect(DNSQueryError(responseCode: 0) == nil)
    }

    @Test(
        "each query outcome says what happened, and only that",
        arguments: [
            (DNSQueryError.refused, "refused the query (REFUSED)"),
            (.serverFailure, "failed to resolve the name (SERVFAIL)"),
            (.timeout, "no answer from the DNS server before the time limit (timeout)"),
            (.nonexistentDomain, "does not exist (NXDOMAIN)"),
            (.noRecords, "has no records of that type (NOERROR, empty answer)"),
            (.notImplemented, "(NOTIMP)"),
            (.formatError, "(FORMERR)"),
            (.responseCode(6), "response code 6"),
            (.referral, "referral instead of an answer"),
            (.noServerReachable, "no DNS server could be reached"),
            (.malformedResponse, "could not be parsed"),
            (.resolverUnavailable("res_ninit failed"), "could not be made: res_ninit failed"),
        ]
    )
    func queryDescriptions(error: DNSQueryError, words: String) {
        #expect(error.description.contains(words), "\(error.description)")
        let others = ["REFUSED", "SERVFAIL", "timeout", "NXDOMAIN", "NOTIMP", "FORMERR"].filter { !words.contains($0) }
        for other in others {
            #expect(!error.description.contains(other), "\(error.description) mentions \(other)")
        }
    }

    @Test("a REFUSED answer is not described as a timeout or a server failure")
    func refusedIsRefused() {
        let problem = MailExchangers.Problem.mxLookupFailed(domain: "example.test", .refused)
        #expect(
            problem.description == "the MX lookup for example.test failed: the DNS server refused the query (REFUSED)"
        )
        #expect(!problem.description.contains("timeout"))
        #expect(!problem.description.contains("server failure"))
    }

    @Test(
        "each problem names the lookup that failed",
        arguments: [
            (
                MailExchangers.Problem.mxLookupFailed(domain: "d.test", .nonexistentDomain),
                "the domain d.test does not exist (NXDOMAIN to its MX query)"
            ),
            (
                .mxLookupFailed(domain: "d.test", .serverFailure),
                "the MX lookup for d.test failed: the DNS server failed to resolve the name (SERVFAIL)"
            ),
            (
                .mxLookupFailed(domain: "d.test", .timeout),
                "the MX lookup for d.test failed: no answer from the DNS server before the time limit (timeout)"
            ),
            (.nullMX("d.test"), "d.test publishes a null MX (RFC 7505): it accepts no mail"),
            (
                .addressLookupFailed(host: "mx.d.test", .nonexistentDomain),
                "the host mx.d.test does not exist (NXDOMAIN to its A/AAAA query)"
            ),
            (.addressLookupFailed(host: "mx.d.test", .noRecords), "the host mx.d.test has no A or AAAA records"),
            (
                .addressLookupFailed(host: "mx.d.test", .refused),
                "the address lookup (A/AAAA) for mx.d.test failed: the DNS server refused the query (REFUSED)"
            ),
            (
                .implicitMXLookupFailed(domain: "d.test", .noRecords),
                "d.test has no MX records, and no A or AAAA records for the implicit-MX fallback (RFC 5321 §5.1) either"
            ),
            (
                .implicitMXLookupFailed(domain: "d.test", .serverFailure),
                "d.test has no MX records, and the implicit-MX fallback to its own A/AAAA records (RFC 5321 §5.1) "
                    + "failed: the DNS server failed to resolve the name (SERVFAIL)"
            ),
        ]
    )
    func problemDescriptions(problem: MailExchangers.Problem, text: String) {
        #expect(problem.description == text)
    }

    @Test("an address lookup is never called the MX lookup; the implicit MX's is called the fallback")
    func addressWording() {
        let exchanger = MXRecord(preference: 10, host: "mx.d.test")
        let plain = MailExchangers.addressProblem(for: exchanger, .timeout)
        #expect(plain == .addressLookupFailed(host: "mx.d.test", .timeout))
        #expect(!plain.description.contains("MX lookup"))
        let implicit = MailExchangers.addressProblem(for: .implicit(for: "d.test"), .nonexistentDomain)
        #expect(implicit == .implicitMXLookupFailed(domain: "d.test", .nonexistentDomain))
        #expect(implicit.description.contains("implicit-MX fallback"))
        #expect(!implicit.description.contains("the MX lookup"))
    }
}
