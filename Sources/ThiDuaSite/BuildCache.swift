import Foundation
import ThiDuaContent
import ThiDuaModel
import ThiDuaRender
#if canImport(Glibc)
import Glibc
#endif

/// What one build hands the next, so that a rebuild redoes only what changed: for every page,
/// the key of what it was made from (`InputIndex`) and the identity of the file it became; the
/// HTML of every card and the links of every Markdown body, by the digest of what made them; the
/// front matter of every file that decoded cleanly. Kept beside the output folder (`.output.thidua-cache`), never inside it,
/// so it is not deployed with the site.
///
/// Read as untrusted: a cache from another build of thidua, a damaged one, or one whose page
/// files were changed since, means "make that again", never a wrong page. The whole file is
/// checksummed; a page is reused only when the published file still has the inode, size and
/// modification time recorded when it was written.
struct BuildCache: Sendable {
    struct PageRecord: Sendable, Equatable {
        /// What the page was made from (`InputIndex.page`).
        var key: UInt64
        var file: FileIdentity
    }

    /// The `ref:` links and refused links of a Markdown body, by the digest of what makes its HTML:
    /// with them a rebuild checks every body's links again without rendering it.
    struct BodyLinks: Sendable {
        var refLinks: [MarkdownLink]
        var blocked: [MarkdownLink]
    }

    var pages: [String: PageRecord] = [:]
    var cards: [UInt64: String] = [:]
    var bodies: [UInt64: BodyLinks] = [:]
    /// Entity files as they decoded (ThiDuaContent's).
    var parsed = ParseCache()

    /// Bumped when the layout of this file changes.
    static let formatVersion: UInt64 = 4
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
        guard let bytes = readWhole(path) else { return .none }
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
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return }
        // Section by section, never joined into one array: the cache is as large as the site's text.
        var ok = true
        for part in encodedParts() where ok {
            part.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                    if n < 0 { if errno == EINTR { continue }; ok = false; return }
                    offset += n
                }
            }
        }
        close(fd)
        if !ok || rename(temporary, path) != 0 { unlink(temporary) }
    }

    private static func readWhole(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var filled = 0
        let ok = bytes.withUnsafeMutableBytes { buffer -> Bool in
            while filled < buffer.count {
                let n = read(fd, buffer.baseAddress! + filled, buffer.count - filled)
                if n < 0 { if errno == EINTR { continue }; return false }
                if n == 0 { return false }
                filled += n
            }
            return true
        }
        return ok ? bytes : nil
    }

    // MARK: The file: magic, tool key, then four sections (pages, cards, bodies, parsed files),
    // each its length, its checksum and its records (ByteWriter), encoded and decoded on every core.

    enum Section: Int, CaseIterable { case pages, cards, bodies, parsed }

    /// The file as pieces: the header, then each section's length and checksum, then its records.
    func encodedParts() -> [[UInt8]] {
        let parts = Parallel.map(Section.allCases) { section -> [UInt8] in
            var w = ByteWriter()
            switch section {
            case .pages:
                w.u64(UInt64(pages.count))
                for (path, record) in pages.sorted(by: { $0.key < $1.key }) {
                    w.string(path); w.u64(record.key)
                    w.u64(record.file.inode); w.u64(UInt64(record.file.size)); w.u64(UInt64(bitPattern: record.file.modified))
                }
            case .cards:
                w.u64(UInt64(cards.count))
                for (key, html) in cards.sorted(by: { $0.key < $1.key }) { w.u64(key); w.string(html) }
            case .bodies:
                w.u64(UInt64(bodies.count))
                for (key, body) in bodies.sorted(by: { $0.key < $1.key }) {
                    w.u64(key)
                    for links in [body.refLinks, body.blocked] {
                        w.u64(UInt64(links.count))
                        for l in links { w.string(l.target); w.int(l.line); w.int(l.column) }
                    }
                }
            case .parsed:
                parsed.encode(into: &w)
            }
            return w.bytes
        }
        var header = ByteWriter()
        header.raw(Self.magic)
        header.u64(Self.toolKey)
        var pieces = [header.bytes]
        for part in parts {
            var w = ByteWriter()
            w.u64(UInt64(part.count)); w.u64(StableHasher.hash(part))
            pieces += [w.bytes, part]
        }
        return pieces
    }

    static func decode(_ bytes: [UInt8]) -> BuildCache? {
        guard bytes.count > magic.count + 8, Array(bytes[..<magic.count]) == magic else { return nil }
        var r = ByteReader(bytes, offset: magic.count)
        guard r.u64() == toolKey else { return nil }
        var ranges: [(Section, Int, Int, UInt64)] = []
        for section in Section.allCases {
            guard let n = r.count(), let sum = r.u64() else { return nil }
            let start = r.offset
            guard r.skip(n) else { return nil }
            ranges.append((section, start, start + n, sum))
        }
        guard r.atEnd else { return nil }
        let decoded = Parallel.map(ranges) { (section, start, end, sum) -> BuildCache? in
            guard bytes.withUnsafeBytes({ StableHasher.hash(UnsafeRawBufferPointer(rebasing: $0[start..<end])) }) == sum else { return nil }
            var r = ByteReader(bytes, offset: start, end: end)
            var part = BuildCache()
            switch section {
            case .pages:
                guard let n = r.count() else { return nil }
                for _ in 0..<n {
                    guard let path = r.string(), let key = r.u64(), let inode = r.u64(), let size = r.u64(), let modified = r.u64()
                    else { return nil }
                    part.pages[path] = PageRecord(key: key, file: FileIdentity(inode: inode, size: Int(size), modified: Int64(bitPattern: modified)))
                }
            case .cards:
                guard let n = r.count() else { return nil }
                part.cards.reserveCapacity(n)
                for _ in 0..<n {
                    guard let key = r.u64(), let html = r.string() else { return nil }
                    part.cards[key] = html
                }
            case .bodies:
                guard let n = r.count() else { return nil }
                part.bodies.reserveCapacity(n)
                for _ in 0..<n {
                    guard let key = r.u64() else { return nil }
                    var lists: [[MarkdownLink]] = []
                    for _ in 0..<2 {
                        guard let k = r.count() else { return nil }
                        var links: [MarkdownLink] = []
                        for _ in 0..<k {
                            guard let target = r.string(), let line = r.int(), let column = r.int() else { return nil }
                            links.append(MarkdownLink(target: target, line: line, column: column))
                        }
                        lists.append(links)
                    }
                    part.bodies[key] = BodyLinks(refLinks: lists[0], blocked: lists[1])
                }
            case .parsed:
                guard let parsed = ParseCache.decode(from: &r) else { return nil }
                part.parsed = parsed
            }
            return r.atEnd ? part : nil
        }
        var cache = BuildCache()
        for (section, part) in zip(Section.allCases, decoded) {
            guard let part else { return nil }
            switch section {
            case .pages: cache.pages = part.pages
            case .cards: cache.cards = part.cards
            case .bodies: cache.bodies = part.bodies
            case .parsed: cache.parsed = part.parsed
            }
        }
        return cache
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
