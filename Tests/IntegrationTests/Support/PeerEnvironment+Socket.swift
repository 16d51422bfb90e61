#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension PeerEnvironment {
    /// Why a blocking loopback socket operation failed.
    struct SocketFailure: Error, CustomStringConvertible {
        /// What was being done and the system's reason.
        let description: String
    }

    /// Connects to a loopback peer and closes the connection again.
    static func checkConnects(host: String, port: Int, timeoutSeconds: Int = 5) throws {
        let descriptor = try openConnection(host: host, port: port, timeoutSeconds: timeoutSeconds)
        close(descriptor)
    }

    /// Connects to a loopback SMTP peer and returns the first line it sends (its greeting), without CRLF.
    static func readGreeting(host: String, port: Int, timeoutSeconds: Int = 5) throws -> String {
        let descriptor = try openConnection(host: host, port: port, timeoutSeconds: timeoutSeconds)
        defer { close(descriptor) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 512)
        while !received.contains(UInt8(ascii: "\n")), received.count < 4096 {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            guard count > 0 else {
                throw SocketFailure(description: "no greeting from \(host):\(port) (\(systemError(count)))")
            }
            received.append(contentsOf: buffer[0..<count])
        }
        let quit = Array("QUIT\r\n".utf8)
        _ = quit.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        let line = received.prefix { $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\n") }
        return String(decoding: line, as: UTF8.self)
    }

    /// Opens a TCP connection with send and receive timeouts. Only loopback literals are allowed: tests never
    /// reach outside 127.0.0.0/8 and ::1.
    private static func openConnection(host: String, port: Int, timeoutSeconds: Int) throws -> Int32 {
        var address4 = in_addr()
        var address6 = in6_addr()
        let isIPv4 = inet_pton(AF_INET, host, &address4) == 1
        let isIPv6 = !isIPv4 && inet_pton(AF_INET6, host, &address6) == 1
        guard isIPv4 || isIPv6 else {
            throw SocketFailure(description: "\(host) is not an IP address literal")
        }
        let loopback6: [UInt8] = Array(repeating: 0, count: 15) + [1]
        let isLoopback =
            isIPv4
            ? (UInt32(bigEndian: address4.s_addr) >> 24) == 127
            : withUnsafeBytes(of: address6) { Array($0) } == loopback6
        guard isLoopback, (1...65535).contains(port) else {
            throw SocketFailure(description: "\(host):\(port) is not a loopback address")
        }
        #if canImport(Glibc)
        let streamType = Int32(SOCK_STREAM.rawValue)
        #else
        let streamType = SOCK_STREAM
        #endif
        let descriptor = socket(isIPv4 ? AF_INET : AF_INET6, streamType, 0)
        guard descriptor >= 0 else {
            throw SocketFailure(description: "socket(): \(systemError(-1))")
        }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        let timeoutSize = socklen_t(MemoryLayout<timeval>.size)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, timeoutSize)
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, timeoutSize)
        let result: Int32
        if isIPv4 {
            var socketAddress = sockaddr_in()
            socketAddress.sin_family = sa_family_t(AF_INET)
            socketAddress.sin_port = in_port_t(UInt16(port)).bigEndian
            socketAddress.sin_addr = address4
            result = withUnsafePointer(to: &socketAddress) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        } else {
            var socketAddress = sockaddr_in6()
            socketAddress.sin6_family = sa_family_t(AF_INET6)
            socketAddress.sin6_port = in_port_t(UInt16(port)).bigEndian
            socketAddress.sin6_addr = address6
            result = withUnsafePointer(to: &socketAddress) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in6>.size))
                }
            }
        }
        guard result == 0 else {
            let reason = systemError(result)
            close(descriptor)
            throw SocketFailure(description: "connect to \(host):\(port): \(reason)")
        }
        return descriptor
    }

    /// The text of `errno` after a failed call, or "closed" after a read of 0 bytes.
    private static func systemError(_ result: Int) -> String {
        result == 0 ? "connection closed" : String(cString: strerror(errno))
    }

    private static func systemError(_ result: Int32) -> String {
        systemError(Int(result))
    }
}
