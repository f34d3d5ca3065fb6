import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import ThiDuaModel
import ThiDuaSite

/// The report pages as a reader gets them: their figures in both languages, their charts read
/// back as XML, and nothing of a person without consent or of a draft in any of them.
@Suite("Reports: pages, charts and what they leave out", .serialized)
struct ReportPageTests {
    /// The example site (one person, one collective, both in education, one decision), with a person
    /// in a field whose name needs escaping, one without consent and drafts, none of which may count.
    static func site() throws -> TestSite {
        let site = try TestSite()
        let yml = try site.read("content/site.yml")
        try site.write("content/site.yml", yml.replacingOccurrences(of: "  health: {vi: Y tế, en: Health care}\n", with: """
              health: {vi: Y tế, en: Health care}
              r-and-d: {vi: "Nghiên cứu & phát triển <R&D>", en: "Research & development <R&D>"}

            """))
        let mai = try site.read("content/individuals/lo-thi-mai.vi.md")
        func person(_ id: String, _ name: String, _ edits: [(String, String)]) throws {
            var text = mai.replacingOccurrences(of: "name: Lò Thị Mai", with: "name: \(name)")
                .replacingOccurrences(of: "photo: media/lo-thi-mai.jpg\n", with: "")
                .replacingOccurrences(of: "photo_alt: Cô Lò Thị Mai trong giờ dạy lớp 1\n", with: "")
                .replacingOccurrences(of: "featured: true", with: "featured: false")
            for (old, new) in edits { text = text.replacingOccurrences(of: old, with: new) }
            try site.write("content/individuals/\(id).vi.md", text)
        }
        try person("hoang-van-nam", "Hoàng Văn Nam", [("field: education", "field: r-and-d"), ("gender: female", "gender: male"),
                                                      ("direct_worker: true", "direct_worker: false"), ("stage: replicated", "stage: discovered"),
                                                      ("benefit_vnd: 120000000", "benefit_vnd: 1080000000")])
        try person("vang-thi-an", "Vàng Thị Ẩn", [("consent: true", "consent: false"), ("field: education", "field: health")])
        try person("lu-van-nhap", "Lù Văn Nháp", [("consent: true", "consent: true\ndraft: true"), ("field: education", "field: health")])
        let collective = try site.read("content/collectives/to-1-truong-th-ban-giang.vi.md")
        try site.write("content/collectives/to-nhap.vi.md", collective.replacingOccurrences(of: "name: Tổ chuyên môn khối 1", with: "draft: true\nname: Tổ Nháp")
            .replacingOccurrences(of: "field: education", with: "field: health"))
        let award = try site.read("content/awards/qd-125-2023.vi.md")
        try site.write("content/awards/qd-125-2023.vi.md", award.replacingOccurrences(of: "individuals: [lo-thi-mai]",
                                                                                       with: "individuals: [lo-thi-mai, vang-thi-an, lu-van-nhap, hoang-van-nam]"))
        return site
    }

    /// Every page of the reports section, and the campaign's page, which shows its short report.
    static let reportPages = ["bao-cao", "bao-cao/2023", "bao-cao/phong-trao/thi-dua-2021-2025", "phong-trao/thi-dua-2021-2025",
                              "en/reports", "en/reports/2022", "en/reports/campaigns/thi-dua-2021-2025", "en/campaigns/thi-dua-2021-2025"]

    /// The `<svg>…</svg>` elements of a page, as written.
    static func charts(_ html: String) -> [String] {
        var out: [String] = [], rest = html[...]
        // Charts are the SVGs with role img; a card's drawn initials (aria-hidden) are none.
        while let start = rest.range(of: "<svg role=\"img\""), let end = rest[start.lowerBound...].range(of: "</svg>") {
            out.append(String(rest[start.lowerBound..<end.upperBound]))
            rest = rest[end.upperBound...]
        }
        return out
    }

    /// The cells of the table row headed `label` in the table after `heading`.
    static func row(_ html: String, after heading: String, _ label: String) -> [String]? {
        guard let h = html.range(of: heading), let r = html[h.upperBound...].range(of: "<th scope=\"row\">\(label)</th>") else { return nil }
        let line = html[r.upperBound...].prefix { $0 != "\n" }
        return line.components(separatedBy: "<td>").dropFirst().map { $0.components(separatedBy: "</td>")[0] }
    }

    @Test("the overall report counts what was published, in Vietnamese and English numbers")
    func figures() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        let report = site.build()
        #expect(report.published, "\(report.diagnostics.filter { $0.severity == .error })")
        let vi = try site.page("bao-cao"), en = try site.page("en/reports")
        // One collective, two people (Mai and Nam); the decision commends the collective and both.
        #expect(vi.contains("<span class=\"stat-count\">1</span> <span class=\"stat-label\">Tập thể</span>"))
        #expect(vi.contains("<span class=\"stat-count\">2</span> <span class=\"stat-label\">Cá nhân</span>"))
        #expect(vi.contains("<span class=\"stat-count\">1,2 tỷ đồng</span>"))
        #expect(en.contains("<span class=\"stat-count\">VND 1.2 billion</span>"))
        #expect(Self.row(vi, after: "Điển hình theo lĩnh vực", "Giáo dục") == ["1", "1", "2"])
        #expect(Self.row(vi, after: "Điển hình theo lĩnh vực", "Nghiên cứu &amp; phát triển &lt;R&amp;D&gt;") == ["0", "1", "1"])
        #expect(Self.row(vi, after: "Khen thưởng theo cấp", "Cấp tỉnh") == ["1", "2", "3"])
        // The funnel: both reached discovery, one has been replicated (and so passed every step).
        #expect(Self.row(vi, after: "Điển hình theo khâu", "Phát hiện") == ["0", "1", "1", "3"])
        #expect(Self.row(vi, after: "Điển hình theo khâu", "Nhân rộng") == ["0", "1", "1", "1"])
        #expect(Self.row(vi, after: "Sáng kiến và giá trị làm lợi theo năm", "2022") == ["2", "1.200.000.000 đồng"])
        #expect(Self.row(en, after: "Initiatives and value gained by year", "2022") == ["2", "VND 1,200,000,000"])
        #expect(vi.contains("<strong>50\u{A0}%</strong> cá nhân điển hình là nữ (1 trên 2 người có ghi giới tính)"))
        #expect(en.contains("<strong>50%</strong> of exemplary individuals are front-line workers (1 of 2)"))
        #expect(vi.contains("<span aria-current=\"page\">Báo cáo</span>") || vi.contains("aria-current=\"page\">Báo cáo</a>"))
    }

    @Test("no report, chart or table shows a person without consent or a draft")
    func nothingUnpublished() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        #expect(site.build().published)
        for page in Self.reportPages {
            let html = try site.page(page)
            for hidden in ["Vàng Thị Ẩn", "vang-thi-an", "Lù Văn Nháp", "lu-van-nhap", "Tổ Nháp", "to-nhap", "Y tế", "Health care"] {
                #expect(!html.contains(hidden), "/\(page)/ shows \(hidden)")
            }
        }
    }

    @Test("every chart is well-formed SVG with role img, a title and a description, its labels escaped text")
    func chartsParseAsXML() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        #expect(site.build().published)
        var labels: Set<String> = [], count = 0
        for page in Self.reportPages {
            for svg in Self.charts(try site.page(page)) {
                count += 1
                let doc = try XMLDocument(xmlString: svg, options: [])
                let root = try #require(doc.rootElement())
                #expect(root.name == "svg" && root.attribute(forName: "role")?.stringValue == "img")
                let title = root.elements(forName: "title").first, desc = root.elements(forName: "desc").first
                #expect(!(title?.stringValue ?? "").isEmpty && !(desc?.stringValue ?? "").isEmpty, "\(page)")
                let ids = (root.attribute(forName: "aria-labelledby")?.stringValue ?? "").split(separator: " ").map(String.init)
                #expect(ids == [title?.attribute(forName: "id")?.stringValue, desc?.attribute(forName: "id")?.stringValue].compactMap { $0 })
                let texts = root.elements(forName: "text")
                #expect(!texts.isEmpty && !root.elements(forName: "rect").isEmpty)
                for t in texts { labels.insert(t.stringValue ?? "") }
                // Drawn 320 wide for a phone's column, never scaled up: 14-unit text is 14 px at most widths.
                #expect(root.attribute(forName: "width")?.stringValue == "320")
            }
        }
        #expect(count >= 20)
        #expect(labels.contains("Nghiên cứu & phát triển <R&D>") && labels.contains("Research & development <R&D>"))
        #expect(labels.contains("Phát hiện: 3") && labels.contains("Discovered: 3"))
    }

    @Test("a report for every year of the plan and every campaign, linked from each other in both languages")
    func addresses() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        #expect(site.build().published)
        for year in 2021...2025 {
            #expect(site.exists("bao-cao/\(year)/index.html") && site.exists("en/reports/\(year)/index.html"))
        }
        #expect(!site.exists("bao-cao/2026/index.html") && !site.exists("bao-cao/2020/index.html"))
        let overall = try site.page("bao-cao")
        #expect(overall.contains("href=\"/bao-cao/2024/\"") && overall.contains("href=\"/bao-cao/phong-trao/thi-dua-2021-2025/\""))
        #expect(overall.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/en/reports/\">"))
        let campaign = try site.page("phong-trao/thi-dua-2021-2025")
        #expect(campaign.contains("href=\"/bao-cao/phong-trao/thi-dua-2021-2025/\""))
        #expect(Self.charts(campaign).count == 1, "the campaign's page shows its funnel")
    }

    /// The inode of a published page: a page kept by a rebuild is the same file.
    static func inode(_ site: TestSite, _ page: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: site.output.appendingPathComponent(page + "/index.html").path)
        return (attributes[.systemFileNumber] as? NSNumber)?.intValue ?? -1
    }

    @Test("a report is kept when no figure it shows changed, and made anew, as a clean build makes it, when one did")
    func rebuilds() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        #expect(site.build().published)
        let person = "content/individuals/hoang-van-nam.vi.md", text = try site.read(person)
        let pages = ["bao-cao", "en/reports", "bao-cao/phong-trao/thi-dua-2021-2025"]
        let before = try pages.map { try Self.inode(site, $0) }

        // A sentence in a body is in no figure: the reports are kept as they were.
        try site.write(person, text + "\nMột câu mới.\n")
        #expect(try site.rebuildMatchesCleanBuild("a sentence") != nil)
        #expect(try pages.map { try Self.inode(site, $0) } == before)

        // A step taken changes the funnel of every report that counts the person.
        let old = try site.page("bao-cao")
        try site.write(person, text.replacingOccurrences(of: "stage: discovered", with: "stage: nurtured"))
        #expect(try site.rebuildMatchesCleanBuild("a step taken") != nil)
        #expect(try site.page("bao-cao") != old)
        #expect(Self.row(try site.page("bao-cao"), after: "Điển hình theo khâu", "Bồi dưỡng") == ["1", "1", "2", "3"], "the collective and Nam at this step; Mai past it")

        // Consent withdrawn: the person leaves every count at the next build.
        try site.write(person, text.replacingOccurrences(of: "consent: true", with: "consent: false"))
        #expect(try site.rebuildMatchesCleanBuild("consent withdrawn") != nil)
        #expect(try site.page("bao-cao").contains("<span class=\"stat-count\">1</span> <span class=\"stat-label\">Cá nhân</span>"))
    }
}
