import Foundation
import SMTPCore

/// Where the real peers started by `scripts/peers.sh start` listen, read from the environment variables it writes
/// to `.peers/env` (`scripts/test.sh` exports them before `swift test`).
///
/// A test that talks to a peer is marked `.enabled(if: PeerEnvironment.peersAvailable)` and begins with
/// `try PeerEnvironment.requirePeer(.postfix)`. Under the test script (`SMTPSPEC_PEERS=1`) every such test runs,
/// and one whose peer is down fails loudly; a plain `swift test` without peers leaves them disabled.
enum PeerEnvironment {
    /// Whether the test script started the peers (`SMTPSPEC_PEERS=1`): then every peer test must run and pass.
    static var required: Bool {
        value("SMTPSPEC_PEERS") == "1"
    }

    /// Whether peer tests should run: the test script started the peers, or a peer address was given by hand.
    static var peersAvailable: Bool {
        required || Peer.allCases.contains { value($0.variable) != nil }
    }

    /// The test Postfix (`SMTPSPEC_POSTFIX`, normally 127.0.0.1:2525).
    static var postfix: (host: String, port: Int)? {
        endpoint(Peer.postfix.variable)
    }

    /// The test Postfix over IPv6 (`SMTPSPEC_POSTFIX_V6`, normally [::1]:2525; nil when loopback has no IPv6).
    static var postfixIPv6: (host: String, port: Int)? {
        endpoint(Peer.postfixIPv6.variable)
    }

    /// aiosmtpd (`SMTPSPEC_AIOSMTPD`, normally 127.0.0.1:8025).
    static var aiosmtpd: (host: String, port: Int)? {
        endpoint(Peer.aiosmtpd.variable)
    }

    /// The test DNS server, dnsmasq (`SMTPSPEC_DNS`, normally 127.0.0.1:5353, UDP and TCP).
    static var dnsServer: (host: String, port: Int)? {
        endpoint(Peer.dnsServer.variable)
    }

    /// Dovecot's LMTP server (`SMTPSPEC_DOVECOT_LMTP`, normally 127.0.0.1:2424), whose user
    /// `full@lmtp.smtpspec.test` is over quota: refused with 552 5.2.2 after the message, not at RCPT.
    static var dovecotLMTP: (host: String, port: Int)? {
        endpoint(Peer.dovecotLMTP.variable)
    }

    /// The directory below which the test Dovecot stores delivered mail as maildirs, for example
    /// `lmtp.smtpspec.test/kate/new/` (`SMTPSPEC_DOVECOT_MAILDIR`).
    static var dovecotMaildir: String? {
        value("SMTPSPEC_DOVECOT_MAILDIR")
    }

    /// The PEM file of the test CA that signed the test Postfix's certificate (`SMTPSPEC_TEST_CA`).
    static var testCAPath: String? {
        value("SMTPSPEC_TEST_CA")
    }

    /// The name the test Postfix's certificate is issued to (`SMTPSPEC_TLS_SERVER_NAME`, mail.smtpspec.test).
    static var tlsServerName: String? {
        value("SMTPSPEC_TLS_SERVER_NAME")
    }

    /// The domain whose preferred MX (10) is dead (127.0.0.2, refused) and whose second MX (20) is the test
    /// Postfix on 127.0.0.1 (`SMTPSPEC_MX_DOMAIN`, mx.smtpspec.test).
    static var mxDomain: String? {
        value("SMTPSPEC_MX_DOMAIN")
    }

    /// The directory below which the test Postfix stores delivered mail as maildirs, for example
    /// `fabrikam.com/kate/new/` (`SMTPSPEC_POSTFIX_MAILDIR`).
    static var postfixMaildir: String? {
        value("SMTPSPEC_POSTFIX_MAILDIR")
    }

    /// The address of a peer, checked to accept a TCP connection.
    ///
    /// Throws ``PeerUnavailable`` when the address is not set or nothing answers there, so a test run through the
    /// test script fails with a message that names the peer and what to run.
    static func requirePeer(_ peer: Peer) throws -> (String, Int) {
        guard let raw = value(peer.variable) else {
            throw PeerUnavailable(peer: peer, detail: "\(peer.variable) is not set")
        }
        guard let address = endpoint(peer.variable) else {
            throw PeerUnavailable(peer: peer, detail: "\(peer.variable)=\(raw) is not host:port or [v6]:port")
        }
        do {
            try checkConnects(host: address.host, port: address.port)
        } catch {
            throw PeerUnavailable(peer: peer, detail: "nothing answers on \(raw): \(error)")
        }
        return address
    }

    /// A non-empty environment variable.
    static func value(_ name: String) -> String? {
        guard let text = ProcessInfo.processInfo.environment[name], !text.isEmpty else {
            return nil
        }
        return text
    }

    /// Parses `host:port` or `[v6]:port` from an environment variable, with SMTPCore's `HostPort`.
    static func endpoint(_ name: String) -> (host: String, port: Int)? {
        guard let text = value(name), case .success(let parsed) = HostPort.parse(text), let port = parsed.port else {
            return nil
        }
        return (parsed.host, port)
    }
}
