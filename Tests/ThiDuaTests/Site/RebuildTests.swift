import Foundation
import Testing
import ThiDuaSite

/// A rebuild over a published site: what did not change stays the same file (so rsync or a
/// CDN sync sends only what changed), what changed is replaced, and nothing else is touched.
@Suite("Rebuilding over a published site", .serialized)
struct RebuildTests {
    /// Inode and modification time (to the nanosecond) of a file in the output folder.
    static func identity(_ site: TestSite, _ path: String) throws -> (UInt64, Int, Int) {
        var info = stat()
        guard stat(site.output.appendingPathComponent(path).path, &info) == 0 else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        return (UInt64(info.st_ino), info.st_mtim.tv_sec, info.st_mtim.tv_nsec)
    }

    @Test("unchanged pages, assets and photos keep their file; a changed page is written anew")
    func unchangedFilesAreKept() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        #expect(site.build().published)
        let unchanged = ["tin-tuc/co-giao-ban-giang/index.html", "assets/site.css", "media/lo-thi-mai.jpg/600.webp",
                         "media/lo-thi-mai.jpg/share.jpg"]
        let before = try unchanged.map { try Self.identity(site, $0) }
        let changedBefore = try Self.identity(site, "gioi-thieu/index.html")

        let about = try site.read("content/pages/gioi-thieu.vi.md")
        try site.write("content/pages/gioi-thieu.vi.md", about + "\nMột đoạn mới.\n")
        #expect(site.build().published)

        let after = try unchanged.map { try Self.identity(site, $0) }
        for (path, (b, a)) in zip(unchanged, zip(before, after)) {
            #expect(a == b, "\(path) was rewritten although its bytes did not change")
        }
        #expect(try Self.identity(site, "gioi-thieu/index.html").0 != changedBefore.0, "the changed page is a new file")
        #expect(try site.page("gioi-thieu").contains("Một đoạn mới."))
    }

    @Test("a rebuild gives the same bytes as a build into an empty folder")
    func rebuildEqualsCleanBuild() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        #expect(site.build().published)
        try site.write("content/pages/gioi-thieu.vi.md", try site.read("content/pages/gioi-thieu.vi.md") + "\nThêm.\n")
        #expect(site.build().published)
        let rebuilt = try site.snapshot()
        let clean = site.root.appendingPathComponent("clean")
        #expect(site.build(output: clean).published)
        #expect(rebuilt == (try site.snapshot(clean)))
    }

    @Test("a page's file that someone replaced by a link in the published site is written, not linked")
    func linkInOutputIsNotReused() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        site.build()
        let page = site.output.appendingPathComponent("gioi-thieu/index.html")
        let elsewhere = site.root.appendingPathComponent("elsewhere.html")
        try FileManager.default.moveItem(at: page, to: elsewhere)
        try FileManager.default.createSymbolicLink(at: page, withDestinationURL: elsewhere)
        #expect(site.build().published)
        let attributes = try FileManager.default.attributesOfItem(atPath: page.path)
        #expect(attributes[.type] as? FileAttributeType == .typeRegular)
    }
}
