import Foundation
import Testing
import ThiDuaModel

@Suite("Model: Vietnamese order, folding and dates")
struct VietnameseTextTests {
    @Test("people sort by given name first, in Vietnamese alphabetical order (a ă â … đ … ơ … ư), tones after letters")
    func personOrder() {
        let people = [("Lò Thị Mai", "Mai"), ("Đoàn Thị Được", "Được"), ("Nguyễn Văn Dũng", "Dũng"),
                      ("Trần Văn Ân", "Ân"), ("Lê Thị Ánh", "Ánh"), ("Phạm Văn Ơn", "Ơn"), ("Hà Thị Oanh", "Oanh"),
                      ("Nguyễn Trường Sơn", "Trường Sơn"), ("Vàng A Sơn", "Sơn"), ("Lò Văn Ưng", "Ưng"), ("Lò Văn Uy", "Uy")]
        let sorted = people.sorted {
            VietnameseText.personKey(name: $0.0, givenName: $0.1).lexicographicallyPrecedes(VietnameseText.personKey(name: $1.0, givenName: $1.1))
        }.map(\.0)
        #expect(sorted == ["Lê Thị Ánh", "Trần Văn Ân", "Nguyễn Văn Dũng", "Đoàn Thị Được", "Lò Thị Mai", "Hà Thị Oanh",
                           "Phạm Văn Ơn", "Vàng A Sơn", "Nguyễn Trường Sơn", "Lò Văn Uy", "Lò Văn Ưng"])
    }

    @Test("letters decide before tones: 'ma' < 'mà' < 'má' < 'mả' < 'mã' < 'mạ' < 'mai'")
    func tonesAfterLetters() {
        let words = ["mai", "mạ", "mã", "mả", "má", "mà", "ma"].map { ($0, VietnameseText.sortKey($0)) }
        #expect(words.sorted { $0.1 < $1.1 }.map(\.0) == ["ma", "mà", "má", "mả", "mã", "mạ", "mai"])
    }

    @Test("folding and slugs map đ to d and drop every diacritic", arguments: [
        ("Đoàn Thị Được", "doan thi duoc", "doan-thi-duoc"),
        ("Thi đua yêu nước", "thi dua yeu nuoc", "thi-dua-yeu-nuoc"),
        ("Lao động giỏi, Lao động sáng tạo", "lao dong gioi, lao dong sang tao", "lao-dong-gioi-lao-dong-sang-tao"),
        ("Tổ chuyên môn khối 1", "to chuyen mon khoi 1", "to-chuyen-mon-khoi-1"),
    ])
    func folding(text: String, folded: String, slug: String) {
        #expect(VietnameseText.fold(text) == folded)
        #expect(VietnameseText.slug(text) == slug)
        // NFD input (as macOS writes it) folds the same way.
        #expect(VietnameseText.fold(text.decomposedStringWithCanonicalMapping) == folded)
    }

    @Test("dates exist or are rejected", arguments: [
        ("2023-07-05", true), ("2024-02-29", true), ("2023-02-29", false), ("2023-02-30", false),
        ("2023-13-01", false), ("2023-7-5", false), ("05/07/2023", false), ("2023-07-05T00:00", false), ("", false),
    ])
    func dates(text: String, valid: Bool) {
        #expect((LocalDate(iso: text) != nil) == valid)
    }

    @Test("ids: lower-case ASCII letters, digits and dashes")
    func ids() {
        #expect(IDSyntax.isValid("lo-thi-mai"))
        #expect(IDSyntax.isValid("qd-125-2023"))
        for bad in ["Lo-thi-mai", "lò-thị-mai", "lo_thi_mai", "-lo", "lo-", "", "a/b", "lo thi"] {
            #expect(!IDSyntax.isValid(bad), "\(bad)")
        }
        #expect(EntityRef("individuals/lo-thi-mai") == EntityRef(kind: .individuals, id: "lo-thi-mai"))
        #expect(EntityRef("people/lo-thi-mai") == nil)
    }
}

@Suite("Model: what the public may see")
struct PublicationTests {
    func site() -> Site {
        let profile = { (unit: String) in
            ExemplaryProfile(unit: ID(unit), field: FieldID("education"), campaigns: [ID("c")], stage: .discovered,
                             recognised: LocalDate(year: 2024, month: 1, day: 2)!, photo: MediaPath("media/\(unit).jpg"))
        }
        var hidden = Individual(id: ID("hidden"), name: "Vàng Thị Ẩn", position: LocalizedText("x", in: .vi), consent: false, profile: profile("u"))
        hidden.profile.photo = MediaPath("media/hidden.jpg")
        let shown = Individual(id: ID("shown"), name: "Lò Thị Mai", position: LocalizedText("x", in: .vi), consent: true, profile: profile("u"))
        let draft = Collective(id: ID("draft"), name: LocalizedText("Tổ", in: .vi), profile: profile("u"), entry: Entry(isDraft: true))
        return Site(
            settings: SiteSettings(title: LocalizedText("T", in: .vi), baseURL: "https://example.org/", languages: [.vi, .en]),
            campaigns: [Campaign(id: ID("c"), title: LocalizedText("C", in: .vi), organizer: ID("u"),
                                 period: Period(from: LocalDate(year: 2021, month: 1, day: 1)!, to: LocalDate(year: 2025, month: 12, day: 31)!), status: .active)],
            units: [Unit(id: ID("u"), name: LocalizedText("U", in: .vi), kind: .provinceFederation)],
            collectives: [draft], individuals: [hidden, shown],
            awards: [AwardDecision(id: ID("a"), title: LocalizedText("A", in: .vi), decision: "1/QĐ", date: LocalDate(year: 2024, month: 1, day: 1)!,
                                   issuer: LocalizedText("I", in: .vi), level: .provincial, form: .certificate,
                                   individuals: [ID("hidden"), ID("shown")], collectives: [ID("draft")])],
            stories: [Story(id: ID("s"), title: LocalizedText("S", in: .vi), date: LocalDate(year: 2024, month: 1, day: 1)!,
                            about: [EntityRef(kind: .individuals, id: "hidden"), EntityRef(kind: .individuals, id: "shown")])],
            media: [MediaPath("media/hidden.jpg"): MediaInfo(path: MediaPath("media/hidden.jpg"), byteCount: 1, kind: .photo(width: 800, height: 600)),
                    MediaPath("media/u.jpg"): MediaInfo(path: MediaPath("media/u.jpg"), byteCount: 1, kind: .photo(width: 800, height: 600))])
    }

    @Test("a person without consent, and drafts, vanish with every reference to them and their photo")
    func published() {
        let p = site().published(includeDrafts: false)
        #expect(p.individuals.map(\.id.rawValue) == ["shown"])
        #expect(p.collectives.isEmpty)
        #expect(p.awards[0].individuals.map(\.rawValue) == ["shown"])
        #expect(p.awards[0].collectives.isEmpty)
        #expect(p.stories[0].about == [EntityRef(kind: .individuals, id: "shown")])
        #expect(p.media[MediaPath("media/hidden.jpg")] == nil)
        #expect(p.media[MediaPath("media/u.jpg")] != nil)
    }

    @Test("drafts come back when asked for; people without consent never do")
    func withDrafts() {
        let p = site().published(includeDrafts: true)
        #expect(p.collectives.map(\.id.rawValue) == ["draft"])
        #expect(p.individuals.map(\.id.rawValue) == ["shown"])
    }

    @Test("relations are derived once: a unit's cases, a campaign's members, a person's awards, stories about them")
    func relations() {
        let r = Relations(site().published(includeDrafts: true))
        #expect(r.individualsOfUnit[ID("u")]?.map(\.rawValue) == ["shown"])
        #expect(r.collectivesInCampaign[ID("c")]?.map(\.rawValue) == ["draft"])
        #expect(r.awardsOfIndividual[ID("shown")]?.map(\.rawValue) == ["a"])
        #expect(r.storiesAbout[EntityRef(kind: .individuals, id: "shown")]?.map(\.rawValue) == ["s"])
        #expect(r.campaignsOrganisedBy[ID("u")]?.map(\.rawValue) == ["c"])
    }
}
