import Foundation
import NIOSSL

extension TLSFacts {
    /// Reads the facts from what NIOSSL knows after the handshake, and the cipher suite (and the version, when
    /// NIOSSL does not know it) from the server's ServerHello.
    init(
        version: TLSVersion?,
        certificate: NIOSSLCertificate?,
        serverHello: ServerHello? = nil,
        verified: Bool,
        serverName: String?,
        now: Date = Date()
    ) {
        let notAfter = certificate.map { Date(timeIntervalSince1970: TimeInterval($0.notValidAfter)) }
        self.init(
            version: version.map(Self.versionText) ?? serverHello?.versionText,
            cipher: serverHello?.cipherSuiteName,
            subject: certificate.map { Self.distinguishedName($0.subjectName) },
            issuer: certificate.map { Self.distinguishedName($0.issuerName) },
            subjectAlternativeNames: certificate.map(Self.alternativeNames) ?? [],
            notAfter: notAfter,
            daysLeft: notAfter.map { Int(($0.timeIntervalSince(now) / 86_400).rounded(.down)) },
            verified: verified,
            serverName: serverName
        )
    }

    private static func versionText(_ version: TLSVersion) -> String {
        switch version {
        case .tlsv1: "1.0"
        case .tlsv11: "1.1"
        case .tlsv12: "1.2"
        case .tlsv13: "1.3"
        }
    }

    /// `O=smtpspec tests, CN=mail.smtpspec.test`, in the certificate's order.
    private static func distinguishedName(_ names: [SSLCertificateName]) -> String {
        names.map { name in
            let key: String
            switch name.type {
            case .commonName: key = "CN"
            case .organization: key = "O"
            case .organizationalUnit: key = "OU"
            case .country: key = "C"
            case .state: key = "ST"
            case .city: key = "L"
            case .emailAddress: key = "emailAddress"
            case .userId: key = "UID"
            default: key = "?"
            }
            return "\(key)=\(name.value)"
        }.joined(separator: ", ")
    }

    /// An IPv4 address as dotted quad, an IPv6 address as eight groups of hex.
    private static func addressText(_ bytes: [UInt8]) -> String? {
        switch bytes.count {
        case 4:
            return bytes.map(String.init).joined(separator: ".")
        case 16:
            return stride(from: 0, to: 16, by: 2).map { String(Int(bytes[$0]) << 8 | Int(bytes[$0 + 1]), radix: 16) }
                .joined(separator: ":")
        default:
            return nil
        }
    }

    private static func alternativeNames(_ certificate: NIOSSLCertificate) -> [String] {
        certificate._subjectAlternativeNames().compactMap { name in
            switch name.nameType {
            case .dnsName, .email, .uri:
                return String(decoding: name.contents, as: UTF8.self)
            case .ipAddress:
                return addressText(Array(name.contents))
            default:
                return nil
            }
        }
    }
}
