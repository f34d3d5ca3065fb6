import Foundation
import Testing
import ThiDuaSite

/// A build over an output folder it made before renders again only what changed, and gives
/// exactly the bytes a build from nothing gives: for each kind of edit staff make, the site is
/// built, edited, built again over its own output, and compared with a clean build of the edit.
@Suite("Incremental rebuilds", .serialized)
struct IncrementalBuildTests {
    /// One edit a person makes between two builds.
    struct Edit: CustomTestStringConvertible, Sendable {
        let name: String
        let apply: @Sendable (TestSite) throws -> Void
        var testDescription: String { name }

        static func replace(_ name: String, in file: String, _ old: String, _ new: String) -> Edit {
            Edit(name: name) { site in
                let text = try site.read(file)
                guard text.contains(old) else { throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: "\(file): no '\(old)'"]) }
                try site.write(file, text.replacingOccurrences(of: old, with: new))
            }
        }
    }

    static let person = "content/individuals/lo-thi-mai.vi.md"
    static let edits: [Edit] = [
        .replace("a profile's body", in: person, "Cô Mai là", "Từ năm 2014, cô Mai là"),
        .replace("a person's unit", in: person, "unit: cd-truong-th-ban-giang", "unit: ldld-tinh-lai-chau"),
        .replace("a campaign's title", in: "content/campaigns/thi-dua-2021-2025.vi.md", "title: ", "title: Đợt mới – "),
        .replace("consent withdrawn", in: person, "consent: true", "consent: false"),
        Edit(name: "a file deleted") { try $0.remove("content/stories/co-giao-ban-giang.vi.md") },
        .replace("a template", in: "templates/partials/card.mustache", "<", "<!-- sửa -->\n<"),
        .replace("a string", in: "templates/i18n/vi.yml", "home: Trang chủ", "home: Trang nhà"),
        .replace("site.yml", in: "content/site.yml", "title:", "# một dòng ghi chú\ntitle:"),
        Edit(name: "a template removed, so the built-in one shows again") { try $0.remove("templates/partials/footer.mustache") },
    ]

    @Test("a given name, which no card shows but lists sort by, reorders the lists it is in")
    func givenNameReorders() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let text = try site.read(Self.person)
        try site.write("content/individuals/lo-thi-an.vi.md", text
            .replacingOccurrences(of: "name: Lò Thị Mai", with: "name: Lò Thị An")
            .replacingOccurrences(of: "featured: true", with: "featured: false"))
        #expect(site.build().published)
        let before = try site.page("phong-trao/thi-dua-2021-2025")
        try site.write(Self.person, text.replacingOccurrences(of: "name: Lò Thị Mai\n", with: "name: Lò Thị Mai\ngiven_name: A Mai\n"))
        #expect(try site.rebuildMatchesCleanBuild("given_name") != nil)
        #expect(try site.page("phong-trao/thi-dua-2021-2025") != before, "Mai now sorts before An")
    }

    @Test("a site without templates/ that gains an override renders again what the override changes")
    func overrideAdded() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        #expect(site.build().published)
        try site.write("templates/partials/footer.mustache", "<footer>Bản riêng</footer>\n")
        let incremental = try #require(try site.rebuildMatchesCleanBuild("an override added"))
        #expect(incremental.pagesRendered == incremental.pagesWritten, "every page has the footer")
    }

    @Test("an edit rebuilt over the last output gives the bytes of a clean build", arguments: edits)
    func incrementalEqualsClean(_ edit: Edit) throws {
        let site = try TestSite(exportedTheme: true)
        defer { site.cleanUp() }
        let first = site.build()
        #expect(first.published && first.pagesRendered == first.pagesWritten, "the first build renders every page")

        try edit.apply(site)
        #expect(try site.rebuildMatchesCleanBuild(edit.name) != nil)
    }

    @Test("a one-sentence edit of a profile renders only the pages that show it")
    func oneEditRendersFewPages() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        #expect(site.build().published)
        let unchanged = site.build()
        #expect(unchanged.pagesRendered == 0, "nothing changed, nothing is rendered")

        let english = try RebuildTests.identity(site, "en/individuals/lo-thi-mai/index.html")
        try Edit.edits(named: "a profile's body").apply(site)
        let after = site.build()
        // Her pages in both languages are made from her Vietnamese file (the English one falls back to
        // it for her name); no other page shows her body.
        #expect(after.pagesRendered == 2, "rendered \(after.pagesRendered) of \(after.pagesWritten)")
        #expect(try site.page("ca-nhan/lo-thi-mai").contains("Từ năm 2014, cô Mai là"))
        #expect(try RebuildTests.identity(site, "en/individuals/lo-thi-mai/index.html") == english,
                "the English page, the same bytes, keeps its file")
    }

    @Test("a damaged cache is ignored with a note, and the site is still right")
    func damagedCacheIsIgnored() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        #expect(site.build().published)
        let cache = site.root.appendingPathComponent(".output.thidua-cache")
        var bytes = try [UInt8](Data(contentsOf: cache))
        #expect(bytes.count > 100)
        bytes[bytes.count / 2] ^= 0xFF
        try Data(bytes).write(to: cache)

        try Edit.edits(named: "a campaign's title").apply(site)
        let report = site.build()
        #expect(report.published)
        #expect(report.notes.count == 1 && report.notes[0][.en]?.contains("damaged") == true)
        #expect(report.pagesRendered == report.pagesWritten, "nothing is reused from a damaged cache")
        #expect(try site.page("phong-trao/thi-dua-2021-2025").contains("Đợt mới – "))
    }

    @Test("a page edited by hand in the output is made again, not kept")
    func handEditedOutputIsRebuilt() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        #expect(site.build().published)
        let page = site.output.appendingPathComponent("gioi-thieu/index.html")
        let original = try Data(contentsOf: page)
        try FileManager.default.removeItem(at: page)   // a new file: another inode, as an editor's save makes
        try Data("sửa tay".utf8).write(to: page)
        let report = site.build()
        #expect(report.pagesRendered == 1)
        #expect(try Data(contentsOf: page) == original)
    }
}

extension IncrementalBuildTests.Edit {
    static func edits(named name: String) -> Self { IncrementalBuildTests.edits.first { $0.name == name }! }
}
