import Foundation

/// The DSN fixtures under Tests/Fixtures/dsn.
enum Fixture {
    /// The repository root (three levels above this file).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The octets of `Tests/Fixtures/dsn/NAME`.
    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: root.appendingPathComponent("Tests/Fixtures/dsn/\(name)")))
    }

    /// The octets with every LF made CRLF (the fixture must have bare LF line ends).
    static func crlf(_ bytes: [UInt8]) -> [UInt8] {
        bytes.flatMap { $0 == UInt8(ascii: "\n") ? [UInt8(ascii: "\r"), $0] : [$0] }
    }
}
