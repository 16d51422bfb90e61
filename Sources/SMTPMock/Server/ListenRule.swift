import NIOCore
import SMTPCore

/// The one rule for every server smtpspec starts (`smtpspec mock`, `run --mock`, and capture servers): it listens on
/// loopback (127.0.0.0/8, ::1, `localhost`) unless remote listening was asked for explicitly, and when it listens
/// beyond loopback it says so.
///
/// A mock accepts any mail and answers whatever its persona says; reachable from other hosts it would be an open
/// relay look-alike on the network, so that needs `--allow-remote` (``MockServerConfiguration/allowRemote``).
public enum ListenRule {
    /// Where a listening address is.
    public enum Scope: Sendable, Hashable {
        /// Only this machine can connect.
        case loopback
        /// Other hosts may connect (a wildcard such as 0.0.0.0 or ::, or an interface address).
        case remote
    }

    /// Resolves `host` as the listening socket will (an address literal, or a name through the resolver) and
    /// says whether it is loopback. `nil` when it cannot be resolved.
    public static func scope(of host: String) -> Scope? {
        guard let address = try? SocketAddress.makeAddressResolvingHost(host, port: 0) else { return nil }
        return scope(of: address)
    }

    /// Whether a socket address is loopback: 127.0.0.0/8, ::1, or ::ffff:127.0.0.0/104.
    public static func scope(of address: SocketAddress) -> Scope {
        switch address {
        case .v4(let v4):
            let octets = withUnsafeBytes(of: v4.address.sin_addr.s_addr) { Array($0) }
            return octets.first == 127 ? .loopback : .remote
        case .v6(let v6):
            let octets = withUnsafeBytes(of: v6.address.sin6_addr) { Array($0) }
            if octets == Array(repeating: 0, count: 15) + [1] { return .loopback }
            let mapped = Array(repeating: UInt8(0), count: 10) + [0xFF, 0xFF]
            if Array(octets.prefix(12)) == mapped, octets[12] == 127 { return .loopback }
            return .remote
        case .unixDomainSocket:
            return .loopback
        }
    }

    /// Checks a listening address against the rule: `nil` when it may be used, otherwise why not (in words that
    /// name the `--allow-remote` option).
    public static func problem(host: String, allowRemote: Bool) -> String? {
        guard let scope = scope(of: host) else {
            return "cannot resolve '\(host)' to an address to listen on"
        }
        guard scope == .loopback || allowRemote else {
            return "'\(host)' is not a loopback address: smtpspec's servers listen on loopback (127.0.0.1, ::1) "
                + "unless --allow-remote is given"
        }
        return nil
    }

    /// The warning to show when a server listens beyond loopback; `nil` on loopback.
    public static func warning(for address: MockServerAddress) -> String? {
        guard scope(of: address.host) == .remote else { return nil }
        let wildcard = address.host == "0.0.0.0" || address.host == "::"
        return "warning: listening on \(address), beyond loopback (--allow-remote): "
            + (wildcard ? "every network interface; " : "")
            + "any host that can reach it can send mail to this mock"
    }
}

/// A ``MockServerConfiguration`` that cannot be used: a limit out of range, or an address beyond loopback without
/// ``MockServerConfiguration/allowRemote``.
public struct MockServerConfigurationError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, naming the setting.
    public var message: String
    /// The message.
    public var description: String { message }
}
