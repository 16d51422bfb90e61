// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "smtpspec",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "smtpspec", targets: ["smtpspec"]),
        .library(name: "SMTPCore", targets: ["SMTPCore"]),
        .library(name: "SMTPScenario", targets: ["SMTPScenario"]),
        .library(name: "SMTPRunner", targets: ["SMTPRunner"]),
        .library(name: "SMTPDiagnosis", targets: ["SMTPDiagnosis"]),
        .library(name: "SMTPReport", targets: ["SMTPReport"]),
        .library(name: "SMTPMock", targets: ["SMTPMock"]),
        .library(name: "SMTPMessage", targets: ["SMTPMessage"]),
        .library(name: "IMAPClient", targets: ["IMAPClient"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.29.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.0.0"),
    ],
    targets: [
        // Pure protocol: replies, codes, framing, encoding, address syntax. No I/O.
        .target(
            name: "SMTPCore",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]
        ),
        // YAML node reader with source locations, and the one diagnostic shape.
        // SMTPCore for the one way to show control characters in a message.
        .target(
            name: "SMTPYAML",
            dependencies: ["SMTPCore", .product(name: "Yams", package: "Yams")]
        ),
        // The scenario language: AST, variables, environments, matrix, SessionPlan.
        .target(
            name: "SMTPScenario",
            dependencies: ["SMTPCore", "SMTPYAML", "SMTPMessage"]
        ),
        // Runs a connection's task on its NIO event loop (the runner's sessions, the mock's connections).
        .target(
            name: "EventLoopExecution",
            dependencies: [.product(name: "NIOCore", package: "swift-nio")]
        ),
        // What the SMTP runner and the IMAP client share on the wire: connecting, the inbound event stream with its
        // TLS boundary and read deadlines, TLS error wording.
        .target(
            name: "ClientChannel",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        // glibc's libresolv for MX lookups against a chosen DNS server.
        .systemLibrary(name: "CResolv", path: "Sources/CResolv"),
        .target(
            name: "SMTPRunner",
            dependencies: [
                "SMTPCore", "SMTPScenario", "SMTPMessage", "IMAPClient", "ClientChannel", "CResolv",
                "EventLoopExecution",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "SMTPDiagnosis",
            dependencies: ["SMTPCore", "SMTPYAML", "SMTPScenario", "SMTPRunner"],
            resources: [.copy("Resources/reasons.yaml")]
        ),
        .target(
            name: "SMTPReport",
            dependencies: ["SMTPCore", "SMTPYAML", "SMTPScenario", "SMTPRunner", "SMTPDiagnosis"]
        ),
        .target(
            name: "SMTPMock",
            dependencies: [
                "SMTPCore", "SMTPYAML", "EventLoopExecution",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Personas")]
        ),
        // Pure message reading: RFC 5322 header sections, the MIME needed for multipart/report, RFC 3464 DSNs.
        .target(name: "SMTPMessage", dependencies: ["SMTPCore"]),
        // The smallest IMAP client for checking a mailbox: STARTTLS or implicit TLS, login, EXAMINE, UID SEARCH,
        // UID FETCH. Its response parser is pure; the I/O is structured concurrency over NIOAsyncChannel.
        .target(
            name: "IMAPClient",
            dependencies: [
                "ClientChannel",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "SMTPFuzz",
            dependencies: [
                "SMTPCore", "SMTPYAML", "SMTPScenario", "SMTPMock", "SMTPMessage", "IMAPClient", "SMTPReport",
            ]
        ),
        .executableTarget(
            name: "smtpspec",
            dependencies: [
                "SMTPCore", "SMTPYAML", "SMTPScenario", "SMTPRunner", "SMTPDiagnosis", "SMTPReport", "SMTPMock",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "SMTPCoreTests", dependencies: ["SMTPCore"]),
        .testTarget(name: "SMTPYAMLTests", dependencies: ["SMTPYAML"]),
        .testTarget(
            name: "SMTPScenarioTests",
            dependencies: ["SMTPScenario", "SMTPYAML", "SMTPCore"],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "SMTPRunnerTests",
            dependencies: [
                "SMTPRunner", "SMTPScenario", "SMTPCore", "EventLoopExecution",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .testTarget(
            name: "SMTPDiagnosisTests",
            dependencies: ["SMTPDiagnosis", "SMTPCore", "SMTPRunner", "SMTPScenario"]
        ),
        .testTarget(
            name: "SMTPReportTests",
            dependencies: ["SMTPReport", "SMTPRunner", "SMTPDiagnosis", "SMTPCore", "SMTPScenario"],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "SMTPMockTests", dependencies: ["SMTPMock", "SMTPCore"]),
        .testTarget(name: "SMTPMessageTests", dependencies: ["SMTPMessage", "SMTPCore"]),
        .testTarget(
            name: "IMAPClientTests",
            dependencies: [
                "IMAPClient",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "IntegrationTests",
            dependencies: [
                "SMTPRunner", "SMTPScenario", "SMTPMock", "SMTPCore", "SMTPDiagnosis", "SMTPReport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            exclude: ["Golden"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
