import Foundation
import ThiDuaContent
import ThiDuaModel
import CAtomicRename
#if canImport(Glibc)
import Glibc
#endif

/// A failed system call while writing the staged site.
enum OutputError: Error, CustomStringConvertible {
    case system(call: String, path: String, errno: Int32)
    var description: String {
        switch self {
        case .system(let call, let path, let code): "\(call) \(path): \(String(cString: strerror(code)))"
        }
    }
}

/// The published site folder. A build writes into a staging folder beside it and swaps
/// it in only when everything is written, so a failed build leaves the old site as it was.
public struct OutputFolder: Sendable {
    public let url: URL
    let staging: URL

    /// Refuses a folder whose replacement would destroy the site's own files or the system's.
    public static func validate(output: URL, site: URL) -> Diagnostic? {
        let out = output.standardizedFileURL.resolvingSymlinksInPath().path
        let siteRoot = site.standardizedFileURL.resolvingSymlinksInPath().path
        let home = FileManager.default.homeDirectoryForCurrentUser.standardizedFileURL.resolvingSymlinksInPath().path
        let protected = [siteRoot, siteRoot + "/content", siteRoot + "/templates"]
        func isInside(_ child: String, _ parent: String) -> Bool {
            child == parent || child.hasPrefix(parent.hasSuffix("/") ? parent : parent + "/")
        }
        let refused = out == "/" || out == home || protected.contains { isInside($0, out) }
            || isInside(out, siteRoot + "/content") || isInside(out, siteRoot + "/templates")
        guard refused else { return nil }
        return Diagnostic(.error, "io.output-refused", file: nil, message: LocalizedText([
            .vi: "Không thể dùng '\(output.path)' làm thư mục xuất bản: mỗi lần tạo trang, thư mục này được thay mới hoàn toàn, nên nó không được là thư mục trang, content/, templates/, thư mục chứa chúng, / hoặc thư mục nhà.",
            .en: "'\(output.path)' cannot be the output folder: every build replaces it entirely, so it must not be the site folder, content/, templates/, a folder containing them, / or the home folder.",
        ]), fix: LocalizedText([
            .vi: "Dùng thư mục riêng, ví dụ --output output.", .en: "Use a folder of its own, for example --output output.",
        ]))
    }

    public init(url: URL) {
        self.url = url.standardizedFileURL
        let parent = self.url.deletingLastPathComponent()
        staging = parent.appendingPathComponent(".\(self.url.lastPathComponent).staging-\(getpid())")
    }

    /// Creates an empty staging folder (removing any left by a crashed build).
    func prepare() throws {
        let fm = FileManager.default
        try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        if fm.fileExists(atPath: staging.path) { try Self.removeTree(staging.path) }
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
    }

    /// Writes one file under the staging folder, creating its folders.
    /// POSIX calls rather than FileManager and Data.write: for tens of thousands of small
    /// files their extra checks and copies were a fifth of the build.
    func write(_ text: String, to relativePath: String) throws {
        var text = text
        try text.withUTF8 { try write(bytes: UnsafeRawBufferPointer($0), to: relativePath) }
    }

    func write(bytes: [UInt8], to relativePath: String) throws {
        try bytes.withUnsafeBytes { try write(bytes: $0, to: relativePath) }
    }

    /// Writes `bytes`, or, when the published site already has this file with exactly these
    /// bytes, links that file into the staged site instead: an unchanged page keeps its inode
    /// and modification time, so a deploy that sends only changed files (rsync, a CDN sync)
    /// sends only what changed, and the build skips creating the file.
    func write(bytes: UnsafeRawBufferPointer, to relativePath: String) throws {
        let path = staging.path + "/" + relativePath
        try makeParents(of: path)
        if Self.isUnchanged(url.path + "/" + relativePath, bytes), link(url.path + "/" + relativePath, path) == 0 { return }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputError.system(call: "open", path: path, errno: errno) }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw OutputError.system(call: "write", path: path, errno: errno)
            }
            offset += n
        }
    }

    /// True when `path` is a regular file (not a link) holding exactly `bytes`.
    static func isUnchanged(_ path: String, _ bytes: UnsafeRawBufferPointer) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count else { return false }
        if bytes.isEmpty { return true }
        let old = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 16)
        defer { old.deallocate() }
        var offset = 0
        while offset < bytes.count {
            let n = read(fd, old.baseAddress! + offset, bytes.count - offset)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return false }
            offset += n
        }
        return memcmp(old.baseAddress!, bytes.baseAddress!, bytes.count) == 0
    }

    /// Creates the folders above `path` (staging is new, so most exist after the first pages).
    private func makeParents(of path: String) throws {
        guard let slash = path.lastIndex(of: "/") else { return }
        let parent = String(path[..<slash])
        if mkdir(parent, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT else { throw OutputError.system(call: "mkdir", path: parent, errno: errno) }
        try makeParents(of: parent)
        if mkdir(parent, 0o755) != 0 && errno != EEXIST { throw OutputError.system(call: "mkdir", path: parent, errno: errno) }
    }

    /// Copies a theme asset or a media file, reusing an unchanged published copy. A symbolic
    /// link is refused, not followed: it could lead anywhere on the machine.
    func copy(from source: URL, to relativePath: String) throws {
        let fd = open(source.path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { throw OutputError.system(call: "open", path: source.path, errno: errno) }
        let data = FileHandle(fileDescriptor: fd, closeOnDealloc: true).readDataToEndOfFile()
        try data.withUnsafeBytes { try write(bytes: $0, to: relativePath) }
    }

    /// Puts the staged site in place. With an existing output, the two folders are
    /// exchanged in one atomic step (renameat2), so readers never see a half-written site.
    func publish() throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: url.path) {
            if thidua_exchange_paths(staging.path, url.path) == 0 {
                try Self.removeTree(staging.path)   // now holds the previous site
                return
            }
            // Filesystems without RENAME_EXCHANGE: move aside, move in, remove the old one.
            let old = staging.deletingLastPathComponent().appendingPathComponent(staging.lastPathComponent + ".old")
            try fm.moveItem(at: url, to: old)
            try fm.moveItem(at: staging, to: url)
            try Self.removeTree(old.path)
        } else {
            try fm.moveItem(at: staging, to: url)
        }
    }

    /// Removes what a failed build staged; the published folder is not touched.
    func discard() {
        try? Self.removeTree(staging.path)
    }

    /// Removes a folder and everything in it, never following a link, its top-level entries on
    /// every core. FileManager.removeItem took a second for a 5,000-person site's previous
    /// output, a fifth of a rebuild; unlink and rmdir through nftw (in C: see remove_tree.c)
    /// take a fraction of that.
    static func removeTree(_ path: String) throws {
        guard let dir = opendir(path) else {
            if errno == ENOENT { return }
            throw OutputError.system(call: "opendir", path: path, errno: errno)
        }
        var children: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { children.append(path + "/" + name) }
        }
        closedir(dir)
        // errno is per thread: each failure carries its own.
        let failures = Parallel.map(children) { child -> (path: String, errno: Int32)? in
            var info = stat()
            guard lstat(child, &info) == 0 else { return nil }
            let rc = (info.st_mode & S_IFMT) == S_IFDIR ? thidua_remove_tree(child) : unlink(child)
            return rc == 0 ? nil : (child, errno)
        }
        if let failed = failures.compactMap({ $0 }).first {
            throw OutputError.system(call: "remove", path: failed.path, errno: failed.errno)
        }
        guard rmdir(path) == 0 else { throw OutputError.system(call: "rmdir", path: path, errno: errno) }
    }
}
