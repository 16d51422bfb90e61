import Crypto

/// Client responses for the SASL mechanisms smtpspec speaks over AUTH (RFC 4954). Every result is base64, ready
/// to send; none of them should ever be logged, since each carries a secret.
public enum SASL {
    /// PLAIN (RFC 4616): `authzid NUL authcid NUL passwd`, base64. Send as `AUTH PLAIN <this>`.
    public static func plain(authorizationIdentity: String = "", username: String, password: String) -> String {
        Base64.encode(Array(authorizationIdentity.utf8) + [0] + Array(username.utf8) + [0] + Array(password.utf8))
    }

    /// LOGIN: the user name, base64, answering the `334 VXNlcm5hbWU6` prompt.
    public static func loginUsername(_ username: String) -> String {
        Base64.encode(username)
    }

    /// LOGIN: the password, base64, answering the `334 UGFzc3dvcmQ6` prompt.
    public static func loginPassword(_ password: String) -> String {
        Base64.encode(password)
    }

    /// XOAUTH2: `user=<name>^Aauth=Bearer <token>^A^A`, base64.
    public static func xoauth2(username: String, token: String) -> String {
        Base64.encode("user=\(username)\u{01}auth=Bearer \(token)\u{01}\u{01}")
    }

    /// CRAM-MD5 (RFC 2195): `user SP hex(HMAC-MD5(password, challenge))`, base64; `nil` when the server's
    /// challenge is not base64.
    public static func cramMD5Response(challengeBase64: String, username: String, password: String) -> String? {
        guard let challenge = Base64.decode(challengeBase64) else { return nil }
        let key = SymmetricKey(data: Array(password.utf8))
        let mac = HMAC<Insecure.MD5>.authenticationCode(for: challenge, using: key)
        return Base64.encode("\(username) \(Hex.lowercase(mac))")
    }

    /// Splits a decoded PLAIN response into its three parts (for a server), or `nil` when it is malformed.
    public static func decodePlain(
        _ base64: String
    ) -> (
        authorizationIdentity: String, username: String,
        password: String
    )? {
        guard let bytes = Base64.decode(base64) else { return nil }
        let parts = bytes.split(separator: 0, omittingEmptySubsequences: false)
        guard parts.count == 3,
            let authz = String(validating: parts[0], as: UTF8.self),
            let user = String(validating: parts[1], as: UTF8.self),
            let password = String(validating: parts[2], as: UTF8.self)
        else { return nil }
        return (authz, user, password)
    }

    /// The CRAM-MD5 digest a server expects for `challenge` (decoded) and `password`, as lower-case hex.
    public static func cramMD5Digest(challenge: [UInt8], password: String) -> String {
        let key = SymmetricKey(data: Array(password.utf8))
        return Hex.lowercase(HMAC<Insecure.MD5>.authenticationCode(for: challenge, using: key))
    }
}
