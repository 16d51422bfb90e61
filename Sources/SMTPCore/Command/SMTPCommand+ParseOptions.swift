extension SMTPCommand {
    /// How liberal command parsing is. The defaults accept what real servers such as Postfix accept.
    public struct ParseOptions: Sendable, Hashable {
        /// Accept spaces between `FROM:`/`TO:` and the path (`MAIL FROM: <a@b>`), as Postfix does.
        public var allowSpaceAfterColon: Bool
        /// Accept a path without angle brackets (`MAIL FROM:a@b`), as Postfix does.
        public var allowMissingAngleBrackets: Bool
        /// Accept non-ASCII addresses (SMTPUTF8, RFC 6531).
        public var allowUTF8: Bool

        /// Creates options.
        public init(allowSpaceAfterColon: Bool = true, allowMissingAngleBrackets: Bool = true, allowUTF8: Bool = true) {
            self.allowSpaceAfterColon = allowSpaceAfterColon
            self.allowMissingAngleBrackets = allowMissingAngleBrackets
            self.allowUTF8 = allowUTF8
        }

        /// Accepts what real servers accept.
        public static let liberal = ParseOptions()
        /// RFC 5321's grammar exactly: no space after the colon, angle brackets required, ASCII only.
        public static let strict = ParseOptions(
            allowSpaceAfterColon: false,
            allowMissingAngleBrackets: false,
            allowUTF8: false
        )
    }
}
