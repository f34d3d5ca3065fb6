import Foundation
import ThiDuaModel
import ThiDuaTheme

/// One file as a build reads it.
public struct SourceFile: Sendable {
    /// Relative to the site folder: `content/…` or `templates/…` (a built-in file too).
    public let path: String
    public let bytes: [UInt8]
    /// A file of the built-in theme: the site's `templates/` has no file at this path.
    public let builtin: Bool

    public init(path: String, bytes: [UInt8], builtin: Bool) {
        self.path = path; self.bytes = bytes; self.builtin = builtin
    }

    /// How diagnostics name it: `templates/layout.mustache (built-in theme / giao diện có sẵn)` for a built-in file.
    public var displayName: String { SourceTree.displayName(path, builtin: builtin) }
}

/// Everything a build reads, one way in: the site's `content/`, and its `templates/` laid over
/// the built-in theme file by file (as a Hugo project's layouts override its theme's). `check`
/// and `build` read through the same tree, so the same symbolic-link policy (the site
/// source's) decides both, and they always agree.
public struct SourceTree: ContentSource {
    public let site: ContentSource
    /// Path relative to the theme root (`layout.mustache`) → bytes.
    public let builtinTheme: [String: [UInt8]]

    public static let themeFolder = "templates/"

    public init(_ site: ContentSource, builtinTheme: [String: [UInt8]] = BuiltinTheme.files) {
        self.site = site; self.builtinTheme = builtinTheme
    }

    public func listFiles() throws -> [String] { try site.listFiles() }
    public func listTemplates() throws -> [String] { try site.listTemplates() }

    /// Every theme file, the site's and the built-in ones, as `templates/…` paths, sorted.
    /// Hidden files (`.DS_Store`, editor files) are not part of a theme, as they are not part of the content.
    public func themeFiles() throws -> [String] {
        let own = try site.listTemplates().filter { path in
            !path.split(separator: "/").dropFirst().contains { $0.hasPrefix(".") }
        }
        return Set(own + builtinTheme.keys.map { Self.themeFolder + $0 }).sorted()
    }

    /// The site's file when it has one; for `templates/…`, else the built-in theme's.
    /// A site file that exists but cannot be read is an error, never a silent fallback.
    public func file(_ path: String) throws -> SourceFile {
        do {
            return SourceFile(path: path, bytes: try site.read(path), builtin: false)
        } catch ContentSourceError.notFound(let missing) {
            guard path.hasPrefix(Self.themeFolder), let bytes = builtinTheme[String(path.dropFirst(Self.themeFolder.count))] else {
                throw ContentSourceError.notFound(missing)
            }
            return SourceFile(path: path, bytes: bytes, builtin: true)
        }
    }

    public func read(_ path: String) throws -> [UInt8] { try file(path).bytes }


    public static func displayName(_ path: String, builtin: Bool) -> String {
        builtin ? "\(path) (built-in theme / giao diện có sẵn)" : path
    }
}

/// Printed when a read fails where no diagnostic can be made (a file changed between check and copy).
extension ContentSourceError: LocalizedError, CustomStringConvertible {
    public var path: String {
        switch self {
        case .missingSiteFolder(let p), .notFound(let p), .linkOutside(let p), .unreadable(let p, _), .notAFile(let p): p
        }
    }
    /// Both languages: the build's message around it is shown in one.
    public var errorDescription: String? {
        let w = DiagnosticCatalog.ReadFailure(self)
        return "'\(path)': \(w.vi) / \(w.en)"
    }
    public var description: String { errorDescription ?? "" }
}
