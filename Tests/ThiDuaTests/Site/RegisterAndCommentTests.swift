import Foundation
import Testing
import ThiDuaModel
import ThiDuaRender
import ThiDuaSite

/// The commendation register and the public-comment page of the version-2 example, built on its
/// day: which pages exist, what each lists and in what order, and what they read of other entries.
@Suite("The register and public comment", .serialized)
struct RegisterAndCommentTests {
    @Test func theRegisterHasAPagePerYearLevelAndFormThatHasADecision() throws {
        let site = try TestSite.version2()
        defer { site.cleanUp() }
        #expect(site.build(date: TestSite.version2Date).published)
        for page in ["khen-thuong", "khen-thuong/nam/2024", "khen-thuong/nam/2023", "khen-thuong/cap/provincial", "khen-thuong/cap/district",
                     "khen-thuong/hinh-thuc/certificate-of-merit", "khen-thuong/hinh-thuc/tap-the-lao-dong-xuat-sac",
                     "en/awards", "en/awards/year/2024", "en/awards/level/district", "en/awards/form/tap-the-lao-dong-xuat-sac"] {
            #expect(site.exists(page + "/index.html"), "\(page)")
        }
        // No page for what no decision has.
        #expect(!site.exists("khen-thuong/cap/national/index.html") && !site.exists("khen-thuong/hinh-thuc/emulation-flag/index.html"))
        #expect(!site.exists("khen-thuong/trang/2/index.html"))

        let all = try site.page("khen-thuong")
        // Newest first, grouped by year: 2024's table before 2023's.
        let y2024 = try #require(all.range(of: "id=\"year-2024\">Năm 2024 (1)</th>")), y2023 = try #require(all.range(of: "id=\"year-2023\">Năm 2023 (1)</th>"))
        #expect(y2024.lowerBound < y2023.lowerBound)
        let row30 = try #require(all.range(of: "30/QĐ-LĐLĐ")), row125 = try #require(all.range(of: "125/QĐ-LĐLĐ"))
        #expect(row30.lowerBound < row125.lowerBound)
        #expect(all.contains("<h2 class=\"list-count\">2 quyết định</h2>"))
        // Every recipient linked, with the decision's number, date, issuer, level, form and campaign.
        for text in ["<a href=\"/ca-nhan/lo-thi-mai/\">Lò Thị Mai</a>", "<a href=\"/tap-the/to-1-truong-th-ban-giang/\">",
                     "<time datetime=\"2024-06-10\">10/6/2024</time>", "Liên đoàn Lao động huyện Tam Đường", "<td>Cấp huyện</td>",
                     "<td>Tập thể lao động xuất sắc</td>", "<a href=\"/phong-trao/thi-dua-2021-2025/\">"] {
            #expect(all.contains(text), "\(text)")
        }
        let year = try site.page("khen-thuong/nam/2024")
        #expect(year.contains("30/QĐ-LĐLĐ") && !year.contains("125/QĐ-LĐLĐ"))
        #expect(year.contains("<span aria-current=\"page\">Năm 2024 (1)</span>"))
        let form = try site.page("en/awards/form/certificate-of-merit")
        #expect(form.contains("125/QĐ-LĐLĐ") && !form.contains("30/QĐ-LĐLĐ"))
        #expect(form.contains("<h1>Commendations: Certificate of Merit</h1>"))
        // A decision's page lists its recipients and leads back to its year.
        let decision = try site.page("khen-thuong/qd-30-2024")
        #expect(decision.contains("href=\"/tap-the/to-1-truong-th-ban-giang/\"") && decision.contains("<a href=\"/khen-thuong/nam/2024/\">"))
    }

    @Test func thePublicCommentPageListsTheOpenFirstThenTheClosedThenTheRest() throws {
        let site = try TestSite.version2()
        defer { site.cleanUp() }
        #expect(site.build(date: TestSite.version2Date).published)
        let page = try site.page("lay-y-kien")
        let open = try #require(page.range(of: "Đang lấy ý kiến (1)")), closed = try #require(page.range(of: "Chờ quyết định (1)"))
        let done = try #require(page.range(of: "Đã quyết định hoặc đã rút (2)"))
        #expect(open.lowerBound < closed.lowerBound && closed.lowerBound < done.lowerBound)
        let mai = try #require(page.range(of: "/lay-y-kien/mo-lo-thi-mai/")), to1 = try #require(page.range(of: "/lay-y-kien/cho-to-1/"))
        #expect(mai.lowerBound > open.lowerBound && mai.lowerBound < closed.lowerBound && to1.lowerBound > closed.lowerBound)
        for text in ["Từ ngày 23 tháng 11 năm 2026 đến hết ngày 11 tháng 12 năm 2026",
                     "Còn 7 ngày làm việc (tính đến ngày 02 tháng 12 năm 2026)",  // 2, 3, 4, 8, 9, 10, 11: the 7th is a holiday
                     "12/TTr-CĐCS, <time datetime=\"2026-11-16\">ngày 16 tháng 11 năm 2026</time>",
                     "mailto:gop-y@example.org?subject=G%C3%B3p%20%C3%BD%20v%E1%BB%81%20%C4%91%E1%BB%81%20ngh%E1%BB%8B%20khen%20th%C6%B0%E1%BB%9Fng%3A%20",
                     "Số 1 đường Trần Phú, thành phố Lai Châu",
                     "<a href=\"/khen-thuong/qd-125-2023/\">", "Đã rút đề nghị"] {
            #expect(page.contains(text), "\(text)")
        }
        // The closed nomination's own contact text stands for the site's address; no email form is offered once closed.
        let closedPage = try site.page("lay-y-kien/cho-to-1")
        #expect(!closedPage.contains("mailto:") && closedPage.contains("Đã hết hạn lấy ý kiến, chờ quyết định"))
        #expect(!page.contains("sap-mo") && !page.contains("khong-dong-y"))
    }

    @Test("the register's and public comment's pages read of other entries only what they declare")
    func sectionPagesReadWhatTheyDeclare() throws {
        let site = try TestSite.version2()
        defer { site.cleanUp() }
        let (prepared, diagnostics) = SiteBuilder.prepare(BuildOptions(siteDirectory: site.root, buildDate: TestSite.version2Date))
        #expect(!diagnostics.hasErrors)
        let views = try #require(prepared?.views)
        let kinds = views.registerFilters.map(PageKind.register) + [.publicComment]
        #expect(kinds.count == 8)
        for kind in kinds {
            let declared = Set(views.sectionShows(kind))
            for lang in views.site.settings.languages {
                let read = Set(views.recordedSectionShows(kind, lang))
                #expect(!read.isEmpty && read.isSubset(of: declared), "\(kind) in \(lang) reads \(read.subtracting(declared))")
            }
        }
    }

    @Test("an edit of what the register or public comment shows rebuilds as a clean build")
    func editsRebuildAsCleanBuilds() throws {
        let site = try TestSite.version2()
        defer { site.cleanUp() }
        #expect(site.build(date: TestSite.version2Date).published)
        let edits: [(String, String, String)] = [
            ("content/awards/qd-30-2024.vi.md", "issuer: Liên đoàn Lao động huyện Tam Đường", "issuer: LĐLĐ huyện Tam Đường"),
            ("content/awards/qd-30-2024.vi.md", "date: 2024-06-10", "date: 2023-06-10"),
            ("content/nominations/mo-lo-thi-mai.vi.md", "comment_until: 2026-12-11", "comment_until: 2026-12-18"),
            ("content/nominations/cho-to-1.vi.md", "level: provincial", "level: district"),
            ("content/site.yml", "phone: \"0213 3000 000\"", "phone: \"0213 3999 999\""),
            ("content/site.yml", "Tập thể lao động xuất sắc, en", "Tập thể Lao động xuất sắc, en"),
            ("content/individuals/lo-thi-mai.vi.md", "name: Lò Thị Mai", "name: Lò Thị Mại"),
        ]
        for (file, old, new) in edits {
            let text = try site.read(file)
            #expect(text.contains(old), "\(file): \(old)")
            try site.write(file, text.replacingOccurrences(of: old, with: new))
            #expect(try site.rebuildMatchesCleanBuild("\(file): \(new)", date: TestSite.version2Date) != nil)
        }
    }
}
