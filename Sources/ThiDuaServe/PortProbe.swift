import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Whether a TCP port can be listened on, asked of the system before the server starts, so
/// that a port in use is told in words with a port that is free to try instead of as a
/// socket error from deep in the server.
public enum PortProbe {
    /// True when `host:port` can be bound now (with SO_REUSEADDR, as the server binds).
    public static func isFree(host: String, port: Int) -> Bool {
        bound(host: host, port: port) != nil
    }

    /// The first free port after `port`, among the next few.
    public static func freePort(after port: Int, host: String) -> Int? {
        (port + 1...min(port + 50, 65535)).first { isFree(host: host, port: $0) }
    }

    /// A port the system has free now (bound to 0, read back).
    public static func anyFreePort(host: String = "127.0.0.1") -> Int? {
        bound(host: host, port: 0)
    }

    /// Binds a socket to `host:port` and closes it; the port bound, or nil when it cannot be.
    private static func bound(host: String, port: Int) -> Int? {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else { return nil }
        defer { freeaddrinfo(list) }
        let fd = socket(first.pointee.ai_family, first.pointee.ai_socktype, first.pointee.ai_protocol)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        guard bind(fd, first.pointee.ai_addr, first.pointee.ai_addrlen) == 0, listen(fd, 1) == 0 else { return nil }
        var address = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else { return nil }
        let family = Int32(address.ss_family)
        return withUnsafePointer(to: &address) { pointer -> Int in
            if family == AF_INET6 {
                return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin6_port)) }
            }
            return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin_port)) }
        }
    }
}
