import Foundation
import ThiDuaContent
import ThiDuaModel
import CAtomicRename
#if canImport(Glibc)
import Glibc
#endif


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
        return DiagnosticCatalog.ioOutputRefused(output: output.path)
    }

    public init(url: URL) {
        self.url = url.standardizedFileURL
        let parent = self.url.deletingLastPathComponent()
        staging = parent.appendingPathComponent(".\(self.url.lastPathComponent).staging-\(getpid())")
    }

    /// Creates an empty staging folder, first removing the ones builds that were killed
    /// midway left beside the output (their process is gone): at 20,000 people each is a whole site.
    func prepare() throws {
        let parent = url.deletingLastPathComponent().path
        if mkdir(parent, 0o755) != 0 && errno != EEXIST {
            try makeParents(of: parent + "/x")
        }
        for stale in Self.abandonedStagings(beside: url) { try Self.removeTree(stale) }
        if access(staging.path, F_OK) == 0 { try Self.removeTree(staging.path) }
        guard mkdir(staging.path, 0o755) == 0 else { throw SystemFailure(.write, path: staging.path, errno: errno) }
    }

    /// `.output.staging-PID` (and its `.old`) folders beside `output` whose process no longer runs.
    static func abandonedStagings(beside output: URL) -> [String] {
        let parent = output.deletingLastPathComponent().path, prefix = ".\(output.lastPathComponent).staging-"
        guard let dir = opendir(parent) else { return [] }
        defer { closedir(dir) }
        var found: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            guard name.hasPrefix(prefix) else { continue }
            var digits = name.dropFirst(prefix.count)
            if digits.hasSuffix(".old") { digits = digits.dropLast(4) }
            guard let pid = Int32(digits), pid != getpid() else { continue }
            // kill(pid, 0) sends nothing: it fails with ESRCH when no such process exists.
            if kill(pid, 0) != 0 && errno == ESRCH { found.append(parent + "/" + name) }
        }
        return found.sorted()
    }

    /// Writes one file under the staging folder, creating its folders.
    /// POSIX calls rather than FileManager and Data.write: for tens of thousands of small
    /// files their extra checks and copies were a fifth of the build.
    @discardableResult
    func write(_ text: String, to relativePath: String) throws -> FileIdentity {
        var text = text
        return try text.withUTF8 { try write(bytes: UnsafeRawBufferPointer($0), to: relativePath) }
    }

    @discardableResult
    func write(bytes: [UInt8], to relativePath: String) throws -> FileIdentity {
        try bytes.withUnsafeBytes { try write(bytes: $0, to: relativePath) }
    }

    /// Writes `bytes`, or, when the published site already has this file with exactly these
    /// bytes, links that file into the staged site instead: an unchanged page keeps its inode
    /// and modification time, so a deploy that sends only changed files (rsync, a CDN sync)
    /// sends only what changed, and the build skips creating the file. Returns the identity
    /// of the file now staged, for the next build's cache.
    @discardableResult
    func write(bytes: UnsafeRawBufferPointer, to relativePath: String) throws -> FileIdentity {
        let path = staging.path + "/" + relativePath
        try makeParents(of: path)
        let published = url.path + "/" + relativePath
        if Self.isUnchanged(published, bytes), link(published, path) == 0, let kept = FileIdentity.of(path) { return kept }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw SystemFailure(.write, path: path, errno: errno) }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw SystemFailure(.write, path: path, errno: errno)
            }
            offset += n
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw SystemFailure(.write, path: path, errno: errno) }
        return FileIdentity(info)
    }

    /// Links the published copy of an unchanged output into the staged site, when it is still
    /// the very file the last build wrote (same inode, size and time); false means "render it".
    func keep(_ relativePath: String, ifStill expected: FileIdentity) throws -> Bool {
        let published = url.path + "/" + relativePath
        guard FileIdentity.of(published) == expected else { return false }
        let path = staging.path + "/" + relativePath
        try makeParents(of: path)
        return link(published, path) == 0
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
    func makeParents(of path: String) throws {
        guard let slash = path.lastIndex(of: "/") else { return }
        let parent = String(path[..<slash])
        if mkdir(parent, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT else { throw SystemFailure(.write, path: parent, errno: errno) }
        try makeParents(of: parent)
        if mkdir(parent, 0o755) != 0 && errno != EEXIST { throw SystemFailure(.write, path: parent, errno: errno) }
    }

    /// Puts the staged site in place. With an existing output, the two folders are
    /// exchanged in one atomic step (renameat2), so readers never see a half-written site.
    func publish() throws {
        if access(url.path, F_OK) == 0 {
            if thidua_exchange_paths(staging.path, url.path) == 0 {
                try Self.removeTree(staging.path)   // now holds the previous site
                return
            }
            // Filesystems without RENAME_EXCHANGE: move aside, move in, remove the old one.
            let old = staging.path + ".old"
            guard rename(url.path, old) == 0 else { throw SystemFailure(.rename, path: url.path, errno: errno) }
            guard rename(staging.path, url.path) == 0 else {
                let failed = errno
                _ = rename(old, url.path)   // put the published site back
                throw SystemFailure(.rename, path: staging.path, errno: failed)
            }
            try Self.removeTree(old)
        } else {
            guard rename(staging.path, url.path) == 0 else { throw SystemFailure(.rename, path: staging.path, errno: errno) }
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
            throw SystemFailure(.remove, path: path, errno: errno)
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
            throw SystemFailure(.remove, path: failed.path, errno: failed.errno)
        }
        guard rmdir(path) == 0 else { throw SystemFailure(.remove, path: path, errno: errno) }
    }
}
