/// Collectives and individuals counted apart: how every figure of a report splits, as the
/// yearly commendation statistics agencies send up do.
public struct Tally: Hashable, Sendable {
    public var collectives = 0
    public var individuals = 0
    public init(collectives: Int = 0, individuals: Int = 0) { self.collectives = collectives; self.individuals = individuals }
    public var total: Int { collectives + individuals }
}

/// Initiatives (sáng kiến) and the value they gained (giá trị làm lợi), in đồng.
public struct InitiativeTally: Hashable, Sendable {
    public var count = 0
    public var benefitVND = 0
    public init(count: Int = 0, benefitVND: Int = 0) { self.count = count; self.benefitVND = benefitVND }
    mutating func add(_ i: Initiative) { count += 1; benefitVND += i.benefitVND ?? 0 }
}

/// A unit and the exemplary cases of its whole subtree (itself and every unit under it).
public struct UnitCases: Hashable, Sendable {
    public var unit: ID<Unit>
    public var cases: Tally
}

/// Every figure of one report: what one scope (the whole site, a year of the plan, a campaign)
/// counts. Exemplary cases count where they are; a case's initiatives count with it; awards
/// count their recipients (a decision that commends three people counts three), split as the
/// recipients are.
public struct Figures: Hashable, Sendable {
    /// Exemplary collectives and individuals.
    public var cases = Tally()
    public var byStage: [Stage: Tally] = [:]
    public var byField: [FieldID: Tally] = [:]
    /// Cases whose `district` is not given are under nil.
    public var byDistrict: [DistrictID?: Tally] = [:]
    public var byYearRecognised: [Int: Tally] = [:]
    /// Individuals who are front-line workers (`direct_worker: true`), of `cases.individuals`.
    public var directWorkers = 0
    /// Individuals whose gender is given, and the women among them.
    public var genderGiven = 0
    public var women = 0
    public var initiatives = InitiativeTally()
    /// By the initiative's own year; one without a year counts only in the total.
    public var initiativesByYear: [Int: InitiativeTally] = [:]
    /// By the field of the case it belongs to.
    public var initiativesByField: [FieldID: InitiativeTally] = [:]
    /// Commendation decisions, and their recipients by level, form and year of the decision.
    public var decisions = 0
    public var awards = Tally()
    public var awardsByLevel: [AwardLevel: Tally] = [:]
    public var awardsByForm: [AwardForm: Tally] = [:]
    public var awardsByYear: [Int: Tally] = [:]
    /// Units with at least one case in their subtree, the most first (ties in Vietnamese order of
    /// their names in the default language).
    public var unitRanking: [UnitCases] = []
    /// Everything counted: what a page that shows these figures is made from.
    public var counted: [EntityRef] = []

    public init() {}
}

/// The site in numbers, computed once from the published site, beside `Relations`: the one place
/// every report figure comes from. Counts only what the public may see: a person without consent
/// and any draft count nowhere, even in a build that shows drafts (a preview's reports are the
/// published ones).
public struct Statistics: Sendable {
    /// The years of the plan (2021–2025): the span of the root campaigns' periods (campaigns
    /// without a parent), or, on a site without campaigns, the years its cases were recognised
    /// and its decisions dated.
    public let planYears: [Int]
    /// Where `planYears` come from.
    public let yearsFromCampaigns: Bool
    public let overall: Figures
    public let byYear: [Int: Figures]
    /// Each published campaign with its sub-campaigns: a movement's report counts the cases and
    /// decisions of the movements under it.
    public let byCampaign: [ID<Campaign>: Figures]

    public init(_ site: Site, _ relations: Relations) {
        let counter = Counter(site: site, relations: relations)
        let (collectives, individuals, awards) = (counter.collectives, counter.individuals, counter.awards)
        let campaigns = site.campaigns.filter { !$0.entry.isDraft }

        let roots = campaigns.filter { $0.parent == nil }
        if let from = roots.map(\.period.from.year).min(), let to = roots.map(\.period.to.year).max(), from <= to {
            planYears = Array(from...to); yearsFromCampaigns = true
        } else {
            let years = Set(collectives.map(\.profile.recognised.year) + individuals.map(\.profile.recognised.year) + awards.map(\.date.year))
            planYears = years.sorted(); yearsFromCampaigns = false
        }

        overall = counter.figures(collectives, individuals, awards)
        var byYear: [Int: Figures] = [:]
        for year in planYears {
            // A year's initiatives are those of that year, whenever their case was recognised.
            byYear[year] = counter.figures(collectives.filter { $0.profile.recognised.year == year },
                                           individuals.filter { $0.profile.recognised.year == year },
                                           awards.filter { $0.date.year == year }, initiativesOfYear: year)
        }
        self.byYear = byYear
        var byCampaign: [ID<Campaign>: Figures] = [:]
        for c in campaigns {
            let tree = Set(Self.subtree(c.id, relations.subCampaigns))
            func inTree(_ p: ExemplaryProfile) -> Bool { p.campaigns.contains(where: tree.contains) }
            var figures = counter.figures(collectives.filter { inTree($0.profile) }, individuals.filter { inTree($0.profile) },
                                          awards.filter { $0.campaign.map(tree.contains) ?? false })
            // The movements are what the report is of: a title changed there changes it.
            figures.counted = Array(Set(figures.counted + tree.map(\.ref))).sorted()
            byCampaign[c.id] = figures
        }
        self.byCampaign = byCampaign
    }

    /// `root` and every id under it, each once, whatever cycles the links have.
    public static func subtree<K>(_ root: ID<K>, _ children: [ID<K>: [ID<K>]]) -> [ID<K>] {
        var seen: Set<ID<K>> = [root], out = [root], next = [root]
        while let id = next.popLast() {
            for child in children[id] ?? [] where seen.insert(child).inserted { out.append(child); next.append(child) }
        }
        return out
    }

    /// Counts one scope's cases and decisions, of what the public may see.
    struct Counter {
        let site: Site
        let collectives: [Collective]
        let individuals: [Individual]
        let awards: [AwardDecision]
        /// Each unit's chain upwards, itself first: a case counts for every unit on it.
        let chains: [ID<Unit>: [ID<Unit>]]
        let unitNames: [ID<Unit>: VietnameseText.SortKey]
        let shownCollectives: Set<ID<Collective>>
        let shownIndividuals: Set<ID<Individual>>

        init(site: Site, relations: Relations) {
            self.site = site
            collectives = site.collectives.filter { !$0.entry.isDraft }
            individuals = site.individuals.filter { !$0.entry.isDraft && $0.consent }
            awards = site.awards.filter { !$0.entry.isDraft }
            shownCollectives = Set(collectives.map(\.id)); shownIndividuals = Set(individuals.map(\.id))
            let parents = Dictionary(uniqueKeysWithValues: site.units.map { ($0.id, $0.parent) })
            var chains: [ID<Unit>: [ID<Unit>]] = [:]
            for u in site.units {
                var chain = [u.id], seen: Set<ID<Unit>> = [u.id], next = u.parent
                while let p = next, parents[p] != nil, seen.insert(p).inserted { chain.append(p); next = parents[p] ?? nil }
                chains[u.id] = chain
            }
            self.chains = chains
            let d = site.settings.defaultLanguage
            unitNames = Dictionary(uniqueKeysWithValues: site.units.map { ($0.id, VietnameseText.sortKey($0.name[d] ?? $0.id.rawValue)) })
        }

        /// The figures of these cases and decisions. With `initiativesOfYear`, the initiatives counted
        /// are that year's, of every case; without, every initiative of the cases counted.
        func figures(_ collectives: [Collective], _ individuals: [Individual], _ awards: [AwardDecision],
                     initiativesOfYear year: Int? = nil) -> Figures {
            var f = Figures()
            var ranking: [ID<Unit>: Tally] = [:], counted = Set<EntityRef>()
            func count(_ p: ExemplaryProfile, _ add: (inout Tally) -> Void) {
                add(&f.cases)
                add(&f.byStage[p.stage, default: Tally()])
                add(&f.byField[p.field, default: Tally()])
                add(&f.byDistrict[p.district, default: Tally()])
                add(&f.byYearRecognised[p.recognised.year, default: Tally()])
                for unit in chains[p.unit] ?? [] { add(&ranking[unit, default: Tally()]) }
            }
            for c in collectives { count(c.profile) { $0.collectives += 1 }; counted.insert(c.id.ref) }
            for i in individuals {
                count(i.profile) { $0.individuals += 1 }; counted.insert(i.id.ref)
                if i.directWorker == true { f.directWorkers += 1 }
                if let g = i.gender { f.genderGiven += 1; if g == .female { f.women += 1 } }
            }
            let withInitiatives: [(EntityRef, ExemplaryProfile)] = year == nil
                ? collectives.map { ($0.id.ref, $0.profile) } + individuals.map { ($0.id.ref, $0.profile) }
                : self.collectives.map { ($0.id.ref, $0.profile) } + self.individuals.map { ($0.id.ref, $0.profile) }
            for (ref, p) in withInitiatives {
                for i in p.initiatives where year == nil || i.year == year {
                    f.initiatives.add(i)
                    if let y = i.year { f.initiativesByYear[y, default: InitiativeTally()].add(i) }
                    f.initiativesByField[p.field, default: InitiativeTally()].add(i)
                    counted.insert(ref)
                }
            }
            for a in awards {
                // A recipient left out of the site (no consent, a draft) is in no count.
                let recipients = Tally(collectives: a.collectives.filter(shownCollectives.contains).count,
                                       individuals: a.individuals.filter(shownIndividuals.contains).count)
                f.decisions += 1
                counted.insert(a.id.ref)
                func add(_ t: inout Tally) { t.collectives += recipients.collectives; t.individuals += recipients.individuals }
                add(&f.awards)
                add(&f.awardsByLevel[a.level, default: Tally()])
                add(&f.awardsByForm[a.form, default: Tally()])
                add(&f.awardsByYear[a.date.year, default: Tally()])
            }
            f.unitRanking = ranking.map { UnitCases(unit: $0.key, cases: $0.value) }.sorted { a, b in
                if a.cases.total != b.cases.total { return a.cases.total > b.cases.total }
                if let x = unitNames[a.unit], let y = unitNames[b.unit], x != y { return x < y }
                return a.unit < b.unit
            }
            // The units ranked are shown by name, and where a case counts is their tree.
            counted.formUnion(site.units.map(\.id.ref))
            f.counted = counted.sorted()
            return f
        }
    }
}
