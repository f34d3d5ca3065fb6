import Foundation
import Testing
import ThiDuaContent
import ThiDuaModel
import ThiDuaSite
import ThiDuaTheme

/// The built-in theme, a site's templates/ over it, `thidua theme export`, and one symbolic-link
/// policy for everything a build reads.
@Suite("The built-in theme and the source seam", .serialized)
struct ThemeTests {
    @Test("a site folder with only content/ builds with the built-in look")
    func onlyContentBuilds() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("templates").path))
        let report = site.build()
        #expect(report.published, "\(report.diagnostics)")
        #expect(!report.diagnostics.hasErrors, "\(report.diagnostics)")
        let css = try Data(contentsOf: site.output.appendingPathComponent("assets/site.css"))
        #expect([UInt8](css) == BuiltinTheme.files["assets/site.css"])
        #expect(try site.page("").contains("assets/site.css"))
    }

    @Test("a site with only content/ gives byte for byte the output of the same site with the default templates copied in")
    func builtinEqualsExported() throws {
        let plain = try TestSite(), exported = try TestSite(exportedTheme: true)
        defer { plain.cleanUp(); exported.cleanUp() }
        #expect(try exported.read("templates/layout.mustache") == TestSite.builtin("layout.mustache"))
        #expect(plain.build().published)
        #expect(exported.build().published)
        let a = try plain.snapshot(), b = try exported.snapshot()
        #expect(a.count > 20, "a whole site: pages, assets and media")
        #expect(a.keys.sorted() == b.keys.sorted())
        for (path, bytes) in a { #expect(b[path] == bytes, "\(path) differs") }
    }

    @Test("overriding one template changes only the pages made from it, and only by what the override adds")
    func overrideOneTemplate() throws {
        let plain = try TestSite(), custom = try TestSite()
        defer { plain.cleanUp(); custom.cleanUp() }
        let marker = "<p class=\"override-marker\">x</p>\n"
        try custom.write("templates/page.mustache", try TestSite.builtin("page.mustache") + marker)
        #expect(plain.build().published)
        let report = custom.build()
        #expect(report.published, "\(report.diagnostics)")
        let a = try plain.snapshot(), b = try custom.snapshot()
        #expect(a.keys.sorted() == b.keys.sorted())
        let changed = a.keys.filter { a[$0] != b[$0] }.sorted()
        #expect(changed.contains("gioi-thieu/index.html"), "\(changed)")
        #expect(!changed.contains("index.html") && !changed.contains("assets/site.css") && !changed.contains("ca-nhan/index.html"))
        for path in changed {
            let text = String(decoding: b[path]!, as: UTF8.self)
            #expect(Data(text.replacingOccurrences(of: marker, with: "").utf8) == a[path], "\(path) changed by more than the marker")
        }
    }

    @Test("theme export writes every built-in file, and refuses to overwrite any, writing nothing")
    func export() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-export-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let (written, problems) = ThemeExport.export(to: folder)
        #expect(problems.isEmpty, "\(problems)")
        #expect(written == BuiltinTheme.files.keys.sorted())
        for (path, bytes) in BuiltinTheme.files {
            #expect([UInt8](try Data(contentsOf: folder.appendingPathComponent(path))) == bytes, "\(path)")
        }
        let again = ThemeExport.export(to: folder)
        #expect(again.written.isEmpty)
        // One message for them all, with how many and the first few, not one per file.
        #expect(again.diagnostics.count == 1)
        let refusal = try #require(again.diagnostics.first)
        #expect(refusal.code == .themeExists && refusal.severity == .error)
        #expect(refusal.message[.en]?.contains("\(BuiltinTheme.files.count) files") == true)
        #expect(refusal.message[.en]?.contains("and \(BuiltinTheme.files.count - 3) more") == true)

        // One file already there: it is kept as it was, and no other file is written.
        let other = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-export-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: other) }
        try FileManager.default.createDirectory(at: other.appendingPathComponent("partials"), withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: other.appendingPathComponent("partials/footer.mustache"))
        let refused = ThemeExport.export(to: other)
        let d = try #require(refused.diagnostics.first)
        #expect(refused.diagnostics.count == 1)
        #expect(d.file == other.appendingPathComponent("partials/footer.mustache").path)
        #expect(d.message[.en]?.contains("already exists") == true)
        #expect(d.message[.vi]?.contains("đã có") == true)
        #expect(try String(contentsOf: other.appendingPathComponent("partials/footer.mustache"), encoding: .utf8) == "mine")
        #expect(try FileManager.default.contentsOfDirectory(atPath: other.path) == ["partials"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: other.appendingPathComponent("partials").path) == ["footer.mustache"])
    }

    /// The errors of check and of build, which must be the same.
    static func verdicts(_ site: TestSite) -> (check: [Diagnostic], build: [Diagnostic], published: Bool) {
        let check = site.check().diagnostics.filter { $0.severity == .error }
        let build = site.build()
        return (check, build.diagnostics.filter { $0.severity == .error }, build.published)
    }

    @Test("a link in content/media to another media file is accepted by check and build alike, and publishes the target's bytes")
    func mediaLinkInside() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("content/media/alias.jpg").path,
                                                   withDestinationPath: "lo-thi-mai.jpg")
        // The story shows the photo through the link (only media that content shows are published).
        let story = "content/stories/co-giao-ban-giang.vi.md"
        try site.write(story, try site.read(story).replacingOccurrences(of: "---\n\n", with: "image: media/alias.jpg\nimage_alt: Cô Mai\n---\n\n"))
        let (check, build, published) = Self.verdicts(site)
        #expect(check.isEmpty, "\(check)")
        #expect(build.isEmpty, "\(build)")
        #expect(published)
        // The target's pixels, re-encoded: the same renditions as the photo itself.
        let alias = try Data(contentsOf: site.output.appendingPathComponent("media/alias.jpg/600.jpg"))
        #expect(alias == (try Data(contentsOf: site.output.appendingPathComponent("media/lo-thi-mai.jpg/600.jpg"))))
        #expect(try FileManager.default.attributesOfItem(atPath: site.output.appendingPathComponent("media/alias.jpg/600.jpg").path)[.type]
                as? FileAttributeType == .typeRegular)
    }

    @Test("a link in content/media pointing outside content/ is refused by check and build alike, naming the file")
    func mediaLinkOutside() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let secret = site.root.appendingPathComponent("secret.jpg")
        try Data([0xFF, 0xD8, 0xFF]).write(to: secret)
        try FileManager.default.createSymbolicLink(at: site.root.appendingPathComponent("content/media/leak.jpg"), withDestinationURL: secret)
        let (check, build, published) = Self.verdicts(site)
        #expect(check == build)
        let d = try #require(check.first)
        #expect(check.count == 1, "\(check)")
        #expect(d.code == .mediaOutside)
        #expect(d.file == "content/media/leak.jpg")
        #expect(d.message[.en]?.contains("content/media/leak.jpg") == true)
        #expect(d.message[.vi]?.contains("content/media/leak.jpg") == true)
        #expect(!published)
    }

    @Test("a link in templates/ pointing outside templates/ is refused by check and build alike, naming the file; one inside is followed")
    func templateLinks() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let elsewhere = site.root.appendingPathComponent("footer.mustache")
        try Data(TestSite.builtin("partials/footer.mustache").utf8).write(to: elsewhere)
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("templates/partials"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: site.root.appendingPathComponent("templates/partials/footer.mustache"),
                                                   withDestinationURL: elsewhere)
        let (check, build, published) = Self.verdicts(site)
        #expect(check == build)
        #expect(check.map(\.code) == [.linkOutside], "\(check)")
        #expect(check.first?.file == "templates/partials/footer.mustache")
        #expect(check.first?.fix?[.en] == "Replace the link with the file itself, placed inside templates/.")
        #expect(!published)

        // A link to a file inside templates/ is followed, like one inside content/.
        try site.remove("templates/partials/footer.mustache")
        try site.write("templates/partials/my-footer.mustache", TestSite.builtin("partials/footer.mustache") + "<!-- mine -->\n")
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("templates/partials/footer.mustache").path,
                                                   withDestinationPath: "my-footer.mustache")
        let followed = Self.verdicts(site)
        #expect(followed.check.isEmpty && followed.build.isEmpty, "\(followed)")
        #expect(try site.page("").contains("<!-- mine -->"))
    }

    @Test("the tree lays the site's templates/ over the built-in theme")
    func overlayInMemory() throws {
        let tree = SourceTree(MemorySource(["templates/page.mustache": "mine", "templates/.DS_Store": "x", "content/site.yml": ""]))
        let page = try tree.file("templates/page.mustache"), layout = try tree.file("templates/layout.mustache")
        #expect(page.bytes == Array("mine".utf8) && !page.builtin)
        #expect(layout.builtin && layout.bytes == BuiltinTheme.files["layout.mustache"])
        #expect(layout.displayName == "templates/layout.mustache (built-in theme / giao diện có sẵn)")
        let files = try tree.themeFiles()
        #expect(files == BuiltinTheme.files.keys.map { "templates/" + $0 }.sorted())
        #expect(throws: ContentSourceError.notFound("templates/nope.mustache")) { try tree.file("templates/nope.mustache") }
    }

    @Test("the repository's own site has no templates/ folder: it uses the built-in theme")
    func repositoryUsesBuiltinTheme() {
        #expect(!FileManager.default.fileExists(atPath: TestSite.repository.appendingPathComponent("templates").path))
    }
}
