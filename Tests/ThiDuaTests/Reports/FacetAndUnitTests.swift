import Foundation
import Testing
import ThiDuaModel
import ThiDuaSite

/// The lists narrowed by field, district, stage and year, each a static page; a unit's page with
/// the units under it and every exemplary case of its whole subtree.
@Suite("Facets and units: lists by field, district, stage and year; a unit's whole subtree", .serialized)
struct FacetAndUnitTests {
    /// Names that sort differently in Vietnamese order than in byte order (Ánh < Ân < Bình < Được < Ơn),
    /// the people spread over two districts, units three deep.
    static func site() throws -> TestSite {
        let site = try TestSite()
        let mai = try site.read("content/individuals/lo-thi-mai.vi.md")
        let people: [(String, String, String, String)] = [
            ("pham-van-on", "Phạm Văn Ơn", "tam-duong", "cd-to-mot"), ("tran-van-an", "Trần Văn Ân", "lai-chau-city", "cd-truong-th-ban-giang"),
            ("le-thi-anh", "Lê Thị Ánh", "tam-duong", "cd-to-mot"), ("doan-thi-duoc", "Đoàn Thị Được", "tam-duong", "ldld-tinh-lai-chau"),
            ("ha-van-binh", "Hà Văn Bình", "tam-duong", "cd-truong-th-ban-giang"),
        ]
        for (id, name, district, unit) in people {
            try site.write("content/individuals/\(id).vi.md", mai.replacingOccurrences(of: "name: Lò Thị Mai", with: "name: \(name)")
                .replacingOccurrences(of: "district: tam-duong", with: "district: \(district)")
                .replacingOccurrences(of: "unit: cd-truong-th-ban-giang", with: "unit: \(unit)")
                .replacingOccurrences(of: "recognised: 2023-07-05", with: "recognised: 2024-03-01"))
        }
        let school = try site.read("content/units/cd-truong-th-ban-giang.vi.md")
        try site.write("content/units/cd-to-mot.vi.md", school.replacingOccurrences(of: "parent: ", with: "parent: cd-truong-th-ban-giang\n#")
            .replacingOccurrences(of: "name: ", with: "name: Tổ Một — "))
        return site
    }

    /// The people a page lists, by the order their names appear in its cards.
    static func listed(_ html: String) -> [String] {
        html.components(separatedBy: "<h3 class=\"card-title\"><a href=\"").dropFirst().map { $0.components(separatedBy: "\"")[0] }
    }

    @Test("every field, district, stage and year has its page in both languages, in Vietnamese alphabetical order")
    func facetPages() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        let report = site.build()
        #expect(report.published, "\(report.diagnostics.filter { $0.severity == .error })")
        let district = try site.page("ca-nhan/dia-ban/tam-duong")
        #expect(Self.listed(district) == ["/ca-nhan/le-thi-anh/", "/ca-nhan/ha-van-binh/", "/ca-nhan/doan-thi-duoc/",
                                          "/ca-nhan/lo-thi-mai/", "/ca-nhan/pham-van-on/"])
        #expect(Self.listed(try site.page("ca-nhan/dia-ban/lai-chau-city")) == ["/ca-nhan/tran-van-an/"])
        #expect(Self.listed(try site.page("ca-nhan/nam/2024")).count == 5)
        #expect(Self.listed(try site.page("ca-nhan/nam/2023")) == ["/ca-nhan/lo-thi-mai/"])
        #expect(Self.listed(try site.page("en/individuals/stage/replicated")).count == 6)
        #expect(Self.listed(try site.page("ca-nhan/khau/nhan-rong")).count == 6)
        #expect(!site.exists("ca-nhan/khau/phat-hien/index.html"), "no page for a stage nobody is at")
        #expect(Self.listed(try site.page("tap-the/linh-vuc/education")) == ["/tap-the/to-1-truong-th-ban-giang/"])
        #expect(district.contains("<title>Cá nhân điển hình — Địa bàn: Huyện Tam Đường"))
        // The list links to every facet value with its count, the current one marked on its page.
        let list = try site.page("ca-nhan")
        #expect(list.contains("<a href=\"/ca-nhan/dia-ban/tam-duong/\">Huyện Tam Đường (5)</a>"))
        #expect(district.contains("<span aria-current=\"page\">Huyện Tam Đường (5)</span>"))
        #expect(try site.page("en/individuals/district/tam-duong").contains("<link rel=\"alternate\" hreflang=\"vi\" href=\"https://example.org/ca-nhan/dia-ban/tam-duong/\">"))
    }

    @Test("a unit's page shows the units under it as a tree and every exemplary case of the subtree")
    func unitSubtree() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        #expect(site.build().published)
        let federation = try site.page("don-vi/ldld-tinh-lai-chau")
        // The school is under the federation, the team under the school: a list inside a list.
        let school = try #require(federation.range(of: "<li><a href=\"/don-vi/cd-truong-th-ban-giang/\">"))
        let team = try #require(federation.range(of: "<li><a href=\"/don-vi/cd-to-mot/\">"))
        #expect(federation[school.upperBound..<team.lowerBound].contains("<ul class=\"unit-tree\">"))
        #expect(Self.listed(federation).filter { $0.hasPrefix("/ca-nhan/") }.count == 6)
        let schoolPage = try site.page("don-vi/cd-truong-th-ban-giang")
        #expect(Set(Self.listed(schoolPage).filter { $0.hasPrefix("/ca-nhan/") })
                == ["/ca-nhan/le-thi-anh/", "/ca-nhan/ha-van-binh/", "/ca-nhan/lo-thi-mai/", "/ca-nhan/pham-van-on/", "/ca-nhan/tran-van-an/"])
    }
}
