import Testing
import ThiDuaModel

/// Every figure of the reports against a site whose counts are worked out by hand below, with a
/// person who has not consented and drafts (a collective, a person, a decision, a campaign) that
/// must count nowhere.
@Suite("Statistics: every report figure, counted by hand")
struct StatisticsTests {
    static func day(_ y: Int, _ m: Int = 1, _ d: Int = 1) -> LocalDate { LocalDate(year: y, month: m, day: d)! }
    static func text(_ s: String) -> LocalizedText { LocalizedText(s, in: .vi) }
    static func profile(_ unit: String, _ field: String, _ district: String?, _ campaigns: [String], _ stage: Stage, _ year: Int,
                        _ initiatives: [(Int?, Int)] = []) -> ExemplaryProfile {
        ExemplaryProfile(unit: ID(unit), field: FieldID(field), district: district.map(DistrictID.init), campaigns: campaigns.map(ID.init),
                         stage: stage, recognised: day(year, 6, 1),
                         initiatives: initiatives.map { Initiative(title: text("s"), year: $0.0, benefitVND: $0.1) })
    }
    static func person(_ id: String, _ name: String, _ p: ExemplaryProfile, direct: Bool?, gender: Gender?, consent: Bool = true,
                       draft: Bool = false) -> Individual {
        Individual(id: ID(id), name: name, position: text("x"), directWorker: direct, gender: gender, consent: consent, profile: p,
                   entry: Entry(isDraft: draft))
    }

    /// fed ← dist ← school, fed ← clinic; the plan 2021–2025 ← good, and a draft campaign of 2019–2030 beside them.
    static let site: Site = {
        let units = [Unit(id: ID("fed"), name: text("Liên đoàn"), kind: .provinceFederation),
                     Unit(id: ID("dist"), name: text("Huyện"), kind: .districtFederation, parent: ID("fed")),
                     Unit(id: ID("school"), name: text("Trường"), kind: .grassrootsUnion, parent: ID("dist")),
                     Unit(id: ID("clinic"), name: text("Trạm"), kind: .grassrootsUnion, parent: ID("fed"))]
        let campaigns = [Campaign(id: ID("plan"), title: text("Kế hoạch"), organizer: ID("fed"), period: Period(from: day(2021), to: day(2025, 12, 31)), status: .active),
                         Campaign(id: ID("good"), title: text("Lao động giỏi"), organizer: ID("fed"), parent: ID("plan"),
                                  period: Period(from: day(2022), to: day(2024)), status: .active),
                         Campaign(id: ID("draftc"), title: text("Nháp"), organizer: ID("fed"),
                                  period: Period(from: day(2019), to: day(2030)), status: .planned, entry: Entry(isDraft: true))]
        let collectives = [
            Collective(id: ID("c1"), name: text("Tổ một"), profile: profile("school", "education", "d1", ["good"], .replicated, 2022,
                                                                          [(2022, 100_000_000), (nil, 5_000_000)])),
            Collective(id: ID("c2"), name: text("Tổ hai"), profile: profile("clinic", "health", nil, ["plan"], .discovered, 2024)),
            Collective(id: ID("c3"), name: text("Tổ nháp"), profile: profile("school", "education", "d1", ["good", "draftc"], .nurtured, 2023, [(2023, 999)]),
                       entry: Entry(isDraft: true)),
        ]
        let individuals = [
            person("i1", "Lò Thị Mai", profile("school", "education", "d1", ["good"], .nurtured, 2023, [(2023, 1_200_000_000)]), direct: true, gender: .female),
            person("i2", "Lò Văn An", profile("clinic", "health", "d2", ["plan"], .summarised, 2023), direct: false, gender: .male),
            person("i3", "Sùng A Pao", profile("dist", "education", "d2", ["good"], .discovered, 2024), direct: true, gender: nil),
            person("i4", "Vàng Thị Ẩn", profile("school", "health", "d1", ["good"], .replicated, 2023, [(2023, 7)]), direct: true, gender: .female, consent: false),
            person("i5", "Lù Văn Nháp", profile("clinic", "health", "d2", ["draftc"], .replicated, 2023), direct: true, gender: .female, draft: true),
        ]
        let awards = [
            AwardDecision(id: ID("a1"), title: text("A1"), decision: "1/QĐ", date: day(2023, 5), issuer: text("I"), level: .provincial,
                          form: .certificateOfMerit, campaign: ID("good"), individuals: [ID("i1"), ID("i4")], collectives: [ID("c1")]),
            AwardDecision(id: ID("a2"), title: text("A2"), decision: "2/QĐ", date: day(2024, 2), issuer: text("I"), level: .grassroots,
                          form: .certificate, campaign: ID("plan"), individuals: [ID("i2"), ID("i3"), ID("i5")]),
            AwardDecision(id: ID("a3"), title: text("A3"), decision: "3/QĐ", date: day(2024, 3), issuer: text("I"), level: .national,
                          form: .emulationFlag, collectives: [ID("c2")], entry: Entry(isDraft: true)),
        ]
        return Site(settings: SiteSettings(title: text("T"), baseURL: "https://example.org/", languages: [.vi, .en]),
                    campaigns: campaigns, units: units, collectives: collectives, individuals: individuals, awards: awards)
    }()

    /// The site as loaded (drafts and the unconsented person still in it), as a `--drafts` build
    /// publishes it, and as a normal build does: the figures are the same.
    static let variants: [(String, Site)] = [("as loaded", site), ("with drafts", site.published(includeDrafts: true)),
                                              ("published", site.published(includeDrafts: false))]

    @Test("overall: cases by stage, field, district and year; shares; initiatives; awards; units ranked", arguments: [0, 1, 2])
    func overall(variant: Int) {
        let (name, site) = Self.variants[variant]
        let s = Statistics(site, Relations(site)), f = s.overall
        #expect(f.cases == Tally(collectives: 2, individuals: 3), "\(name)")
        #expect(f.byStage == [.discovered: Tally(collectives: 1, individuals: 1), .nurtured: Tally(individuals: 1),
                              .summarised: Tally(individuals: 1), .replicated: Tally(collectives: 1)], "\(name)")
        #expect(f.byField == [FieldID("education"): Tally(collectives: 1, individuals: 2), FieldID("health"): Tally(collectives: 1, individuals: 1)])
        #expect(f.byDistrict == [DistrictID("d1"): Tally(collectives: 1, individuals: 1), DistrictID("d2"): Tally(individuals: 2),
                                 nil: Tally(collectives: 1)])
        #expect(f.byYearRecognised == [2022: Tally(collectives: 1), 2023: Tally(individuals: 2), 2024: Tally(collectives: 1, individuals: 1)])
        #expect(f.directWorkers == 2 && f.genderGiven == 2 && f.women == 1, "\(name)")
        #expect(f.initiatives == InitiativeTally(count: 3, benefitVND: 1_305_000_000), "\(name)")
        #expect(f.initiativesByYear == [2022: InitiativeTally(count: 1, benefitVND: 100_000_000), 2023: InitiativeTally(count: 1, benefitVND: 1_200_000_000)])
        #expect(f.initiativesByField == [FieldID("education"): InitiativeTally(count: 3, benefitVND: 1_305_000_000)])
        #expect(f.decisions == 2 && f.awards == Tally(collectives: 1, individuals: 3), "\(name)")
        #expect(f.awardsByLevel == [.provincial: Tally(collectives: 1, individuals: 1), .grassroots: Tally(individuals: 2)])
        #expect(f.awardsByForm == [.certificateOfMerit: Tally(collectives: 1, individuals: 1), .certificate: Tally(individuals: 2)])
        #expect(f.awardsByYear == [2023: Tally(collectives: 1, individuals: 1), 2024: Tally(individuals: 2)])
        // Ties (the clinic and the school, two each) in Vietnamese order of their names: Trạm before Trường.
        #expect(f.unitRanking.map(\.unit.rawValue) == ["fed", "dist", "clinic", "school"])
        #expect(f.unitRanking.map(\.cases) == [Tally(collectives: 2, individuals: 3), Tally(collectives: 1, individuals: 2),
                                               Tally(collectives: 1, individuals: 1), Tally(collectives: 1, individuals: 1)])
        for hidden in ["individuals/i4", "individuals/i5", "collectives/c3", "awards/a3"] {
            #expect(!f.counted.contains(EntityRef(hidden)!), "\(name): \(hidden) is counted")
        }
    }

    @Test("the years of the plan come from the root campaign's period, not a draft's", arguments: [0, 1, 2])
    func planYears(variant: Int) {
        let site = Self.variants[variant].1
        let s = Statistics(site, Relations(site))
        #expect(s.planYears == [2021, 2022, 2023, 2024, 2025] && s.yearsFromCampaigns)
        #expect(Set(s.byYear.keys) == Set(s.planYears))
    }

    @Test("a year counts the cases recognised, the decisions signed and the initiatives made in it")
    func year() {
        let s = Statistics(Self.site, Relations(Self.site))
        let y = s.byYear[2023]!
        #expect(y.cases == Tally(individuals: 2))
        #expect(y.byStage == [.nurtured: Tally(individuals: 1), .summarised: Tally(individuals: 1)])
        #expect(y.decisions == 1 && y.awards == Tally(collectives: 1, individuals: 1))
        // i1's initiative of 2023; not the unconsented person's, not the draft collective's.
        #expect(y.initiatives == InitiativeTally(count: 1, benefitVND: 1_200_000_000))
        // c1 was recognised in 2022 and its 2022 initiative counts in 2022.
        #expect(s.byYear[2022]!.initiatives == InitiativeTally(count: 1, benefitVND: 100_000_000))
        let empty = s.byYear[2021]!
        #expect(empty.cases.total == 0 && empty.decisions == 0 && empty.initiatives.count == 0 && empty.unitRanking.isEmpty)
    }

    @Test("a campaign counts its own and its sub-campaigns' cases and decisions; a draft campaign has no report")
    func campaigns() {
        let s = Statistics(Self.site, Relations(Self.site))
        let good = s.byCampaign[ID("good")]!
        #expect(good.cases == Tally(collectives: 1, individuals: 2))
        #expect(good.decisions == 1 && good.awards == Tally(collectives: 1, individuals: 1))
        #expect(good.initiatives == InitiativeTally(count: 3, benefitVND: 1_305_000_000))
        #expect(good.unitRanking.map(\.unit.rawValue) == ["dist", "fed", "school"])
        let plan = s.byCampaign[ID("plan")]!
        #expect(plan.cases == Tally(collectives: 2, individuals: 3) && plan.decisions == 2)
        #expect(s.byCampaign[ID("draftc")] == nil)
        #expect(good.counted.contains(EntityRef("campaigns/good")!) && !good.counted.contains(EntityRef("individuals/i4")!))
    }
}
