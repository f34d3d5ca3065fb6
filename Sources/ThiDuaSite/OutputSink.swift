import Foundation
import Synchronization
import ThiDuaContent
import ThiDuaModel

/// Where a build's outputs go: the output folder on disk (`thidua build`), or memory
/// (`thidua serve`, which never writes `output/`). The render step writes through this seam
/// only, so both get the same pages from the same code. Writes come from every core at once.
protocol OutputSink: Sendable {
    /// Writes one output (relative to the site's root); returns what a later build compares
    /// to know that this output is still the one written.
    @discardableResult func write(_ text: String, to file: String) throws -> FileIdentity
    /// Writes one output made of bytes (a photo's rendition, an open-data file).
    @discardableResult func write(bytes: [UInt8], to file: String) throws -> FileIdentity
    /// Keeps the output the last build wrote when it is still that one; false means "render it".
    func keep(_ file: String, ifStill expected: FileIdentity) throws -> Bool
    /// Publishes a file of the source tree as it is (a theme asset, a media file).
    func copy(_ source: String, from tree: SourceTree, to file: String) throws
}

extension OutputFolder: OutputSink {
    func copy(_ source: String, from tree: SourceTree, to file: String) throws {
        try write(bytes: try tree.file(source).bytes, to: file)
    }
}

/// A whole built site held in memory, as `thidua serve` shows it: every output's path
/// (relative to the site root, `ca-nhan/lo-thi-mai/index.html`) and what it holds.
public struct MemorySite: Sendable {
    /// An output: bytes rendered by the build, or a file of the source tree published as it is,
    /// read when asked for (media can be large, and the browser asks for few of them).
    public enum Content: Sendable, Equatable {
        case bytes([UInt8])
        case source(String)
    }

    struct Stored: Sendable {
        let content: Content
        let identity: FileIdentity
    }

    var files: [String: Stored] = [:]
    /// The serial the next write starts from, so that an output written anew never has the
    /// identity of one written before (the identity stands in for a file's inode and time).
    var nextSerial: UInt64 = 1

    public init() {}

    public subscript(file: String) -> Content? { files[file]?.content }
    public var paths: [String] { files.keys.sorted() }
    public var count: Int { files.count }
}

/// A build into memory: the site being made, starting empty, with the last one to keep from.
final class MemorySink: OutputSink {
    private let previous: MemorySite
    private let staged: Mutex<MemorySite>

    init(previous: MemorySite) {
        self.previous = previous
        var start = MemorySite()
        start.nextSerial = previous.nextSerial
        staged = Mutex(start)
    }

    /// The site as staged so far.
    var site: MemorySite { staged.withLock { $0 } }

    private func store(_ content: Content, size: Int, at file: String) -> FileIdentity {
        staged.withLock { site in
            let identity = FileIdentity(inode: site.nextSerial, size: size, modified: 0)
            site.nextSerial += 1
            site.files[file] = MemorySite.Stored(content: content, identity: identity)
            return identity
        }
    }
    typealias Content = MemorySite.Content

    func write(_ text: String, to file: String) throws -> FileIdentity {
        try write(bytes: Array(text.utf8), to: file)
    }

    func write(bytes: [UInt8], to file: String) throws -> FileIdentity {
        store(.bytes(bytes), size: bytes.count, at: file)
    }

    func keep(_ file: String, ifStill expected: FileIdentity) throws -> Bool {
        guard let last = previous.files[file], last.identity == expected else { return false }
        staged.withLock { $0.files[file] = last }
        return true
    }

    func copy(_ source: String, from tree: SourceTree, to file: String) throws {
        // Not read now: the check has read it, and serve reads it when a browser asks for it.
        _ = store(.source(source), size: 0, at: file)
    }
}
