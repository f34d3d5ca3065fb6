/// A 64-bit hash that is the same in every process and on every run, for what one build
/// hands the next (Swift's `Hasher` is seeded anew per process, so it cannot serve). Written
/// here because no package on this machine offers a fast non-cryptographic hash: eight bytes
/// a step, multiply and rotate, and a SplitMix64 finish. Change detection only, not security:
/// the cache it keys is verified again before any output is reused.
public struct StableHasher: Sendable {
    private var state: UInt64
    private static let k0: UInt64 = 0x9E37_79B9_7F4A_7C15
    private static let k1: UInt64 = 0xBF58_476D_1CE4_E5B9

    public init(seed: UInt64 = 0) { state = seed ^ 0x243F_6A88_85A3_08D3 }

    @inline(__always) private mutating func mix(_ word: UInt64) {
        state = ((state ^ word) &* Self.k0)
        state = (state << 29) | (state >> 35)
    }

    public mutating func combine(_ value: UInt64) { mix(value); mix(0x5A) }
    public mutating func combine(_ value: Int) { combine(UInt64(bitPattern: Int64(value))) }
    public mutating func combine(_ value: Bool) { combine(value ? 1 as UInt64 : 2) }

    public mutating func combine(bytes: UnsafeRawBufferPointer) {
        var i = 0
        let n = bytes.count
        while i + 8 <= n {
            mix(bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n { tail |= UInt64(bytes[i]) << shift; shift += 8; i += 1 }
        mix(tail ^ (UInt64(n) << 56))
        mix(UInt64(n))   // lengths end every piece, so "ab"+"c" differs from "a"+"bc"
    }

    public mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    public mutating func combine(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { combine(bytes: $0) }
    }

    public var value: UInt64 {
        var z = state &+ Self.k0
        z = (z ^ (z >> 30)) &* Self.k1
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    public static func hash(_ text: String) -> UInt64 { var h = StableHasher(); h.combine(text); return h.value }
    public static func hash(_ bytes: [UInt8]) -> UInt64 { var h = StableHasher(); h.combine(bytes); return h.value }
    public static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 { var h = StableHasher(); h.combine(bytes: bytes); return h.value }
}
