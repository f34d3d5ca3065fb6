import Foundation
import Testing
import ThiDuaContent
import ThiDuaModel

/// The example site (`Fixtures/golden/`, a frozen copy of the shared example) must load with
/// no diagnostic at all, into the model its files describe.
@Suite("Content: the example site")
struct ContentExampleSiteTests {
    static let siteFolder = TestSite.example

    static let result = SiteLoader.load(from: DiskSource(siteDirectory: siteFolder))
    var site: Site { Self.result.site }

    @Test func loadsWithNoDiagnostics() {
        #expect(Self.result.diagnostics.isEmpty, "\(render(Self.result.diagnostics))")
        #expect(site.individuals.count == 1, "the folder was found and read")
    }

    @Test func hasOneOfEachKindSortedById() {
        #expect(site.campaigns.map(\.id.rawValue) == ["thi-dua-2021-2025"])
        #expect(site.units.map(\.id.rawValue) == ["cd-truong-th-ban-giang", "ldld-tinh-lai-chau"])
        #expect(site.collectives.map(\.id.rawValue) == ["to-1-truong-th-ban-giang"])
        #expect(site.individuals.map(\.id.rawValue) == ["lo-thi-mai"])
        #expect(site.awards.map(\.id.rawValue) == ["qd-125-2023"])
        #expect(site.stories.map(\.id.rawValue) == ["co-giao-ban-giang"])
        #expect(site.pages.map(\.id.rawValue) == ["gioi-thieu"])
    }

    @Test func settings() {
        let s = site.settings
        #expect(s.languages == [.vi, .en])
        #expect(s.defaultLanguage == .vi)
        #expect(s.baseURL == "https://example.org/")
        #expect(s.publisher == ID("ldld-tinh-lai-chau"))
        #expect(s.title[.en] == "Exemplary Models — Lai Châu Trade Unions")
        #expect(s.fields.map(\.id.rawValue) == ["education", "health"])
        #expect(s.field(FieldID("health"))?.label[.en] == "Health care")
        #expect(s.district(DistrictID("tam-duong"))?.label[.vi] == "Huyện Tam Đường")
    }

    @Test func translatedCampaignIsPaired() throws {
        let c = try #require(site.campaigns.first)
        #expect(c.title[.vi] == "Thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội 2021-2025")
        #expect(c.title[.en] == "Emulation for the 2021–2025 socio-economic development tasks")
        #expect(c.organizer == ID("ldld-tinh-lai-chau"), "non-text fields come from the Vietnamese file")
        #expect(c.status == .active)
        #expect(c.period == Period(from: LocalDate(year: 2021, month: 8, day: 11)!, to: LocalDate(year: 2025, month: 12, day: 31)!))
        #expect(c.basis.map(\.number) == ["09/CT-UBND", "34-CT/TW"])
        #expect(c.basis[1].issuer[.vi] == "Bộ Chính trị")
        #expect(c.basis[1].issuer[.en] == "The Politburo")
        #expect(c.basis[0].date == LocalDate(year: 2021, month: 8, day: 11))
        #expect(c.entry.translations == [.vi, .en])
        #expect(c.entry.body[.en]?.contains("## Purpose and requirements") == true)
    }

    @Test func translatedIndividual() throws {
        let p = try #require(site.individuals.first)
        #expect(p.name == "Lò Thị Mai")
        #expect(p.givenName == "Mai")
        #expect(p.consent)
        #expect(p.gender == .female)
        #expect(p.directWorker == true)
        #expect(p.position[.en] == "Grade 1 homeroom teacher")
        #expect(p.profile.stage == .replicated)
        #expect(p.profile.featured)
        #expect(p.profile.recognised == LocalDate(year: 2023, month: 7, day: 5))
        #expect(p.profile.achievements[.en] == ["Grassroots Emulation Fighter, school year 2022–2023"])
        #expect(p.profile.initiatives.first?.benefitVND == 120_000_000)
        #expect(p.profile.initiatives.first?.year == 2022)
        #expect(p.profile.initiatives.first?.title[.en] == "Extra Vietnamese lessons for ethnic-minority first-graders")
        #expect(p.profile.photo == MediaPath("media/lo-thi-mai.jpg"))
        #expect(p.profile.photoAlt[.en] == "Ms Lò Thị Mai teaching her Grade 1 class")
        #expect(p.profile.field == FieldID("education"))
        #expect(p.profile.district == DistrictID("tam-duong"))
    }

    @Test func untranslatedCollectiveAndStory() throws {
        let c = try #require(site.collectives.first)
        #expect(c.entry.translations == [.vi])
        #expect(c.name.resolve(.en, fallback: .vi)?.isFallback == true)
        #expect(c.members == 6)
        let s = try #require(site.stories.first)
        #expect(s.about == [EntityRef(kind: .individuals, id: "lo-thi-mai"), EntityRef(kind: .campaigns, id: "thi-dua-2021-2025")])
        #expect(s.date == LocalDate(year: 2023, month: 7, day: 10))
    }

    @Test func awardAndPage() throws {
        let a = try #require(site.awards.first)
        #expect(a.decision == "125/QĐ-LĐLĐ")
        #expect(a.level == .provincial)
        #expect(a.form == .certificateOfMerit)
        #expect(a.issuer[.en] == "Executive Committee of the Lai Châu Provincial Federation of Labour")
        #expect(a.individuals == [ID("lo-thi-mai")])
        let page = try #require(site.pages.first)
        #expect(page.menu == 1)
        #expect(page.title[.en] == "About")
    }

    @Test func relations() {
        let r = Relations(site)
        #expect(r.subUnits[ID("ldld-tinh-lai-chau")] == [ID("cd-truong-th-ban-giang")])
        #expect(r.individualsOfUnit[ID("cd-truong-th-ban-giang")] == [ID("lo-thi-mai")])
        #expect(r.individualsInCampaign[ID("thi-dua-2021-2025")] == [ID("lo-thi-mai")])
        #expect(r.collectivesInCampaign[ID("thi-dua-2021-2025")] == [ID("to-1-truong-th-ban-giang")])
        #expect(r.awardsOfIndividual[ID("lo-thi-mai")] == [ID("qd-125-2023")])
        #expect(r.awardsOfCollective[ID("to-1-truong-th-ban-giang")] == [ID("qd-125-2023")])
        #expect(r.storiesAbout[EntityRef(kind: .individuals, id: "lo-thi-mai")] == [ID("co-giao-ban-giang")])
        #expect(r.campaignsOrganisedBy[ID("ldld-tinh-lai-chau")] == [ID("thi-dua-2021-2025")])
    }

    @Test func mediaWithItsPixelSize() {
        let info = site.media[MediaPath("media/lo-thi-mai.jpg")]
        #expect(info?.byteCount == 20_805)
        #expect(info?.width == 600)
        #expect(info?.height == 800)
    }

    @Test func privateValueAppearsNowhereInTheModel() throws {
        let file = try String(contentsOf: Self.siteFolder.appendingPathComponent("content/individuals/lo-thi-mai.vi.md"), encoding: .utf8)
        #expect(file.contains("0912 000 000"), "the example does hold a private value")
        var dump = ""
        Swift.dump(site, to: &dump)
        #expect(dump.contains("Lò Thị Mai"))
        #expect(!dump.contains("0912"))
        #expect(!dump.contains("private"))
    }

    @Test func sourceMapGivesFileAndBodyLine() {
        let mai = EntityRef(kind: .individuals, id: "lo-thi-mai")
        let sources = Self.result.sources
        #expect(sources.file(for: mai, language: .vi) == "content/individuals/lo-thi-mai.vi.md")
        #expect(sources.file(for: mai, language: .en) == "content/individuals/lo-thi-mai.en.md")
        #expect(sources.bodyStartLine(for: mai, language: .en) == 12)
        #expect(sources.bodyStartLine(for: mai, language: .vi) == 26)
        let story = EntityRef(kind: .stories, id: "co-giao-ban-giang")
        #expect(sources.file(for: story, language: .en) == nil, "untranslated: no English file")
        #expect(sources.file(for: EntityRef(kind: .units, id: "nobody"), language: .vi) == nil)
    }
}
