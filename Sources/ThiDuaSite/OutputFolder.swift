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

    /// The site before the published one, kept beside it after a swap (`.output.previous`): the
    /// next build brings it up to date and swaps it in, instead of building a whole new folder
    /// and removing the old one. Most of its files are hard links to the published ones, so it
    /// costs the disk little more than the files that changed.
    let previous: URL

    public init(url: URL) {
        self.url = url.standardizedFileURL
        let parent = self.url.deletingLastPathComponent()
        staging = parent.appendingPathComponent(".\(self.url.lastPathComponent).staging-\(getpid())")
        previous = parent.appendingPathComponent(".\(self.url.lastPathComponent).previous")
    }

    /// Makes the staging folder: the previous site taken as it is when there is one and `reuse`
    /// allows, else an empty folder. First removes the stagings that builds killed midway left
    /// beside the output (their process is gone): at 20,000 people each is a whole site.
    /// Returns whether the staging folder starts from the previous site (then `prune` it).
    @discardableResult
    func prepare(reuse: Bool = false) throws -> Bool {
        let parent = url.deletingLastPathComponent().path
        if mkdir(parent, 0o755) != 0 && errno != EEXIST {
            try makeParents(of: parent + "/x")
        }
        for stale in Self.abandonedStagings(beside: url) { try Self.removeTree(stale) }
        if access(staging.path, F_OK) == 0 { try Self.removeTree(staging.path) }
        var info = stat()
        if lstat(previous.path, &info) == 0 {
            if reuse, (info.st_mode & S_IFMT) == S_IFDIR, rename(previous.path, staging.path) == 0 { return true }
            try Self.removeTree(previous.path)
        }
        guard mkdir(staging.path, 0o755) == 0 else { throw SystemFailure(.write, path: staging.path, errno: errno) }
        return false
    }

    /// In a staging folder that starts from the previous site: removes every file and folder
    /// that is neither one of `planned` (paths relative to the output) nor a folder above one,
    /// so that what is published is exactly what was planned, whatever the previous folder held.
    func prune(keeping planned: Set<String>) throws {
        var folders: Set<String> = [""]
        for file in planned {
            var path = Substring(file)
            while let slash = path.lastIndex(of: "/") {
                path = path[..<slash]
                if !folders.insert(String(path)).inserted { break }
            }
        }
        if let failure = prune(relative: "", planned: planned, folders: folders, parallel: true) { throw failure }
    }

    private func prune(relative: String, planned: Set<String>, folders: Set<String>, parallel: Bool) -> SystemFailure? {
        let absolute = relative.isEmpty ? staging.path : staging.path + "/" + relative
        guard let dir = opendir(absolute) else { return SystemFailure(.list, path: absolute, errno: errno) }
        var entries: [(path: String, isFolder: Bool)] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            var isFolder = entry.pointee.d_type == DT_DIR
            if entry.pointee.d_type == DT_UNKNOWN {
                var info = stat()
                isFolder = lstat(absolute + "/" + name, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
            entries.append((relative.isEmpty ? name : relative + "/" + name, isFolder))
        }
        closedir(dir)
        let one = { @Sendable (e: (path: String, isFolder: Bool)) -> SystemFailure? in
            if e.isFolder && folders.contains(e.path) {
                return self.prune(relative: e.path, planned: planned, folders: folders, parallel: false)
            }
            if !e.isFolder && planned.contains(e.path) { return nil }
            let full = self.staging.path + "/" + e.path
            return (e.isFolder ? thidua_remove_tree(full) : unlink(full)) == 0 ? nil : SystemFailure(.remove, path: full, errno: errno)
        }
        // The top level on every core, as removeTree does.
        let failures = parallel ? Parallel.map(entries, one) : entries.map(one)
        return failures.compactMap { $0 }.first
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
        if Self.isUnchanged(published, bytes) {
            // Already the published file (a staging folder that starts from the previous site), or linked to it now.
            if let here = FileIdentity.of(path), here == FileIdentity.of(published) { return here }
            if replace(path, withLinkTo: published), let kept = FileIdentity.of(path) { return kept }
        }
        // Never written in place: in a staging folder that starts from the previous site, this name
        // may be a hard link to the published file, which must not change.
        if unlink(path) != 0 && errno != ENOENT { throw SystemFailure(.write, path: path, errno: errno) }
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
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
        if let here = FileIdentity.of(path), here == expected { return true }
        try makeParents(of: path)
        return replace(path, withLinkTo: published)
    }

    /// Points `path` at the published file's inode (a hard link), replacing what it was.
    private func replace(_ path: String, withLinkTo published: String) -> Bool {
        if link(published, path) == 0 { return true }
        guard errno == EEXIST, unlink(path) == 0 else { return false }
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
                // The staging folder now holds the site just replaced: kept as the next build's start.
                if rename(staging.path, previous.path) != 0 { try Self.removeTree(staging.path) }
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
