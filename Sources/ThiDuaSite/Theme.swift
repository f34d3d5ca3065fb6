import Foundation
import ThiDuaContent
import ThiDuaModel
import ThiDuaTheme
#if canImport(Glibc)
import Glibc
#endif

extension BuildOptions {
    /// Everything the build reads: the site folder's content/ and templates/, over the built-in theme.
    /// `check` and `build` both read through it, so they apply one symbolic-link policy.
    public var source: SourceTree { SourceTree(DiskSource(siteDirectory: siteDirectory)) }
}

/// The theme's `assets/` (CSS, images), copied as they are into the site's `assets/`.
enum ThemeAssets {
    static let folder = SourceTree.themeFolder + "assets/"

    /// `templates/assets/…` paths: the site's files over the built-in theme's.
    static func paths(in theme: SourceTree) throws -> [String] {
        try theme.themeFiles().filter { $0.hasPrefix(folder) }
    }

    /// Reads every asset, as the build will copy them, so that `check` refuses what `build` would.
    /// (A listing failure is reported by the template loader, which lists the same folder.)
    static func check(_ theme: SourceTree) -> [Diagnostic] {
        ((try? paths(in: theme)) ?? []).compactMap { path in
            do { _ = try theme.file(path); return nil } catch { return DiagnosticCatalog.readFailure(error, file: path) }
        }
    }
}

/// `thidua theme export`: the built-in theme written out as files, to customise.
public enum ThemeExport {
    /// Writes every built-in file under `folder`, or nothing at all when any of them is already
    /// there (or something blocks a folder it needs): everything is checked before the first write.
    /// Returns the diagnostics (empty on success) and the paths written, relative to `folder`.
    public static func export(to folder: URL, theme: [String: [UInt8]] = BuiltinTheme.files) -> (written: [String], diagnostics: [Diagnostic]) {
        let root = folder.standardizedFileURL.path
        let paths = theme.keys.sorted()
        var taken: [String] = [], blocked: Set<String> = []
        for path in paths {
            let full = root + "/" + path
            var st = stat()
            if lstat(full, &st) == 0 { taken.append(full); continue }  // a file, a folder or a link: never replaced
            // Each folder on the way must be a folder, or not exist yet.
            var parent = (full as NSString).deletingLastPathComponent
            while parent.count >= root.count {
                if lstat(parent, &st) == 0 {
                    if (st.st_mode & S_IFMT) != S_IFDIR { blocked.insert(parent) }
                    break
                }
                parent = (parent as NSString).deletingLastPathComponent
            }
        }
        // One message for all the files already there: a second export into the same folder names 24.
        let diagnostics = (taken.isEmpty ? [] : [DiagnosticCatalog.themeExists(taken)])
            + (blocked.isEmpty ? [] : [DiagnosticCatalog.themeExists(blocked.sorted(), blocksFolder: true)])
        guard diagnostics.isEmpty else { return ([], diagnostics) }
        var written: [String] = []
        for path in paths {
            let url = URL(fileURLWithPath: root + "/" + path)
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                // withoutOverwriting: a file that appeared since the check is still not replaced.
                try Data(theme[path]!).write(to: url, options: .withoutOverwriting)
                written.append(path)
            } catch {
                // Foundation wraps the system call's errno; without one, an input/output error is the honest guess.
                let posix = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
                let errno = posix.flatMap { $0.domain == NSPOSIXErrorDomain ? Int32($0.code) : nil } ?? EIO
                return (written, [DiagnosticCatalog.themeExportFailed(SystemFailure(.write, path: url.path, errno: errno),
                                                                      written: written.count, of: paths.count)])
            }
        }
        return (written, [])
    }
}
