// swift-tools-version:6.1
// The transport floor: the walkthrough session over NIOAsyncChannel with no smtpspec logic at all (no plan, no
// checks beyond the reply code, no transcript, no report), as a client and as a sink server. benchmarks/run.sh
// builds it (release) and plays it beside smtpspec, so the table shows how much of smtpspec's time is the transport
// the engineering standards fix and how much is its own.
import PackageDescription

let package = Package(
    name: "nio-floor",
    platforms: [.macOS(.v15)],
    dependencies: [.package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0")],
    targets: [
        .executableTarget(
            name: "nio-floor",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        )
    ]
)
