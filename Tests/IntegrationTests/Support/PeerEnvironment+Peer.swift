extension PeerEnvironment {
    /// A peer that `scripts/peers.sh start` runs for the integration tests.
    enum Peer: String, CaseIterable, Sendable, CustomStringConvertible {
        /// Postfix 3.7 on 127.0.0.1:2525.
        case postfix
        /// The same Postfix on [::1]:2525.
        case postfixIPv6
        /// aiosmtpd on 127.0.0.1:8025.
        case aiosmtpd
        /// dnsmasq on 127.0.0.1:5353.
        case dnsServer
        /// Dovecot 2.3's LMTP server on 127.0.0.1:2424.
        case dovecotLMTP
        /// Dovecot 2.3's IMAP server on 127.0.0.1:2143 (STARTTLS).
        case dovecotIMAP

        /// The environment variable holding the peer's address.
        var variable: String {
            switch self {
            case .postfix: "SMTPSPEC_POSTFIX"
            case .postfixIPv6: "SMTPSPEC_POSTFIX_V6"
            case .aiosmtpd: "SMTPSPEC_AIOSMTPD"
            case .dnsServer: "SMTPSPEC_DNS"
            case .dovecotLMTP: "SMTPSPEC_DOVECOT_LMTP"
            case .dovecotIMAP: "SMTPSPEC_DOVECOT_IMAP"
            }
        }

        /// The peer's name in messages.
        var description: String {
            switch self {
            case .postfix: "Postfix"
            case .postfixIPv6: "Postfix (IPv6)"
            case .aiosmtpd: "aiosmtpd"
            case .dnsServer: "dnsmasq"
            case .dovecotLMTP: "Dovecot LMTP"
            case .dovecotIMAP: "Dovecot IMAP"
            }
        }
    }
}
