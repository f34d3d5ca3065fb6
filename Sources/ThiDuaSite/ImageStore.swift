import Foundation
import ThiDuaContent
import ThiDuaImages
import ThiDuaModel
#if canImport(Glibc)
import Glibc
#endif

/// Processed photos kept between builds, beside the output folder (`.output.thidua-images/`,
/// never deployed): one file per source photo holding all its renditions, named by the key of
/// what made them (the photo's bytes, its renditions, the encoders' settings). A rebuild
/// encodes only new or changed photos; one photo used by two people is encoded once.
///
/// Read as untrusted: a file is used only when its magic, key and every rendition's length and
/// checksum match; anything else is encoded again. What a build does not use is removed
/// after it publishes, so the folder holds one site's photos.
struct ImageStore: Sendable {
    let folder: String

    static let magic = Array("THIDUA-IMAGES\n".utf8)

    /// `.output.thidua-images` beside `output`.
    init(for output: URL) {
        folder = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).thidua-images").path
    }

    func path(_ key: UInt64) -> String { folder + "/" + String(key, radix: 16) + ".renditions" }

    /// The renditions kept under `key`, in the order `expected` lists them; nil when there is no
    /// such file or any of it fails its checks.
    func read(_ key: UInt64, expected: [ImageRendition]) -> [[UInt8]]? {
        guard let bytes = Self.readWhole(path(key)) else { return nil }
        var r = ByteReader(bytes, offset: 0)
        guard bytes.count > Self.magic.count, Array(bytes[..<Self.magic.count]) == Self.magic, r.skip(Self.magic.count),
              r.u64() == key, r.count() == expected.count else { return nil }
        var spans: [(Int, UInt64)] = []
        for e in expected {
            guard r.int() == e.width, r.int() == e.height, r.string() == e.encoding.rawValue, r.bool() == e.isShareCard,
                  let n = r.count(), let sum = r.u64() else { return nil }
            spans.append((n, sum))
        }
        var out: [[UInt8]] = [], offset = r.offset
        for (n, sum) in spans {
            guard offset + n <= bytes.count else { return nil }
            let part = Array(bytes[offset..<(offset + n)])
            guard StableHasher.hash(part) == sum else { return nil }
            out.append(part); offset += n
        }
        return offset == bytes.count ? out : nil
    }

    /// Whether a file is kept under `key`: these very source bytes were processed before, so they decode.
    func exists(_ key: UInt64) -> Bool { access(path(key), F_OK) == 0 }

    /// Keeps `encoded` under `key`: written to a temporary file, renamed over, so a reader never
    /// sees half of one. A store that cannot be written only costs the next build the encoding.
    func save(_ key: UInt64, renditions: [ImageRendition], encoded: [[UInt8]]) {
        mkdir(folder, 0o755)
        var w = ByteWriter()
        w.raw(Self.magic); w.u64(key); w.u64(UInt64(renditions.count))
        for (r, bytes) in zip(renditions, encoded) {
            w.int(r.width); w.int(r.height); w.string(r.encoding.rawValue); w.bool(r.isShareCard)
            w.u64(UInt64(bytes.count)); w.u64(StableHasher.hash(bytes))
        }
        let final = path(key), temporary = final + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return }
        var ok = true
        for part in [w.bytes] + encoded where ok {
            ok = part.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                    if n < 0 { if errno == EINTR { continue }; return false }
                    offset += n
                }
                return true
            }
        }
        close(fd)
        if !ok || rename(temporary, final) != 0 { unlink(temporary) }
    }

    /// Removes every kept file but those under `keys` (and a temporary file a killed build left).
    func prune(keeping keys: Set<UInt64>) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        let wanted = Set(keys.map { String($0, radix: 16) + ".renditions" })
        for name in names where !wanted.contains(name) { unlink(folder + "/" + name) }
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
                let n = Glibc.read(fd, buffer.baseAddress! + filled, buffer.count - filled)
                if n < 0 { if errno == EINTR { continue }; return false }
                if n == 0 { return false }
                filled += n
            }
            return true
        }
        return ok ? bytes : nil
    }
}

/// The photos of a published site made ready: each one's renditions written to the output, taken
/// from the store or encoded now where the store has none. A picture whose pixels cannot be
/// decoded (a truncated JPEG) is an error naming it, and the build publishes nothing.
enum PhotoProcessing {
    struct Photo: Sendable {
        let path: MediaPath
        let info: MediaInfo
        let key: UInt64
        /// The content file that shows it, and its field, for messages.
        let usedBy: String
        let field: String
        var file: String { "content/" + path.path }
        /// Each rendition's output file and key (what the next build compares).
        var outputs: [(rendition: ImageRendition, file: String, key: UInt64)] {
            info.renditions.map { r in (r, r.file(for: path), InputIndex.rendition(photo: key, file: r.file(for: path))) }
        }
    }

    /// The published photos: every media file of kind photo, with the first file that shows it.
    static func photos(of site: Site, sources: SourceMap) -> [Photo] {
        var usedBy: [MediaPath: (String, String)] = [:]
        for entity in site.entities {
            for path in entity.media where usedBy[path] == nil {
                let file = sources.file(for: entity.ref, language: site.settings.defaultLanguage) ?? "content/\(entity.ref)"
                usedBy[path] = (file, entity.ref.kind == .stories ? "image" : "photo")
            }
        }
        return site.media.keys.sorted().compactMap { path in
            guard let info = site.media[path], case .photo = info.kind else { return nil }
            let (file, field) = usedBy[path] ?? ("content/" + path.path, "photo")
            return Photo(path: path, info: info, key: InputIndex.photo(info), usedBy: file, field: field)
        }
    }

    /// The renditions of one photo: from the store, or encoded now (and kept for the next build).
    static func renditions(of photo: Photo, store: ImageStore?, source: SourceTree, verifyOnly: Bool = false)
        -> Result<(bytes: [[UInt8]], encodedNow: Bool), SourceFailure> {
        let renditions = photo.info.renditions
        if let kept = store?.read(photo.key, expected: renditions) { return .success((kept, false)) }
        let bytes: [UInt8]
        do { bytes = try source.file(photo.file).bytes } catch { return .failure(SourceFailure(diagnostic: DiagnosticCatalog.readFailure(error, file: photo.file))) }
        // A check decodes the largest width's worth of pixels only, which fails where a build would.
        let wanted = verifyOnly ? Array(renditions.filter { !$0.isShareCard }.suffix(1)) : renditions
        switch ThiDuaImages.Photo.render(bytes, wanted) {
        case .failure(let problem):
            return .failure(SourceFailure(diagnostic: DiagnosticCatalog.photoProblem(problem, file: photo.file, usedBy: photo.usedBy, key: photo.field)))
        case .success(let encoded):
            if !verifyOnly { store?.save(photo.key, renditions: renditions, encoded: encoded) }
            return .success((encoded, true))
        }
    }

    /// `thidua check`: every photo the store has not seen decoded, nothing written.
    static func verify(_ photos: [Photo], store: ImageStore, source: SourceTree) -> [Diagnostic] {
        Parallel.map(photos) { photo -> Diagnostic? in
            if store.exists(photo.key) { return nil }
            if case .failure(let f) = renditions(of: photo, store: nil, source: source, verifyOnly: true) { return f.diagnostic }
            return nil
        }.compactMap { $0 }
    }

    /// Writes every photo's renditions into the staged site, on every core: a file the last build
    /// wrote from the same key, and still the same file, is kept without reading the store.
    static func write(_ photos: [Photo], store: ImageStore?, source: SourceTree, previous: [String: BuildCache.PageRecord],
                      into output: some OutputSink) -> (records: [String: BuildCache.PageRecord], encoded: Int, diagnostics: [Diagnostic]) {
        let results = Parallel.map(photos) { photo -> (records: [(String, BuildCache.PageRecord)], encoded: Bool, diagnostic: Diagnostic?) in
            let outputs = photo.outputs
            var records: [(String, BuildCache.PageRecord)] = []
            var keptAll = true
            for o in outputs {
                if let last = previous[o.file], last.key == o.key, (try? output.keep(o.file, ifStill: last.file)) == true {
                    records.append((o.file, last))
                } else { keptAll = false; break }
            }
            if keptAll { return (records, false, nil) }
            switch renditions(of: photo, store: store, source: source) {
            case .failure(let f): return ([], false, f.diagnostic)
            case .success(let (encoded, encodedNow)):
                records = []
                for (o, bytes) in zip(outputs, encoded) {
                    do {
                        let identity = try output.write(bytes: bytes, to: o.file)
                        records.append((o.file, BuildCache.PageRecord(key: o.key, file: identity)))
                    } catch let failure as SystemFailure {
                        return ([], false, DiagnosticCatalog.ioWrite(failure))
                    } catch {
                        return ([], false, DiagnosticCatalog.ioWrite(SystemFailure(.write, path: o.file, errno: EIO)))
                    }
                }
                return (records, encodedNow, nil)
            }
        }
        var records: [String: BuildCache.PageRecord] = [:], diagnostics: [Diagnostic] = [], encoded = 0
        for r in results {
            for (file, record) in r.records { records[file] = record }
            if let d = r.diagnostic { diagnostics.append(d) }
            if r.encoded { encoded += 1 }
        }
        return (records, encoded, diagnostics)
    }
}
