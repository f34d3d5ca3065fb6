import Foundation
import Testing
import ThiDuaContent
import ThiDuaModel

private typealias F = ContentFixture

/// The loader's behaviour beyond single rules: the model it builds, pixel sizes,
/// the disk source's handling of links, order and repeatability.
@Suite("Content: loader")
struct ContentLoaderTests {
    @Test func givenNameDefaultsToTheLastWordAndMayBeGiven() {
        #expect(F.load().site.individuals.first?.givenName == "Mai")
        let text = F.individual.replacingOccurrences(of: "name: Lò Thị Mai", with: "name: Nguyễn Trường Sơn\ngiven_name: Trường Sơn")
        let person = F.load(["content/individuals/lo-thi-mai.vi.md": text]).site.individuals.first
        #expect(person?.givenName == "Trường Sơn")
    }

    @Test func draftAndSampleFlags() {
        let text = F.page.replacingOccurrences(of: "menu: 1", with: "menu: 1\ndraft: true\nsample: true")
        let r = F.load(["content/pages/gioi-thieu.vi.md": text])
        #expect(r.diagnostics.isEmpty)
        #expect(r.site.pages.first?.entry.isDraft == true)
        #expect(r.site.pages.first?.entry.isSample == true)
        #expect(r.site.published(includeDrafts: false).pages.isEmpty)
        #expect(F.load().site.pages.first?.entry.isDraft == false)
    }

    @Test func bodiesPerLanguageAndTranslations() {
        let site = F.load().site
        let mai = site.individuals.first
        #expect(mai?.entry.body[.vi] == "\nCô Mai.\n")
        #expect(mai?.entry.body[.en] == "\nMs Mai.\n")
        #expect(mai?.entry.translations == [.vi, .en])
        #expect(mai?.position[.en] == "Teacher")
        #expect(mai?.name == "Lò Thị Mai")
        #expect(site.collectives.first?.entry.translations == [.vi])
    }

    @Test func sourceMapLinesOfTheBody() {
        let r = F.load()
        let ref = EntityRef(kind: .stories, id: "co-giao")
        #expect(r.sources.file(for: ref, language: .vi) == "content/stories/co-giao.vi.md")
        #expect(r.sources.bodyStartLine(for: ref, language: .vi) == 6)
        #expect(r.sources.file(for: ref, language: .en) == nil)
    }

    @Test func entityWithAnErrorIsLeftOutButTheRestLoads() {
        let text = F.unitRoot.replacingOccurrences(of: "kind: province-federation", with: "kind: province")
        let r = F.load(["content/units/ldld-tinh.vi.md": text])
        #expect(r.diagnostics.map(\.code) == [.enumInvalid])
        #expect(r.diagnostics.hasErrors)
        #expect(r.site.units.map(\.id.rawValue) == ["cd-truong"])
        #expect(r.site.individuals.count == 1)
    }

    @Test func sameInputSameResult() {
        var files = F.files
        for i in 0..<300 {
            files["content/stories/tin-\(i).vi.md"] = F.story.replacingOccurrences(of: "lo-thi-mai,", with: "nguoi-\(i % 7),")
        }
        let a = SiteLoader.load(from: MemorySource(files))
        let b = SiteLoader.load(from: MemorySource(files))
        #expect(a.diagnostics == b.diagnostics)
        #expect(a.diagnostics.count == 300 + 1, "one unknown reference per story, and the missing photo")
        #expect(a.diagnostics == a.diagnostics.sorted())
        #expect(a.site.stories.map(\.id) == b.site.stories.map(\.id))
        #expect(a.site.stories.map(\.id) == a.site.stories.map(\.id).sorted())
    }

    @Test func diagnosticsAreEachReportedOnce() {
        let text = F.individual.replacingOccurrences(of: "campaigns: [thi-dua]", with: "campaigns: [thi-dau, thi-dau]")
        let d = F.diagnostics(["content/individuals/lo-thi-mai.vi.md": text])
        #expect(d.count == 2, "two references, at two columns: \(render(d))")
        #expect(Set(d).count == d.count)
    }

    // MARK: Pixel sizes

    /// Real pictures, encoded by libvips, and an SVG with explicit sizes; a phone's JPEG stored
    /// landscape with EXIF orientation 6 has the size it is shown at, upright.
    static let pictures: [(String, [UInt8], Int, Int)] = [
        ("png", TestPhotos.png(width: 800, height: 600), 800, 600),
        ("jpg", TestPhotos.phoneJPEG(width: 640, height: 480), 480, 640),
        ("jpeg", TestPhotos.phoneJPEG(width: 640, height: 480, orientation: 1), 640, 480),
        ("svg", Array("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\" width=\"120px\" height='80'>".utf8), 120, 80),
    ]

    @Test(arguments: pictures)
    func pixelSizeFromTheHeader(_ ext: String, _ bytes: [UInt8], _ width: Int, _ height: Int) {
        let r = F.load([:], bytes: ["content/media/sub/anh.\(ext)": bytes])
        let info = r.site.media[MediaPath("media/sub/anh.\(ext)")]
        #expect(info?.byteCount == bytes.count)
        #expect(info?.width == width)
        #expect(info?.height == height)
    }

    @Test(arguments: [[UInt8](), Array("%PDF-1.4".utf8), Array("<svg width=\"100%\" height=\"50%\">".utf8), [0xFF, 0xD8, 0xFF]])
    func noPixelSizeWhenTheHeaderDoesNotSayOne(_ bytes: [UInt8]) {
        let info = F.load([:], bytes: ["content/media/tai-lieu.bin": bytes]).site.media[MediaPath("media/tai-lieu.bin")]
        #expect(info?.byteCount == bytes.count)
        #expect(info?.width == nil)
        #expect(info?.height == nil)
    }

    // MARK: The disk

    /// A site folder in a temporary directory, removed afterwards.
    private func withTemporarySite(_ body: (URL) throws -> Void) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-content-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let fm = FileManager.default
        for (path, text) in F.files {
            let url = root.appendingPathComponent(path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try fm.createDirectory(at: root.appendingPathComponent("content/media"), withIntermediateDirectories: true)
        try Data(F.png).write(to: root.appendingPathComponent("content/media/mai.png"))
        try body(root)
    }

    @Test func diskSourceReadsTheSameSiteAsMemory() throws {
        try withTemporarySite { root in
            let r = SiteLoader.load(from: DiskSource(siteDirectory: root))
            #expect(r.diagnostics.isEmpty, "\(render(r.diagnostics))")
            #expect(r.site.individuals.count == 1)
            #expect(r.site.media[MediaPath("media/mai.png")]?.width == 600)
            let listed = try DiskSource(siteDirectory: root).listFiles()
            #expect(listed.first == "content/awards/qd-125.vi.md")
            #expect(listed.allSatisfy { $0.hasPrefix("content/") })
        }
    }

    @Test func linkOutOfTheMediaFolderIsNotFollowed() throws {
        try withTemporarySite { root in
            let secret = root.appendingPathComponent("secret.png")
            try Data(F.png).write(to: secret)
            try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("content/media/leak.png"), withDestinationURL: secret)
            #expect(throws: ContentSourceError.linkOutside(path: "content/media/leak.png")) {
                try DiskSource(siteDirectory: root).read("content/media/leak.png")
            }
            let r = SiteLoader.load(from: DiskSource(siteDirectory: root))
            let d = single(r.diagnostics)
            expectDiagnostic(d, .error, .mediaOutside, file: "content/media/leak.png", line: nil)
            #expect(r.site.media[MediaPath("media/leak.png")] == nil)
        }
    }

    @Test func linkOutOfContentIsNotFollowed() throws {
        try withTemporarySite { root in
            let outside = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-outside-\(UUID().uuidString).md")
            defer { try? FileManager.default.removeItem(at: outside) }
            try Data(F.page.utf8).write(to: outside)
            try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("content/pages/lien-he.vi.md"), withDestinationURL: outside)
            let d = single(SiteLoader.load(from: DiskSource(siteDirectory: root)).diagnostics)
            expectDiagnostic(d, .error, .linkOutside, file: "content/pages/lien-he.vi.md", line: nil)
        }
    }

    @Test func linkInsideContentIsFollowed() throws {
        try withTemporarySite { root in
            try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("content/media/mai-2.png").path,
                                                       withDestinationPath: "mai.png")
            let r = SiteLoader.load(from: DiskSource(siteDirectory: root))
            // Read through the link; no content uses it, so it is only said to be unused.
            #expect(r.diagnostics.map(\.code) == [.mediaUnused], "\(render(r.diagnostics))")
            #expect(r.site.media[MediaPath("media/mai-2.png")]?.height == 400)
        }
    }

    @Test func linkedFolderIsNotEntered() throws {
        try withTemporarySite { root in
            let elsewhere = root.appendingPathComponent("elsewhere")
            try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
            try Data(F.png).write(to: elsewhere.appendingPathComponent("x.png"))
            try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("content/media/more"), withDestinationURL: elsewhere)
            let source = DiskSource(siteDirectory: root)
            #expect(try !source.listFiles().contains("content/media/more/x.png"))
            #expect(throws: ContentSourceError.linkOutside(path: "content/media/more/x.png")) {
                try source.read("content/media/more/x.png")
            }
            let d = single(SiteLoader.load(from: source).diagnostics)
            expectDiagnostic(d, .error, .mediaOutside, file: "content/media/more", line: nil)
        }
    }

    @Test func readRefusesPathsThatClimbOut() throws {
        try withTemporarySite { root in
            #expect(throws: ContentSourceError.notFound("content/../secret")) {
                try DiskSource(siteDirectory: root).read("content/../secret")
            }
        }
    }
}
