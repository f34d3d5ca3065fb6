/// The links between entities, derived once from the site so that every page
/// and (later) every report reads the same answer.
public struct Relations: Sendable {
    public private(set) var subCampaigns: [ID<Campaign>: [ID<Campaign>]] = [:]
    public private(set) var collectivesInCampaign: [ID<Campaign>: [ID<Collective>]] = [:]
    public private(set) var individualsInCampaign: [ID<Campaign>: [ID<Individual>]] = [:]
    public private(set) var awardsInCampaign: [ID<Campaign>: [ID<AwardDecision>]] = [:]
    public private(set) var subUnits: [ID<Unit>: [ID<Unit>]] = [:]
    public private(set) var collectivesOfUnit: [ID<Unit>: [ID<Collective>]] = [:]
    public private(set) var individualsOfUnit: [ID<Unit>: [ID<Individual>]] = [:]
    public private(set) var campaignsOrganisedBy: [ID<Unit>: [ID<Campaign>]] = [:]
    public private(set) var awardsOfIndividual: [ID<Individual>: [ID<AwardDecision>]] = [:]
    public private(set) var awardsOfCollective: [ID<Collective>: [ID<AwardDecision>]] = [:]
    public private(set) var storiesAbout: [EntityRef: [ID<Story>]] = [:]
    /// The nominations naming an individual or collective, the latest window first.
    public private(set) var nominationsOf: [EntityRef: [ID<Nomination>]] = [:]
    /// The nominations an award decided.
    public private(set) var nominationsDecidedBy: [ID<AwardDecision>: [ID<Nomination>]] = [:]

    public init(_ site: Site) {
        for c in site.campaigns {
            if let p = c.parent { subCampaigns[p, default: []].append(c.id) }
            campaignsOrganisedBy[c.organizer, default: []].append(c.id)
        }
        for u in site.units { if let p = u.parent { subUnits[p, default: []].append(u.id) } }
        for c in site.collectives {
            collectivesOfUnit[c.profile.unit, default: []].append(c.id)
            for k in c.profile.campaigns { collectivesInCampaign[k, default: []].append(c.id) }
        }
        for i in site.individuals {
            individualsOfUnit[i.profile.unit, default: []].append(i.id)
            for k in i.profile.campaigns { individualsInCampaign[k, default: []].append(i.id) }
        }
        // Newest decision first, as a register reads.
        for a in site.awards.sorted(by: { ($0.date, $1.id) > ($1.date, $0.id) }) {
            for i in a.individuals { awardsOfIndividual[i, default: []].append(a.id) }
            for c in a.collectives { awardsOfCollective[c, default: []].append(a.id) }
            if let k = a.campaign { awardsInCampaign[k, default: []].append(a.id) }
        }
        for s in site.stories.sorted(by: { ($0.date, $1.id) > ($1.date, $0.id) }) {
            for r in s.about { storiesAbout[r, default: []].append(s.id) }
        }
        for n in site.nominations.sorted(by: { ($0.comment.from, $1.id) > ($1.comment.from, $0.id) }) {
            nominationsOf[n.nominee, default: []].append(n.id)
            if let d = n.decision { nominationsDecidedBy[d, default: []].append(n.id) }
        }
    }

    /// The chain of parents from the root down to (not including) `campaign`.
    public static func ancestors(of campaign: Campaign, in byID: [ID<Campaign>: Campaign]) -> [Campaign] {
        var chain: [Campaign] = [], seen: Set<ID<Campaign>> = [campaign.id], next = campaign.parent
        while let id = next, let c = byID[id], seen.insert(id).inserted { chain.append(c); next = c.parent }
        return chain.reversed()
    }
}
