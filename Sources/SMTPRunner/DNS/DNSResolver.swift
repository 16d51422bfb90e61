import CResolv
import NIOCore
import NIOPosix

#if canImport(Glibc)
import Glibc
#endif

/// DNS queries through glibc's libresolv (`res_nmkquery` and `res_nsend`), against the system's name servers or one
/// given server (`--dns-server`, IPv4 `host:port`). Each lookup has its own resolver state; calls run on NIO's
/// thread pool.
///
/// What went wrong is read from the response code of the server's answer, or from the fact that no answer came,
/// and kept as a ``DNSQueryError`` case: REFUSED, SERVFAIL, NXDOMAIN, an empty answer and a timeout each say so.
struct DNSResolver: Sendable {
    /// The server to ask instead of the system's, if any.
    var server: Endpoint?

    /// Looks up the MX records of `domain`.
    func mailExchangers(of domain: String) async -> MXLookupOutcome {
        let server = self.server
        do {
            return try await NIOThreadPool.singleton.runIfActive {
                Self.queryMX(domain, server: server)
            }
        } catch {
            return .failure(.resolverUnavailable("the resolver could not run: \(error)"))
        }
    }

    /// Looks up the IPv4 and then IPv6 addresses of `host` (A, then AAAA records).
    func addresses(of host: String) async -> Result<[String], MailExchangers.Problem> {
        await addressRecords(of: host).mapError { .addressLookupFailed(host: host, $0) }
    }

    /// Looks up the addresses of a mail exchanger; when it is the implicit MX of a domain without MX records, a
    /// failure is worded as that fallback (RFC 5321 §5.1).
    func addresses(of exchanger: MXRecord) async -> Result<[String], MailExchangers.Problem> {
        await addressRecords(of: exchanger.host).mapError { MailExchangers.addressProblem(for: exchanger, $0) }
    }

    private func addressRecords(of host: String) async -> Result<[String], DNSQueryError> {
        let server = self.server
        do {
            return try await NIOThreadPool.singleton.runIfActive {
                Self.queryAddresses(host, server: server)
            }
        } catch {
            return .failure(.resolverUnavailable("the resolver could not run: \(error)"))
        }
    }

    private static func queryMX(_ domain: String, server: Endpoint?) -> MXLookupOutcome {
        switch query(domain, type: ns_t_mx, server: server) {
        case .failure(let error):
            return MXLookupOutcome(error)
        case .success(let records):
            let exchangers = records.compactMap { record -> MXRecord? in
                guard record.data.count >= 3 else { return nil }
                let preference = Int(record.data[0]) << 8 | Int(record.data[1])
                guard let host = record.expandName(atDataOffset: 2) else { return nil }
                return MXRecord(preference: preference, host: host)
            }
            return exchangers.isEmpty ? .failure(.malformedResponse) : .records(exchangers)
        }
    }

    /// The A and then AAAA addresses of `host`. NXDOMAIN ends the lookup; otherwise a failed query (REFUSED,
    /// SERVFAIL, a timeout) is reported over an empty answer, since it may hide addresses.
    private static func queryAddresses(_ host: String, server: Endpoint?) -> Result<[String], DNSQueryError> {
        var addresses: [String] = []
        var problem: DNSQueryError = .noRecords
        for (type, family, length) in [(ns_t_a, AF_INET, 4), (ns_t_aaaa, AF_INET6, 16)] {
            switch query(host, type: type, server: server) {
            case .failure(.nonexistentDomain):
                return .failure(.nonexistentDomain)
            case .failure(.noRecords):
                continue
            case .failure(let error):
                problem = error
            case .success(let records):
                for record in records where record.data.count == length {
                    if let text = presentation(record.data, family: family) { addresses.append(text) }
                }
            }
        }
        return addresses.isEmpty ? .failure(problem) : .success(addresses)
    }

    private static func presentation(_ bytes: [UInt8], family: Int32) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let ok = bytes.withUnsafeBytes { raw in
            inet_ntop(family, raw.baseAddress, &buffer, socklen_t(buffer.count)) != nil
        }
        guard ok else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Runs one query and returns the answer records of the type asked for; answers are copied out of the
    /// response while it is alive.
    ///
    /// glibc's sender does not hand back a SERVFAIL, NOTIMP or REFUSED answer: it tries the next server (or try)
    /// and, when none answers better, fails with ETIMEDOUT as if nothing had come. The last answer it received is
    /// still in the answer buffer, so when that buffer holds a response to this query (same id, the response
    /// flag set) its response code is the one reported; only when it holds none did nothing answer.
    private static func query(_ name: String, type: ns_type, server: Endpoint?) -> Result<[AnswerRecord], DNSQueryError>
    {
        var state: __res_state = .init()
        guard __res_ninit(&state) == 0 else { return .failure(.resolverUnavailable("res_ninit failed")) }
        defer { __res_nclose(&state) }
        state.retrans = 2
        state.retry = 2
        if let server {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(clamping: server.port)).bigEndian
            guard inet_pton(AF_INET, server.host, &address.sin_addr) == 1 else {
                return .failure(.resolverUnavailable("the DNS server must be an IPv4 address:port, not \(server)"))
            }
            state.nsaddr_list.0 = address
            state.nscount = 1
        }
        var request = [UInt8](repeating: 0, count: Int(NS_PACKETSZ))
        let requestLength = request.withUnsafeMutableBufferPointer { buffer in
            res_nmkquery(
                &state,
                Int32(ns_o_query.rawValue),
                name,
                Int32(ns_c_in.rawValue),
                Int32(type.rawValue),
                nil,
                0,
                nil,
                buffer.baseAddress,
                Int32(buffer.count)
            )
        }
        guard requestLength > 0 else { return .failure(.resolverUnavailable("no DNS query can be made for '\(name)'")) }
        var answer = [UInt8](repeating: 0, count: 65_535)
        errno = 0
        let length = answer.withUnsafeMutableBufferPointer { buffer in
            res_nsend(&state, request, requestLength, buffer.baseAddress, Int32(buffer.count))
        }
        let sendError = errno
        guard length >= 0 else {
            if let code = responseCode(in: answer, answering: request) {
                return .failure(DNSQueryError(responseCode: code) ?? .referral)
            }
            switch sendError {
            case ETIMEDOUT: return .failure(.timeout)
            case ECONNREFUSED, ESRCH, ENETUNREACH, EHOSTUNREACH: return .failure(.noServerReachable)
            default: return .failure(.resolverUnavailable(String(cString: strerror(sendError))))
            }
        }
        let response = Array(answer.prefix(Int(length)))
        guard let code = responseCode(in: response, answering: request) else { return .failure(.malformedResponse) }
        if let error = DNSQueryError(responseCode: code) { return .failure(error) }
        return AnswerRecord.parse(response).flatMap { records in
            let wanted = records.filter { $0.type == type.rawValue }
            return wanted.isEmpty ? .failure(.noRecords) : .success(wanted)
        }
    }

    /// The response code of `message` when it is a response to `request` (same id, the QR flag set), else `nil`.
    private static func responseCode(in message: [UInt8], answering request: [UInt8]) -> Int? {
        guard message.count >= Int(NS_HFIXEDSZ), request.count >= 2, message[0] == request[0],
            message[1] == request[1], message[2] & 0x80 != 0
        else { return nil }
        return Int(message[3] & 0x0F)
    }
}
