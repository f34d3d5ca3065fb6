/// Length-prefixed little-endian records, for what one build hands the next (the build cache).
/// Hand-written because JSON through Codable took longer than the rebuild it serves (tens of
/// thousands of records), and no binary format library is on this machine. A reader never
/// traps: a damaged length or a short file reads as nil, and the cache is then ignored.
public struct ByteWriter: Sendable {
    public private(set) var bytes: [UInt8] = []
    public init() {}
    public mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    public mutating func int(_ v: Int) { u64(UInt64(bitPattern: Int64(v))) }
    public mutating func bool(_ v: Bool) { u64(v ? 1 : 0) }
    public mutating func raw(_ b: [UInt8]) { bytes.append(contentsOf: b) }
    public mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { u64(UInt64($0.count)); bytes.append(contentsOf: $0) }
    }
    public mutating func strings(_ list: [String]) { u64(UInt64(list.count)); for s in list { string(s) } }
}

public struct ByteReader: Sendable {
    public let bytes: [UInt8]
    public private(set) var offset: Int
    /// Reads stop here: a reader can be given one section of a larger file.
    public let end: Int
    public init(_ bytes: [UInt8], offset: Int = 0, end: Int? = nil) {
        self.bytes = bytes; self.offset = offset; self.end = min(end ?? bytes.count, bytes.count)
    }
    public var atEnd: Bool { offset == end }

    public mutating func u64() -> UInt64? {
        guard offset + 8 <= end else { return nil }
        let v = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self) }
        offset += 8
        return UInt64(littleEndian: v)
    }
    public mutating func int() -> Int? { u64().map { Int(Int64(bitPattern: $0)) } }
    public mutating func bool() -> Bool? { u64().flatMap { $0 <= 1 ? $0 == 1 : nil } }
    /// A record count, refused when it could not fit in what is left (a damaged length).
    public mutating func count() -> Int? {
        guard let n = u64(), n <= UInt64(end - offset) else { return nil }
        return Int(n)
    }
    /// Moves past `n` bytes without copying them.
    public mutating func skip(_ n: Int) -> Bool {
        guard n >= 0, offset + n <= end else { return false }
        offset += n
        return true
    }
    public mutating func string() -> String? {
        guard let n = count() else { return nil }
        defer { offset += n }
        return String(decoding: bytes[offset..<(offset + n)], as: UTF8.self)
    }
    public mutating func strings() -> [String]? {
        guard let n = count() else { return nil }
        var out: [String] = []
        out.reserveCapacity(n)
        for _ in 0..<n { guard let s = string() else { return nil }; out.append(s) }
        return out
    }
}
