import Foundation
import Testing
import ThiDuaSite

/// Whole pages of a small site, rendered with the default templates, compared with the HTML a
/// person has read and approved (`Fixtures/golden/pages/`). The site is `Fixtures/golden/content/`,
/// a frozen copy of the example site (one of each kind; a translated person, campaign, unit,
/// award and page; an untranslated collective and story), so the pages change only when the
/// renderer or the theme does.
///
/// After a deliberate change to the templates or the renderer, write the pages anew, read the diff, commit it:
///
///     THIDUA_UPDATE_GOLDEN=1 swift test --filter GoldenPageTests
@Suite("Golden pages: the renderer and the default theme", .serialized)
struct GoldenPageTests {
    static let fixtures = TestSite.example
    static let updating = ProcessInfo.processInfo.environment["THIDUA_UPDATE_GOLDEN"] == "1"

    /// Every kind of page, in both languages, and the pages made from untranslated text.
    static let pages = [
        "", "en",
        "ca-nhan/lo-thi-mai", "en/individuals/lo-thi-mai",
        "tap-the/to-1-truong-th-ban-giang", "en/collectives/to-1-truong-th-ban-giang",
        "phong-trao/thi-dua-2021-2025", "en/campaigns/thi-dua-2021-2025",
        "don-vi/cd-truong-th-ban-giang", "en/units/ldld-tinh-lai-chau",
        "khen-thuong/qd-125-2023", "en/awards/qd-125-2023",
        "tin-tuc/co-giao-ban-giang", "en/stories/co-giao-ban-giang",
        "gioi-thieu", "en/gioi-thieu",
        "ca-nhan", "en/awards",
        "bao-cao", "en/reports", "bao-cao/2023", "en/reports/2024",
        "bao-cao/phong-trao/thi-dua-2021-2025", "en/reports/campaigns/thi-dua-2021-2025",
        "ca-nhan/linh-vuc/education", "en/collectives/stage/nurtured", "tap-the/nam/2024", "en/individuals/district/tam-duong",
    ]

    /// `ca-nhan/lo-thi-mai` → `ca-nhan--lo-thi-mai.html`; the home pages are `index.html` and `en.html`.
    static func goldenName(_ page: String) -> String {
        page.isEmpty ? "index.html" : page.replacingOccurrences(of: "/", with: "--") + ".html"
    }

    @Test("every kind of page, in both languages, is the approved HTML")
    func pagesMatchTheApprovedHTML() throws {
        let site = try TestSite(content: Self.fixtures.appendingPathComponent("content"))
        defer { site.cleanUp() }
        let report = site.build()
        #expect(!report.diagnostics.hasErrors, "\(report.diagnostics)")
        let folder = Self.fixtures.appendingPathComponent("pages")
        if Self.updating { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        for page in Self.pages {
            let actual = try site.page(page)
            let file = folder.appendingPathComponent(Self.goldenName(page))
            if Self.updating {
                try Data(actual.utf8).write(to: file)
                continue
            }
            let expected = try String(contentsOf: file, encoding: .utf8)
            #expect(actual == expected, "/\(page)/ differs from \(file.lastPathComponent):\n\(Self.firstDifference(expected, actual))")
        }
    }

    @Test("no approved page is left over from a page the site no longer has")
    func noStaleGoldenFiles() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.appendingPathComponent("pages").path)
        #expect(Set(names) == Set(Self.pages.map(Self.goldenName)))
    }

    /// The first differing line with two lines of context either side, as `-expected` / `+actual`.
    static func firstDifference(_ expected: String, _ actual: String) -> String {
        let a = expected.components(separatedBy: "\n"), b = actual.components(separatedBy: "\n")
        guard let i = (0..<max(a.count, b.count)).first(where: { $0 >= a.count || $0 >= b.count || a[$0] != b[$0] }) else {
            return "(no line differs)"
        }
        var out = ["line \(i + 1):"]
        for j in max(0, i - 2)..<i { out.append("  " + a[j]) }
        for j in i..<min(a.count, i + 3) { out.append("- " + a[j]) }
        for j in i..<min(b.count, i + 3) { out.append("+ " + b[j]) }
        return out.joined(separator: "\n")
    }
}
