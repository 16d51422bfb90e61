import Crypto
import Foundation
import NIOSSL
import SwiftASN1
import X509

/// The certificate chain and private key the mock server presents in TLS.
public struct TLSIdentity: Sendable {
    /// The certificate chain, leaf first.
    public let certificateChain: [NIOSSLCertificate]
    /// The private key of the leaf certificate.
    public let privateKey: NIOSSLPrivateKey
    /// The leaf certificate in PEM form (handy for a client that wants to trust it).
    public let certificatePEM: String
    /// What a client should trust to verify this identity: the throwaway CA that signed a generated
    /// certificate (`run --mock` trusts it, so `starttls` verifies as written); empty for loaded files.
    public var trustRoots: [NIOSSLCertificate] = []

    /// Loads a PEM certificate chain and private key.
    ///
    /// - Throws: `TLSIdentityError` naming the file that cannot be read or parsed.
    public static func load(certificatePath: String, keyPath: String) throws -> TLSIdentity {
        let chain: [NIOSSLCertificate]
        let key: NIOSSLPrivateKey
        do {
            chain = try NIOSSLCertificate.fromPEMFile(certificatePath)
        } catch {
            throw TLSIdentityError(message: "cannot read the certificate '\(certificatePath)': \(error)")
        }
        do {
            key = try NIOSSLPrivateKey(file: keyPath, format: .pem)
        } catch {
            throw TLSIdentityError(message: "cannot read the private key '\(keyPath)': \(error)")
        }
        guard !chain.isEmpty else {
            throw TLSIdentityError(message: "the certificate file '\(certificatePath)' holds no certificate")
        }
        let pem = (try? String(contentsOfFile: certificatePath, encoding: .utf8)) ?? ""
        return TLSIdentity(certificateChain: chain, privateKey: key, certificatePEM: pem)
    }

    /// Makes a certificate for `localhost` and `127.0.0.1` (P-256, valid for a year from a minute ago),
    /// signed by a throwaway CA made at the same time and returned in ``trustRoots``. A client that
    /// trusts that CA verifies the mock like any real server; nothing else trusts it.
    ///
    /// - Parameter hostname: an extra DNS name for the certificate (the persona's host name).
    public static func selfSigned(hostname: String? = nil) throws -> TLSIdentity {
        let now = Date()
        let authorityKey = P256.Signing.PrivateKey()
        let authorityName = try DistinguishedName {
            CommonName("smtpspec mock CA")
            OrganizationName("smtpspec mock server")
        }
        let authority = try Certificate(
            version: .v3,
            serialNumber: Certificate.SerialNumber(),
            publicKey: Certificate.PublicKey(authorityKey.publicKey),
            notValidBefore: now.addingTimeInterval(-60),
            notValidAfter: now.addingTimeInterval(365 * 24 * 3600),
            issuer: authorityName,
            subject: authorityName,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(keyCertSign: true))
            },
            issuerPrivateKey: Certificate.PrivateKey(authorityKey)
        )
        let key = P256.Signing.PrivateKey()
        let name = try DistinguishedName {
            CommonName(hostname ?? "localhost")
            OrganizationName("smtpspec mock server")
        }
        var names: [GeneralName] = [.dnsName("localhost"), .ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1]))]
        if let hostname, hostname != "localhost" { names.append(.dnsName(hostname)) }
        let extensions = try Certificate.Extensions {
            Critical(BasicConstraints.notCertificateAuthority)
            Critical(KeyUsage(digitalSignature: true))
            try ExtendedKeyUsage([.serverAuth])
            SubjectAlternativeNames(names)
        }
        let certificate = try Certificate(
            version: .v3,
            serialNumber: Certificate.SerialNumber(),
            publicKey: Certificate.PublicKey(key.publicKey),
            notValidBefore: now.addingTimeInterval(-60),
            notValidAfter: now.addingTimeInterval(365 * 24 * 3600),
            issuer: authorityName,
            subject: name,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: extensions,
            issuerPrivateKey: Certificate.PrivateKey(authorityKey)
        )
        let certificatePEM = try certificate.serializeAsPEM().pemString
        let authorityPEM = try authority.serializeAsPEM().pemString
        var identity = TLSIdentity(
            certificateChain: [try NIOSSLCertificate(bytes: Array(certificatePEM.utf8), format: .pem)],
            privateKey: try NIOSSLPrivateKey(bytes: Array(key.pemRepresentation.utf8), format: .pem),
            certificatePEM: certificatePEM
        )
        identity.trustRoots = [try NIOSSLCertificate(bytes: Array(authorityPEM.utf8), format: .pem)]
        return identity
    }

    /// A server TLS context for this identity.
    func makeContext() throws -> NIOSSLContext {
        let configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: certificateChain.map { .certificate($0) },
            privateKey: .privateKey(privateKey)
        )
        return try NIOSSLContext(configuration: configuration)
    }
}

/// A certificate or key that cannot be used.
public struct TLSIdentityError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public var message: String
    /// The message.
    public var description: String { message }
}
