import NIOCore
import NIOPosix
import NIOSSL

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a connection could not be made, sorted the way both clients report it: refused, unreachable, a name that
/// does not resolve, no answer in time, or the TLS handshake of implicit TLS (kept as the error itself, for the
/// caller's own TLS wording).
public enum ConnectFailure: Error, Sendable {
    /// Nothing listens on that port.
    case refused(String)
    /// No route to the host.
    case unreachable(String)
    /// The host name does not resolve.
    case dnsFailure(String)
    /// No answer within the time allowed.
    case timeout(String)
    /// Implicit TLS failed while connecting.
    case tls(any Error)
    /// Anything else.
    case other(String)

    /// Sorts a connection error.
    public init(_ error: any Error) {
        if let connectionError = error as? NIOConnectionError {
            if let first = connectionError.connectionErrors.first {
                self.init(first.error)
                return
            }
            let dnsError = connectionError.dnsAError ?? connectionError.dnsAAAAError
            self = .dnsFailure("cannot resolve \(connectionError.host)" + (dnsError.map { ": \($0)" } ?? ""))
            return
        }
        if case ChannelError.connectTimeout(let amount) = error {
            self = .timeout("no answer to the connection attempt within \(amount)")
            return
        }
        if let ioError = error as? IOError {
            switch ioError.errnoCode {
            case ECONNREFUSED: self = .refused("connection refused (nothing listens on that port)")
            case ENETUNREACH, EHOSTUNREACH:
                self = .unreachable("no route to host (\(String(cString: strerror(ioError.errnoCode))))")
            case ETIMEDOUT: self = .timeout("connection timed out")
            default: self = .other(String(describing: ioError))
            }
            return
        }
        if error is SocketAddressError {
            self = .dnsFailure("cannot resolve the host: \(error)")
            return
        }
        if error is NIOSSLError || error is NIOSSLExtraError {
            self = .tls(error)
            return
        }
        self = .other(String(describing: error))
    }

    /// The failure in words (for TLS, the error's own description).
    public var text: String {
        switch self {
        case .refused(let text), .unreachable(let text), .dnsFailure(let text), .timeout(let text), .other(let text):
            return text
        case .tls(let error): return String(describing: error)
        }
    }
}
