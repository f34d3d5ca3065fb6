import Foundation
import Testing
import ThiDuaModel
import ThiDuaSite

/// What reaches the site from content/media/: only what published content shows, photos only
/// re-encoded, never HTML, scripts or SVG that can run code; a signed decision's PDF as it is.
@Suite("Media policy", .serialized)
struct MediaPolicyTests {
    static let award = "content/awards/qd-125-2023.vi.md"

    @Test("an SVG with a script, an SVG with an event handler or an outside reference, and an HTML page are refused, used or not, naming the file")
    func activeFilesAreRefused() throws {
        let files = [
            "content/media/evil.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(document.cookie)</script></svg>",
            "content/media/onload.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><rect width=\"1\" height=\"1\"/></svg>",
            "content/media/tracker.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"><image href=\"https://evil.example/x.png\"/></svg>",
            "content/media/login.html": "<!doctype html><form action=\"https://evil.example\"><input name=p></form>",
            "content/media/page.jpg": "<html><body><script>alert(1)</script></body></html>",
        ]
        let site = try TestSite(files: files)
        defer { site.cleanUp() }
        #expect(site.check().diagnostics.filter { $0.code == .mediaRefused }.count == files.count)
        let report = site.build()
        #expect(!report.published)
        for path in files.keys.sorted() {
            let d = try #require(report.diagnostics.first { $0.file == path }, "\(path) is not named")
            #expect(d.code == .mediaRefused && d.severity == .error, "\(path): \(d.code)")
            #expect(d.fix?[.en]?.contains("Remove the file from content/media/") == true)
        }
        #expect(!site.exists("media/evil.svg") && !site.exists("media/login.html"))
    }

    @Test("a plain SVG used as a photo is published as it is; media nothing uses are warned about and not published")
    func unusedMediaAreNotPublished() throws {
        let site = try TestSite(files: [
            "content/media/logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" height=\"90\" viewBox=\"0 0 120 90\"><circle cx=\"60\" cy=\"45\" r=\"40\" fill=\"#b3141c\"/></svg>",
            "content/media/old-draft.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>",
            "content/media/notes.txt": "ghi chú",
        ])
        defer { site.cleanUp() }
        let story = "content/stories/co-giao-ban-giang.vi.md"
        let text = try site.read(story)
        try site.write(story, text.replacingOccurrences(of: "---\n\n", with: "image: media/logo.svg\nimage_alt: Biểu trưng\n---\n\n"))
        let report = site.build()
        #expect(report.published, "\(report.diagnostics)")
        let unused = report.diagnostics.filter { $0.code == .mediaUnused }.compactMap(\.file).sorted()
        #expect(unused == ["content/media/notes.txt", "content/media/old-draft.svg"])
        #expect(site.exists("media/logo.svg"))
        #expect(!site.exists("media/old-draft.svg") && !site.exists("media/notes.txt"))
        #expect(try site.page("tin-tuc/co-giao-ban-giang").contains("<img src=\"/media/logo.svg\" alt=\"Biểu trưng\" width=\"120\" height=\"90\""))
    }

    @Test("a decision's signed PDF, named as its attachment, is published as it is and linked from its page; anything else there is an error")
    func attachmentIsAPDF() throws {
        let pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
        let site = try TestSite(files: ["content/media/qd-125-2023.pdf": pdf])
        defer { site.cleanUp() }
        let text = try site.read(Self.award)
        try site.write(Self.award, text.replacingOccurrences(of: "decision:", with: "attachment: media/qd-125-2023.pdf\ndecision:"))
        let report = site.build()
        #expect(report.published, "\(report.diagnostics)")
        #expect(try site.read("output/media/qd-125-2023.pdf") == pdf)
        let page = try site.page("khen-thuong/qd-125-2023")
        #expect(page.contains("<a href=\"/media/qd-125-2023.pdf\" type=\"application/pdf\">Bản quyết định đã ký</a> (PDF, 1 KB)"))
        #expect(try site.page("en/awards/qd-125-2023").contains(">The signed decision</a>"))

        try site.write(Self.award, text.replacingOccurrences(of: "decision:", with: "attachment: media/lo-thi-mai.jpg\ndecision:"))
        let wrong = site.build()
        let d = try #require(wrong.diagnostics.first { $0.code == .mediaNotDocument })
        #expect(d.file == Self.award && d.line != nil)
        #expect(d.message[.en] == "'attachment' must be a PDF (the signed decision), but 'content/media/lo-thi-mai.jpg' is not a PDF.")
        #expect(!wrong.published)
    }

    @Test("a person or collective without a photo gets their initials drawn on a colour of their id, hidden from screen readers, the same every build")
    func placeholderInsteadOfAnEmptyBox() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let person = "content/individuals/lo-thi-mai.vi.md"
        try site.write(person, try site.read(person).replacingOccurrences(of: "photo: media/lo-thi-mai.jpg\n", with: ""))
        #expect(site.build().published)
        let page = try site.page("ca-nhan/lo-thi-mai")
        let drawn = try #require(page.firstRange(of: #/<svg class="placeholder entity-photo"[^>]*aria-hidden="true"[^>]*>.*?</svg>/#))
        #expect(page[drawn].contains(">LM</text>"))
        #expect(!page.contains("<img class=\"entity-photo\""))
        let list = try site.page("ca-nhan")
        #expect(list.contains("<svg class=\"placeholder card-image\""))
        // The colour is the id's, whatever else changes.
        let match = try #require(String(page[drawn]).firstMatch(of: #/fill="(#[0-9a-f]{6})"/#))
        let colour = String(match.output.1)
        #expect(try site.rebuildMatchesCleanBuild("placeholder") != nil)
        #expect(try site.page("ca-nhan/lo-thi-mai").contains("fill=\"\(colour)\""))
    }

    @Test("the page's top photo loads at once; the cards' photos wait until scrolled near")
    func firstPhotoIsNotLazy() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        #expect(site.build().published)
        let page = try site.page("ca-nhan/lo-thi-mai")
        let header = try #require(page.firstRange(of: #/<img class="entity-photo"[^>]*>/#))
        #expect(!page[header].contains("loading=\"lazy\"") && page[header].contains("fetchpriority=\"high\""))
        // A list opens with its first card, whose picture loads at once; the next cards' wait.
        let person = try site.read("content/individuals/lo-thi-mai.vi.md")
        try site.write("content/individuals/lo-thi-an.vi.md", person.replacingOccurrences(of: "name: Lò Thị Mai", with: "name: Lò Thị Bình"))
        #expect(site.build().published)
        let list = try site.page("ca-nhan")
        let cards = list.matches(of: #/<img class="card-image"[^>]*>/#).map { String(list[$0.range]) }
        #expect(cards.count == 2)
        #expect(cards.first?.contains("fetchpriority=\"high\"") == true && cards.first?.contains("loading=\"lazy\"") == false)
        #expect(cards.last?.contains("loading=\"lazy\"") == true)
        #expect(cards.allSatisfy { $0.contains("width=\"600\" height=\"800\"") })
        // On the person's own page, the same card (among the stories' or a unit's) stays lazy.
        #expect(try site.page("don-vi/cd-truong-th-ban-giang").contains("loading=\"lazy\""))
    }
}
