import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a site's files come from. File access sits behind this small value so
/// that tests declare a site in memory and need no disk. `SourceTree` lays the site's
/// `templates/` over the built-in theme; everything a build reads goes through it.
public protocol ContentSource: Sendable {
    /// Every file under `content/`, as a path relative to the site folder
    /// (`content/site.yml`, `content/individuals/lo-thi-mai.vi.md`, `content/media/a.jpg`).
    func listFiles() throws -> [String]
    /// Every file of the site's own `templates/` folder (`templates/layout.mustache`); none when it has no such folder.
    func listTemplates() throws -> [String]
    /// The bytes of one file under `content/` or `templates/`; `ContentSourceError.notFound` when there is none.
    func read(_ path: String) throws -> [UInt8]
}

/// Why a source could not list or read a file; `DiagnosticCatalog.readFailure` turns each into a diagnostic.
public enum ContentSourceError: Error, Hashable, Sendable {
    /// The site folder, or its `content/` folder, does not exist.
    case missingSiteFolder(String)
    case notFound(String)
    /// A symbolic link whose target lies outside the folder it may point into.
    case linkOutside(path: String)
    /// A system call failed with this errno.
    case unreadable(path: String, errno: Int32)
    /// A folder, a device or a pipe where a file (or a folder, for `templates`) was expected.
    case notAFile(path: String)
}

// MARK: - Memory

/// A site declared in memory: path (relative to the site folder) → contents.
public struct MemorySource: ContentSource {
    private let files: [String: [UInt8]]

    public init(_ files: [String: String]) {
        self.files = files.mapValues { Array($0.utf8) }
    }
    public init(bytes: [String: [UInt8]]) {
        self.files = bytes
    }
    public func listFiles() throws -> [String] { files.keys.sorted() }
    public func listTemplates() throws -> [String] { files.keys.filter { $0.hasPrefix("templates/") }.sorted() }
    public func read(_ path: String) throws -> [UInt8] {
        guard let bytes = files[path] else { throw ContentSourceError.notFound(path) }
        return bytes
    }
}

// MARK: - Disk

/// A site folder on disk: `content/` and `templates/`. One policy for both: a symbolic link
/// is followed only when its real target stays inside its own folder (`content/`; for media
/// `content/media/`; `templates/`). Any other link is listed, and reading it fails with
/// `ContentSourceError.linkOutside`; a linked folder is never entered.
public struct DiskSource: ContentSource {
    public let siteDirectory: URL

    public init(siteDirectory: URL) {
        self.siteDirectory = siteDirectory.standardizedFileURL
    }

    private var sitePath: String {
        let p = siteDirectory.path
        return p.count > 1 && p.hasSuffix("/") ? String(p.dropLast()) : p
    }

    public func listFiles() throws -> [String] {
        guard isDirectory(sitePath) else { throw ContentSourceError.missingSiteFolder(sitePath) }
        let content = sitePath + "/content"
        guard isDirectory(content) else { throw ContentSourceError.missingSiteFolder(content) }
        var out: [String] = []
        try walk(absolute: content, relative: "content", depth: 0, into: &out)
        return out.sorted()
    }

    public func listTemplates() throws -> [String] {
        let templates = sitePath + "/templates"
        var st = stat()
        guard stat(templates, &st) == 0 else {
            if errno == ENOENT { return [] }  // no overrides: the built-in theme alone
            throw ContentSourceError.unreadable(path: "templates", errno: errno)
        }
        guard (st.st_mode & S_IFMT) == S_IFDIR else { throw ContentSourceError.notAFile(path: "templates") }
        var out: [String] = []
        try walk(absolute: templates, relative: "templates", depth: 0, into: &out)
        return out.sorted()
    }

    public func read(_ path: String) throws -> [UInt8] {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0] == "content" || parts[0] == "templates",
              !path.hasPrefix("/"), !parts.contains(".."), !parts.contains(".") else {
            throw ContentSourceError.notFound(path)
        }
        let top = sitePath + "/" + parts[0]
        let absolute = sitePath + "/" + path
        // Folders between content/ (or templates/) and the file must be real folders: listing never enters a linked one.
        var folder = top
        for part in parts.dropFirst().dropLast() {
            folder += "/" + part
            if isSymlink(folder) { throw ContentSourceError.linkOutside(path: path) }
        }
        do { return try readWhole(absolute, displayPath: path) } catch ReadFailure.isLink {}
        // A link is followed only when its real target stays inside its own folder: content/ (media
        // inside content/media/), templates/.
        guard let root = realPath(top), let real = realPath(absolute) else {
            throw ContentSourceError.linkOutside(path: path)  // a dangling link
        }
        let allowed = parts[0] == "content" && parts.count > 2 && parts[1] == "media" ? root + "/media" : root
        guard real.hasPrefix(allowed + "/") else { throw ContentSourceError.linkOutside(path: path) }
        do { return try readWhole(real, displayPath: path) } catch ReadFailure.isLink {
            throw ContentSourceError.linkOutside(path: path)  // cannot happen: a real path holds no link
        }
    }

    /// The last part of the path is a symbolic link: `open` with `O_NOFOLLOW` says so without an extra `lstat`.
    private enum ReadFailure: Error { case isLink }

    // MARK: POSIX, because listing 100,000 files through FileManager's attribute dictionaries is slow.

    private func walk(absolute: String, relative: String, depth: Int, into out: inout [String]) throws {
        guard depth < 32 else { return }
        guard let dir = opendir(absolute) else {
            throw ContentSourceError.unreadable(path: relative, errno: errno)
        }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            let abs = absolute + "/" + name, rel = relative + "/" + name
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) {
                var st = stat()
                guard lstat(abs, &st) == 0 else { continue }
                let mode = st.st_mode & S_IFMT
                type = mode == S_IFDIR ? Int32(DT_DIR) : mode == S_IFLNK ? Int32(DT_LNK) : Int32(DT_REG)
            }
            if type == Int32(DT_DIR) {
                try walk(absolute: abs, relative: rel, depth: depth + 1, into: &out)
            } else {
                out.append(rel)  // files and links alike; a link is checked when it is read
            }
        }
    }

    private func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    private func isSymlink(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK
    }

    private func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    private func readWhole(_ path: String, displayPath: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else {
            if errno == ELOOP { throw ReadFailure.isLink }
            // Not there: for templates/, the built-in theme's file is used instead.
            if errno == ENOENT { throw ContentSourceError.notFound(displayPath) }
            throw ContentSourceError.unreadable(path: displayPath, errno: errno)
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            throw ContentSourceError.unreadable(path: displayPath, errno: errno)
        }
        guard (st.st_mode & S_IFMT) == S_IFREG else { throw ContentSourceError.notAFile(path: displayPath) }
        var bytes = [UInt8](repeating: 0, count: Int(st.st_size))
        var filled = 0
        while filled < bytes.count {
            let n = bytes.withUnsafeMutableBytes { buffer in
                posixRead(fd, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw ContentSourceError.unreadable(path: displayPath, errno: errno)
            }
            if n == 0 { break }
            filled += n
        }
        if filled < bytes.count { bytes.removeLast(bytes.count - filled) }
        return bytes
    }
}

private func posixRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.read(fd, buffer, count)
    #elseif canImport(Musl)
    return Musl.read(fd, buffer, count)
    #else
    return Darwin.read(fd, buffer, count)
    #endif
}
