import CResolv
import NIOCore
import NIOPosix

#if canImport(Glibc)
import Glibc
#endif

/// DNS queries through glibc's libresolv (`res_nquery`), against the system's name servers or one given server
/// (`--dns-server`, IPv4 `host:port`). Each lookup has its own resolver state; calls run on NIO's thread pool.
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
            return .failure("the resolver could not run: \(error)")
        }
    }

    /// Looks up the IPv4 and then IPv6 addresses of `host` (A, then AAAA records).
    func addresses(of host: String) async -> Result<[String], MailExchangers.Problem> {
        let server = self.server
        do {
            return try await NIOThreadPool.singleton.runIfActive {
                Self.queryAddresses(host, server: server)
            }
        } catch {
            return .failure(.lookupFailed(domain: host, reason: "the resolver could not run: \(error)"))
        }
    }

    private static func queryMX(_ domain: String, server: Endpoint?) -> MXLookupOutcome {
        switch query(domain, type: ns_t_mx, server: server) {
        case .failure(.nonexistentDomain):
            return .nonexistentDomain
        case .failure(.noRecords):
            return .noRecords
        case .failure(.failure(let reason)):
            return .failure(reason)
        case .success(let records):
            let exchangers = records.compactMap { record -> MXRecord? in
                guard record.type == ns_t_mx.rawValue, record.data.count >= 3 else { return nil }
                let preference = Int(record.data[0]) << 8 | Int(record.data[1])
                guard let host = record.expandName(atDataOffset: 2) else { return nil }
                return MXRecord(preference: preference, host: host)
            }
            return exchangers.isEmpty ? .noRecords : .records(exchangers)
        }
    }

    private static func queryAddresses(_ host: String, server: Endpoint?) -> Result<[String], MailExchangers.Problem> {
        var addresses: [String] = []
        var lastProblem: MailExchangers.Problem = .lookupFailed(domain: host, reason: "no A or AAAA records")
        for (type, family, length) in [(ns_t_a, AF_INET, 4), (ns_t_aaaa, AF_INET6, 16)] {
            switch query(host, type: type, server: server) {
            case .failure(.nonexistentDomain):
                return .failure(.nonexistentDomain(host))
            case .failure(.failure(let reason)):
                lastProblem = .lookupFailed(domain: host, reason: reason)
            case .failure:
                continue
            case .success(let records):
                for record in records where record.type == type.rawValue && record.data.count == length {
                    if let text = presentation(record.data, family: family) { addresses.append(text) }
                }
            }
        }
        return addresses.isEmpty ? .failure(lastProblem) : .success(addresses)
    }

    private static func presentation(_ bytes: [UInt8], family: Int32) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let ok = bytes.withUnsafeBytes { raw in
            inet_ntop(family, raw.baseAddress, &buffer, socklen_t(buffer.count)) != nil
        }
        guard ok else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Runs one query; answers are copied out of the response while it is alive.
    private static func query(_ name: String, type: ns_type, server: Endpoint?) -> Result<[AnswerRecord], DNSQueryError>
    {
        var state: __res_state = .init()
        guard __res_ninit(&state) == 0 else { return .failure(.failure("res_ninit failed")) }
        defer { __res_nclose(&state) }
        state.retrans = 2
        state.retry = 2
        if let server {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(clamping: server.port)).bigEndian
            guard inet_pton(AF_INET, server.host, &address.sin_addr) == 1 else {
                return .failure(.failure("the DNS server must be an IPv4 address:port, not \(server)"))
            }
            state.nsaddr_list.0 = address
            state.nscount = 1
        }
        var answer = [UInt8](repeating: 0, count: 65_535)
        let length = answer.withUnsafeMutableBufferPointer { buffer in
            res_nquery(
                &state,
                name,
                Int32(ns_c_in.rawValue),
                Int32(type.rawValue),
                buffer.baseAddress,
                Int32(buffer.count)
            )
        }
        guard length >= 0 else {
            switch state.res_h_errno {
            case HOST_NOT_FOUND: return .failure(.nonexistentDomain)
            case NO_DATA: return .failure(.noRecords)
            case TRY_AGAIN: return .failure(.failure("no answer from the DNS server (timeout or server failure)"))
            default: return .failure(.failure("the DNS query failed (h_errno \(state.res_h_errno))"))
            }
        }
        return AnswerRecord.parse(Array(answer.prefix(Int(length))))
    }
}
