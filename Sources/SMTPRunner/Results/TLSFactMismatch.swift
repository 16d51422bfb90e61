import SMTPScenario

/// One TLS fact that did not hold: which fact, what the step asked for, and what was observed.
public struct TLSFactMismatch: Sendable, Hashable, CustomStringConvertible {
    /// The facts a step can check.
    public enum Fact: String, Sendable, Hashable, CaseIterable {
        /// The certificate's remaining validity in days (`valid-days`).
        case validDays = "valid-days"
        /// The negotiated protocol version (`version`).
        case version
        /// The certificate subject (`subject`).
        case subject
        /// The certificate issuer (`issuer`).
        case issuer
        /// A subject alternative name (`san`).
        case san
        /// The negotiated cipher suite (`cipher`).
        case cipher
        /// The name checked against the certificate (`server-name`, or the host connected to).
        case name
        /// TLS checks on an `open` without TLS.
        case noTLS = "no-tls"
    }

    /// The fact checked.
    public var fact: Fact
    /// What the step asked for, as written (`>= 14`, `/^CN=mail/`, `1.3`).
    public var expected: String
    /// What the session showed; `nil` when the fact was not available.
    public var observed: String?

    /// Creates a mismatch.
    public init(fact: Fact, expected: String, observed: String?) {
        self.fact = fact
        self.expected = expected
        self.observed = observed
    }

    /// `certificate valid for 3 more day(s), expected >= 14`.
    public var description: String {
        let seen = observed ?? "not available"
        switch fact {
        case .validDays: return "certificate valid for \(seen) more day(s), expected \(expected)"
        case .version: return "TLS \(seen) negotiated, expected at least TLS \(expected)"
        case .subject: return "certificate subject \(seen) does not match \(expected)"
        case .issuer: return "certificate issuer \(seen) does not match \(expected)"
        case .san: return "\(expected) is not among the certificate's alternative names (\(seen))"
        case .cipher: return "cipher suite \(seen) does not match \(expected)"
        case .name: return "the certificate does not name \(expected) (it names \(seen))"
        case .noTLS: return "TLS checks need TLS on this connection (`tls: implicit` on open, or a starttls step)"
        }
    }
}
