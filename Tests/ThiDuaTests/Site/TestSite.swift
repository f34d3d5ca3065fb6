import Foundation
import Testing
import ThiDuaModel
import ThiDuaSite
import ThiDuaTheme

/// A site folder in a temporary directory: whatever content a test declares, built with the
/// built-in theme, so each test states the few files it is about. A test about the look
/// writes its own files into the site's templates/, which override the built-in ones.
struct TestSite {
    let root: URL
    var output: URL { root.appendingPathComponent("output") }

    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }
    /// The example site, frozen inside the repository so a clone alone can run the tests: one of each kind,
    /// a translated person, campaign, unit, award and page, an untranslated collective and story. Its
    /// `content/` is what most build tests start from, and `pages/` the golden pages rendered from it.
    static var example: URL { repository.appendingPathComponent("Tests/ThiDuaTests/Fixtures/golden") }
    static var exampleContent: URL { example.appendingPathComponent("content") }
    /// The example site in content model version 2: its files under `Fixtures/golden-v2/content/` laid over the
    /// example's (site.yml with award forms, holidays, contact and licence; nominations in every state; a decision
    /// in a form of the site's; a person without consent). `pages/` beside it holds its golden pages.
    static var exampleVersion2: URL { repository.appendingPathComponent("Tests/ThiDuaTests/Fixtures/golden-v2") }
    /// The day the version-2 example is built for: one nomination open, one closed awaiting decision.
    static let version2Date = LocalDate(year: 2026, month: 12, day: 2)!

    /// A fresh folder with the version-2 example site.
    static func version2() throws -> TestSite {
        let site = try TestSite()
        let overlay = exampleVersion2.appendingPathComponent("content")
        guard let paths = FileManager.default.enumerator(atPath: overlay.path) else { throw CocoaError(.fileNoSuchFile) }
        for case let path as String in paths {
            var isDirectory: ObjCBool = false
            let url = overlay.appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            try site.write("content/" + path, try String(contentsOf: url, encoding: .utf8))
        }
        return site
    }

    /// A fresh folder with the example content when `example` is true (or the content folder
    /// `content`, when given); with `exportedTheme`, the built-in theme copied into its templates/ too.
    init(example: Bool = true, content: URL? = nil, files: [String: String] = [:], exportedTheme: Bool = false) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-test-\(UUID().uuidString)")
        let fm = FileManager.default
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        if exportedTheme {
            let (_, problems) = ThemeExport.export(to: root.appendingPathComponent("templates"))
            guard problems.isEmpty else { throw CocoaError(.fileWriteUnknown) }
        }
        if example || content != nil {
            try fm.copyItem(at: content ?? Self.exampleContent, to: root.appendingPathComponent("content"))
            // A read-only checkout copies as read-only; tests edit their own copy, never the fixture.
            try run("chmod", "-R", "u+w", root.path)
        }
        for (path, text) in files { try write(path, text) }
    }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// A built-in theme file's text (`page.mustache`, `i18n/en.yml`), to override it with an edited copy.
    static func builtin(_ themePath: String) throws -> String {
        guard let bytes = BuiltinTheme.files[themePath] else { throw CocoaError(.fileNoSuchFile) }
        return String(decoding: bytes, as: UTF8.self)
    }

    func remove(_ path: String) throws { try FileManager.default.removeItem(at: root.appendingPathComponent(path)) }

    func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    func page(_ urlPath: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(urlPath).appendingPathComponent("index.html"), encoding: .utf8)
    }

    func exists(_ outputPath: String) -> Bool {
        FileManager.default.fileExists(atPath: output.appendingPathComponent(outputPath).path)
    }

    @discardableResult
    func build(drafts: Bool = false, full: Bool = false, output: URL? = nil, date: LocalDate = Site.unsetBuildDate) -> BuildReport {
        SiteBuilder.build(BuildOptions(siteDirectory: root, outputDirectory: output ?? self.output, includeDrafts: drafts, full: full,
                                       buildDate: date))
    }

    /// Rebuilds over the last output, builds the same content from nothing into `clean/`, and names
    /// every file that differs between the two (`context` says which edit, in the issues recorded).
    /// Returns the rebuild's report; nil when either build failed.
    @discardableResult
    func rebuildMatchesCleanBuild(_ context: String = "", date: LocalDate = Site.unsetBuildDate) throws -> BuildReport? {
        let incremental = build(date: date)
        let folder = root.appendingPathComponent("clean")
        defer { try? FileManager.default.removeItem(at: folder) }
        let clean = build(full: true, output: folder, date: date)
        guard incremental.published, clean.published, clean.pagesRendered == clean.pagesWritten else {
            Issue.record("\(context): not built: \((incremental.diagnostics + clean.diagnostics).filter { $0.severity == .error })")
            return nil
        }
        let a = try snapshot(), b = try snapshot(folder)
        if a.keys.sorted() != b.keys.sorted() { Issue.record("\(context): not the same files as a clean build") }
        for (path, bytes) in b where a[path] != bytes { Issue.record("\(context): \(path) differs from a clean build") }
        return incremental
    }

    func check(date: LocalDate = Site.unsetBuildDate) -> BuildReport {
        SiteBuilder.check(BuildOptions(siteDirectory: root, buildDate: date))
    }

    /// Every file under the output folder with its bytes, for byte-for-byte comparisons. A folder that is not
    /// there throws: two builds that both wrote nothing must not compare equal as two empty snapshots.
    func snapshot(_ folder: URL? = nil) throws -> [String: Data] {
        let base = folder ?? output
        var files: [String: Data] = [:]
        guard let paths = FileManager.default.enumerator(atPath: base.path), FileManager.default.fileExists(atPath: base.path) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: base.path])
        }
        for case let path as String in paths {
            var isDirectory: ObjCBool = false
            let url = base.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = try Data(contentsOf: url)
            }
        }
        return files
    }

    func run(_ args: String...) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = args
        try p.run(); p.waitUntilExit()
    }

    func cleanUp() { try? FileManager.default.removeItem(at: root) }
}
