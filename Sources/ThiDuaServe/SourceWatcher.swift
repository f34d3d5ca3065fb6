import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Watches a site's `content/` and `templates/` with inotify, every folder in them (new ones
/// too, as they appear), and hands over the changed paths in batches: the burst of events one
/// save makes (an editor writing a temporary file and renaming it over the old one, a `git
/// checkout` of many files) becomes one batch, once the folder has been quiet for `quiet`.
/// Written on inotify directly: Glibc has it, and no package in reach wraps it for Linux.
final class SourceWatcher: Sendable {
    let site: String
    let quiet: Duration
    private let stopped = Atomic<Bool>(false)

    /// The folders a site's build reads.
    static let watched = ["content", "templates"]

    init(siteDirectory: URL, quiet: Duration = .milliseconds(40)) {
        var path = siteDirectory.standardizedFileURL.path
        if path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        site = path; self.quiet = quiet
    }

    func stop() { stopped.store(true, ordering: .relaxed) }

    /// Batches of changed paths relative to the site folder (`content/individuals/a.vi.md`),
    /// from a thread of its own, until `stop()`. Fails at once when inotify cannot be had.
    func batches() throws -> AsyncStream<[String]> {
        let fd = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard fd >= 0 else { throw WatchFailure(errno: errno) }
        var start = Watches(fd: fd, site: site)
        start.add(relative: "")   // the site folder itself, for content/ or templates/ made later
        for folder in Self.watched { _ = start.addTree(relative: folder) }
        let watching = start
        let (stream, continuation) = AsyncStream.makeStream(of: [String].self)
        let quietMillis = Int32(quiet.components.seconds * 1000 + quiet.components.attoseconds / 1_000_000_000_000_000)
        let thread = Thread { [self] in
            var watches = watching
            defer { close(fd); continuation.finish() }
            while !stopped.load(ordering: .relaxed) {
                // Wait for a first event, looking up now and then to see whether to stop.
                guard wait(fd, milliseconds: 250) else { continue }
                var changed = Set<String>()
                // Then read until the folder is quiet: one batch per burst.
                repeat { changed.formUnion(watches.read()) } while wait(fd, milliseconds: quietMillis) && !stopped.load(ordering: .relaxed)
                let relevant = changed.filter(Self.isSourcePath).sorted()
                if !relevant.isEmpty { continuation.yield(relevant) }
            }
        }
        thread.name = "thidua serve: watcher"
        thread.start()
        return stream
    }

    /// Only files under content/ and templates/ count, and no editor's leftovers (`.a.md.swp`, `a.md~`, vim's `4913`).
    static func isSourcePath(_ path: String) -> Bool {
        guard let top = path.split(separator: "/").first, watched.contains(String(top)) else { return false }
        let name = path.split(separator: "/").last.map(String.init) ?? ""
        return !name.hasPrefix(".") && !name.hasSuffix("~") && name != "4913"
    }

    private func wait(_ fd: Int32, milliseconds: Int32) -> Bool {
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&p, 1, milliseconds) > 0
    }

    struct WatchFailure: Error { let errno: Int32 }
}

/// The watch descriptors of one inotify instance and the folder each stands for.
private struct Watches {
    let fd: Int32
    let site: String
    var folders: [Int32: String] = [:]

    static let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB
                             | IN_DELETE_SELF | IN_ONLYDIR)

    init(fd: Int32, site: String) { self.fd = fd; self.site = site }

    func absolute(_ relative: String) -> String { relative.isEmpty ? site : site + "/" + relative }

    mutating func add(relative: String) {
        let wd = inotify_add_watch(fd, absolute(relative), Self.mask)
        if wd >= 0 { folders[wd] = relative }
    }

    /// Watches a folder and every folder below it; returns the files found in them (a folder
    /// moved in whole, or made with files before its watch was added: those files changed too).
    mutating func addTree(relative: String) -> [String] {
        var info = stat()
        guard lstat(absolute(relative), &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return [] }
        add(relative: relative)
        guard let dir = opendir(absolute(relative)) else { return [] }
        var names: [(String, Bool)] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            names.append((name, entry.pointee.d_type == DT_DIR))
        }
        closedir(dir)
        var files: [String] = []
        for (name, isFolder) in names {
            let child = relative + "/" + name
            if isFolder { files += addTree(relative: child) } else { files.append(child) }
        }
        return files
    }

    /// Reads the events waiting, and returns the paths they name; watches new folders.
    mutating func read() -> [String] {
        var changed: [String] = []
        let size = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let n = Glibc.read(fd, buffer, size)
            if n <= 0 { break }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= n {
                let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
                let nameStart = buffer + offset + MemoryLayout<inotify_event>.size
                let name = event.len > 0 ? String(cString: nameStart.assumingMemoryBound(to: CChar.self)) : ""
                offset += MemoryLayout<inotify_event>.size + Int(event.len)
                guard let folder = folders[event.wd] else { continue }
                if event.mask & UInt32(IN_IGNORED) != 0 { folders[event.wd] = nil; continue }
                let path = name.isEmpty ? folder : (folder.isEmpty ? name : folder + "/" + name)
                let isFolder = event.mask & UInt32(IN_ISDIR) != 0
                if isFolder && event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                    // At the site's top level only content/ and templates/ are watched.
                    if !folder.isEmpty || SourceWatcher.watched.contains(name) { changed += addTree(relative: path) }
                }
                changed.append(path)
            }
        }
        return changed
    }
}
