import Foundation
import ThiDuaModel
import ThiDuaRender
#if canImport(Glibc)
import Glibc
#endif

/// What one build hands the next, so that a rebuild redoes only what changed: for every page,
/// the digest of what it was rendered from (its template and everything the template saw) and
/// the identity of the file it became; the HTML of every card and Markdown body, by the digest
/// of what made it. Kept beside the output folder (`.output.thidua-cache`), never inside it,
/// so it is not deployed with the site.
///
/// Read as untrusted: a cache from another build of thidua, a damaged one, or one whose page
/// files were changed since, means "make that again", never a wrong page. The whole file is
/// checksummed; a page is reused only when the published file still has the inode, size and
/// modification time recorded when it was written.
struct BuildCache: Sendable {
    struct PageRecord: Sendable, Equatable {
        var digest: UInt64
        var file: FileIdentity
    }

    /// A Markdown body as the renderer left it, with every `ref:` target it asked about and the
    /// answer it got: reused only when every target still resolves the same way.
    struct Body: Sendable {
        var html: String
        var resolutions: [(target: String, url: String?)]
        var unresolved: [MarkdownLink]
        var blocked: [MarkdownLink]
    }

    var pages: [String: PageRecord] = [:]
    var cards: [UInt64: String] = [:]
    var bodies: [UInt64: Body] = [:]

    /// Bumped when the layout of this file changes.
    static let formatVersion: UInt64 = 1
    static let magic = Array("THIDUA-BUILD-CACHE\n".utf8)

    /// Which thidua made a cache: the format and the executable itself (its size and time), so a
    /// cache written by another build of the program is never read, since its pages might differ.
    static let toolKey: UInt64 = {
        var h = StableHasher()
        h.combine(formatVersion)
        var info = stat()
        if stat("/proc/self/exe", &info) == 0 {
            h.combine(Int(info.st_size)); h.combine(Int(info.st_mtim.tv_sec)); h.combine(Int(info.st_mtim.tv_nsec))
        } else {
            h.combine(CommandLine.arguments.first ?? "")
        }
        return h.value
    }()

    /// `.output.thidua-cache` beside `output`.
    static func location(for output: URL) -> String {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).thidua-cache").path
    }

    enum LoadOutcome { case none, loaded(BuildCache), ignored(LocalizedText) }

    /// Reads the cache if there is one; anything it cannot trust is dropped with a note.
    static func load(for output: URL) -> LoadOutcome {
        let path = location(for: output)
        guard let data = FileManager.default.contents(atPath: path) else { return .none }
        let bytes = [UInt8](data)
        guard let cache = decode(bytes) else {
            return .ignored(LocalizedText([
                .vi: "Bộ nhớ đệm của lần tạo trước (\(path)) hỏng hoặc do phiên bản thidua khác ghi; lần này tạo lại toàn bộ.",
                .en: "The previous build's cache (\(path)) is damaged or was written by another version of thidua; this build makes everything anew.",
            ]))
        }
        return .loaded(cache)
    }

    /// Writes the cache beside the output, whole or not at all (a temporary file renamed over it).
    func save(for output: URL) {
        let path = BuildCache.location(for: output), temporary = path + ".tmp-\(getpid())"
        let bytes = encode()
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else { return }
        if rename(temporary, path) != 0 { unlink(temporary) }
    }

    // MARK: The file: magic, tool key, sections of length-prefixed records, checksum.
    // Hand-written because JSON through Codable took longer than the rebuild it serves
    // (tens of thousands of records), and no binary format library is on this machine.

    func encode() -> [UInt8] {
        var w = Writer()
        w.bytes.append(contentsOf: Self.magic)
        w.u64(Self.toolKey)
        w.u64(UInt64(pages.count))
        for (path, record) in pages.sorted(by: { $0.key < $1.key }) {
            w.string(path); w.u64(record.digest)
            w.u64(record.file.inode); w.u64(UInt64(record.file.size)); w.u64(UInt64(bitPattern: record.file.modified))
        }
        w.u64(UInt64(cards.count))
        for (key, html) in cards.sorted(by: { $0.key < $1.key }) { w.u64(key); w.string(html) }
        w.u64(UInt64(bodies.count))
        for (key, body) in bodies.sorted(by: { $0.key < $1.key }) {
            w.u64(key); w.string(body.html)
            w.u64(UInt64(body.resolutions.count))
            for r in body.resolutions { w.string(r.target); w.u64(r.url == nil ? 0 : 1); w.string(r.url ?? "") }
            for links in [body.unresolved, body.blocked] {
                w.u64(UInt64(links.count))
                for l in links { w.string(l.target); w.u64(UInt64(l.line)); w.u64(UInt64(l.column)) }
            }
        }
        w.u64(StableHasher.hash(w.bytes))
        return w.bytes
    }

    static func decode(_ bytes: [UInt8]) -> BuildCache? {
        guard bytes.count > magic.count + 16, Array(bytes[..<magic.count]) == magic else { return nil }
        let payload = Array(bytes[..<(bytes.count - 8)])
        var r = Reader(bytes: bytes, offset: bytes.count - 8)
        guard r.u64() == StableHasher.hash(payload) else { return nil }
        r = Reader(bytes: payload, offset: magic.count)
        guard r.u64() == toolKey else { return nil }
        var cache = BuildCache()
        guard let pageCount = r.count() else { return nil }
        for _ in 0..<pageCount {
            guard let path = r.string(), let digest = r.u64(), let inode = r.u64(), let size = r.u64(), let modified = r.u64()
            else { return nil }
            cache.pages[path] = PageRecord(digest: digest, file: FileIdentity(inode: inode, size: Int(size), modified: Int64(bitPattern: modified)))
        }
        guard let cardCount = r.count() else { return nil }
        for _ in 0..<cardCount {
            guard let key = r.u64(), let html = r.string() else { return nil }
            cache.cards[key] = html
        }
        guard let bodyCount = r.count() else { return nil }
        for _ in 0..<bodyCount {
            guard let key = r.u64(), let html = r.string(), let n = r.count() else { return nil }
            var body = Body(html: html, resolutions: [], unresolved: [], blocked: [])
            for _ in 0..<n {
                guard let target = r.string(), let has = r.u64(), let url = r.string() else { return nil }
                body.resolutions.append((target, has == 1 ? url : nil))
            }
            var lists: [[MarkdownLink]] = []
            for _ in 0..<2 {
                guard let m = r.count() else { return nil }
                var links: [MarkdownLink] = []
                for _ in 0..<m {
                    guard let target = r.string(), let line = r.u64(), let column = r.u64() else { return nil }
                    links.append(MarkdownLink(target: target, line: Int(line), column: Int(column)))
                }
                lists.append(links)
            }
            body.unresolved = lists[0]; body.blocked = lists[1]
            cache.bodies[key] = body
        }
        guard r.offset == payload.count else { return nil }
        return cache
    }

    private struct Writer {
        var bytes: [UInt8] = []
        mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
        mutating func string(_ s: String) {
            var s = s
            s.withUTF8 { u64(UInt64($0.count)); bytes.append(contentsOf: $0) }
        }
    }

    private struct Reader {
        let bytes: [UInt8]
        var offset: Int
        mutating func u64() -> UInt64? {
            guard offset + 8 <= bytes.count else { return nil }
            var v: UInt64 = 0
            for i in 0..<8 { v |= UInt64(bytes[offset + i]) << (8 * UInt64(i)) }
            offset += 8
            return v
        }
        /// A record count, refused when it could not fit in what is left (a damaged length).
        mutating func count() -> Int? {
            guard let n = u64(), n <= UInt64(bytes.count - offset) else { return nil }
            return Int(n)
        }
        mutating func string() -> String? {
            guard let n = u64(), n <= UInt64(bytes.count - offset) else { return nil }
            let s = String(decoding: bytes[offset..<(offset + Int(n))], as: UTF8.self)
            offset += Int(n)
            return s
        }
    }
}

/// What identifies a published file without reading it: changed by any edit of it.
struct FileIdentity: Sendable, Equatable {
    var inode: UInt64
    var size: Int
    /// Modification time in nanoseconds.
    var modified: Int64

    init(inode: UInt64, size: Int, modified: Int64) { self.inode = inode; self.size = size; self.modified = modified }

    init(_ info: stat) {
        inode = UInt64(info.st_ino); size = Int(info.st_size)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    }

    /// The identity of a regular file (not a link), or nil.
    static func of(_ path: String) -> FileIdentity? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return FileIdentity(info)
    }
}
