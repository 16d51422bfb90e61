/// A `Content-Type` field body (RFC 2045 §5.1): a media type, `type/subtype`, and its parameters.
public struct ContentType: Sendable, Hashable, CustomStringConvertible {
    /// One `attribute=value` parameter: the attribute in lower case (attributes are case-insensitive), the value
    /// with any quoted-string's quotes and quoted-pairs resolved.
    public struct Parameter: Sendable, Hashable {
        /// The attribute, lower case.
        public let name: String
        /// The value.
        public let value: String

        /// Creates a parameter; `name` is lower-cased.
        public init(name: String, value: String) {
            self.name = name.lowercased()
            self.value = value
        }
    }

    /// The top-level type, lower case (`multipart`).
    public let type: String
    /// The subtype, lower case (`report`).
    public let subtype: String
    /// The parameters in order.
    public let parameters: [Parameter]

    /// Creates a content type; `type` and `subtype` are lower-cased.
    public init(type: String, subtype: String, parameters: [Parameter] = []) {
        self.type = type.lowercased()
        self.subtype = subtype.lowercased()
        self.parameters = parameters
    }

    /// Reads a field body: `type "/" subtype *(";" attribute "=" (token / quoted-string))`, with comments and
    /// white space between the parts. A `;` after the last parameter is accepted.
    public init(parsing text: String) throws(MIMEError) {
        var scanner = StructuredScanner(text)
        guard scanner.skipCFWS() else { throw .invalidContentType(reason: "has an unclosed comment") }
        let type = scanner.run(while: Self.isTokenOctet)
        guard !type.isEmpty else { throw .invalidContentType(reason: "has no type") }
        guard scanner.skipCFWS(), scanner.take(UInt8(ascii: "/")), scanner.skipCFWS() else {
            throw .invalidContentType(reason: "has no '/' after the type")
        }
        let subtype = scanner.run(while: Self.isTokenOctet)
        guard !subtype.isEmpty else { throw .invalidContentType(reason: "has no subtype") }
        var parameters: [Parameter] = []
        var names: Set<String> = []
        while true {
            guard scanner.skipCFWS() else { throw .invalidContentType(reason: "has an unclosed comment") }
            if scanner.isAtEnd { break }
            guard scanner.take(UInt8(ascii: ";")) else {
                throw .invalidContentType(reason: "has something other than ';' after the media type or a parameter")
            }
            guard scanner.skipCFWS() else { throw .invalidContentType(reason: "has an unclosed comment") }
            if scanner.isAtEnd { break }
            let parameter = try Self.parameter(&scanner)
            // A set, not a search of the array: a folded field may hold thousands of parameters.
            guard names.insert(parameter.name).inserted else { throw .duplicateParameter(name: parameter.name) }
            parameters.append(parameter)
        }
        self.init(type: ASCII.text(type), subtype: ASCII.text(subtype), parameters: parameters)
    }

    private static func parameter(_ scanner: inout StructuredScanner) throws(MIMEError) -> Parameter {
        let name = scanner.run(while: isTokenOctet)
        guard !name.isEmpty else { throw .invalidContentType(reason: "has a parameter without an attribute") }
        guard scanner.skipCFWS(), scanner.take(UInt8(ascii: "=")), scanner.skipCFWS() else {
            throw .invalidContentType(reason: "has a parameter without '='")
        }
        let value: [UInt8]
        if scanner.peek == UInt8(ascii: "\"") {
            guard let quoted = scanner.quotedString() else {
                throw .invalidContentType(reason: "has an unclosed quoted-string")
            }
            value = quoted
        } else {
            value = Array(scanner.run(while: isTokenOctet))
            guard !value.isEmpty else { throw .invalidContentType(reason: "has a parameter without a value") }
        }
        return Parameter(name: ASCII.text(name).lowercased(), value: ASCII.text(value))
    }

    /// token (RFC 2045 §5.1): US-ASCII except SPACE, CTLs and tspecials `()<>@,;:\"/[]?=`.
    static func isTokenOctet(_ byte: UInt8) -> Bool {
        byte > 32 && byte < 127 && !"()<>@,;:\\\"/[]?=".utf8.contains(byte)
    }

    /// The value of the parameter `name` (case-insensitive), or `nil`.
    public func parameter(_ name: String) -> String? {
        let lowered = name.lowercased()
        return parameters.first { $0.name == lowered }?.value
    }

    /// `type/subtype`, lower case.
    public var mediaType: String { "\(type)/\(subtype)" }

    /// Whether the type is `multipart`.
    public var isMultipart: Bool { type == "multipart" }

    /// The `boundary` parameter (multipart types, RFC 2046 §5.1.1).
    public var boundary: String? { parameter("boundary") }

    /// The `report-type` parameter (multipart/report, RFC 6522 §3), lower case.
    public var reportType: String? { parameter("report-type")?.lowercased() }

    /// `type/subtype; name="value"...`.
    public var description: String {
        parameters.reduce(mediaType) { text, parameter in
            var escaped = ""
            for character in parameter.value {
                if character == "\\" || character == "\"" { escaped.append("\\") }
                escaped.append(character)
            }
            return text + "; \(parameter.name)=\"\(escaped)\""
        }
    }

    /// `text/plain; charset=us-ascii`, the type of an entity without `Content-Type` (RFC 2045 §5.2).
    public static let textPlain = ContentType(
        type: "text",
        subtype: "plain",
        parameters: [Parameter(name: "charset", value: "us-ascii")]
    )

    /// `message/rfc822`, the type of a body part without `Content-Type` in multipart/digest (RFC 2046 §5.1.5).
    public static let messageRFC822 = ContentType(type: "message", subtype: "rfc822")
}
