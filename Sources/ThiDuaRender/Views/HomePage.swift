import ThiDuaModel

/// The home page: featured examples, active campaigns, the latest stories and decisions, and the site in numbers.
enum HomePage {
    static let template = "home"

    static func featured(_ site: Site) -> (collectives: [ID<Collective>], individuals: [ID<Individual>]) {
        (site.collectives.filter(\.profile.featured).map(\.id), site.individuals.filter(\.profile.featured).map(\.id))
    }
    static func activeCampaigns(_ site: Site) -> [ID<Campaign>] { site.campaigns.filter { $0.status == .active }.map(\.id) }
    static func latestStories(_ data: ViewData) -> [EntityRef] { Array((data.order[.stories] ?? []).prefix(6)) }
    static func latestAwards(_ data: ViewData) -> [EntityRef] { Array((data.order[.awards] ?? []).prefix(5)) }

    /// Every entity whose card the home page shows (besides the counts of four sections): what a
    /// rebuild watches, held to `fields` by the tests as every entity page's `shows` is.
    static func shows(_ data: ViewData) -> [EntityRef] {
        let (collectives, individuals) = featured(data.site)
        return collectives.map(\.ref) + individuals.map(\.ref) + activeCampaigns(data.site).map(\.ref)
            + latestStories(data) + latestAwards(data)
    }

    /// The sections the home page counts.
    static let counted: [EntityKind] = [.campaigns, .collectives, .individuals, .awards]

    static func fields(_ v: InLanguage, _ cards: Cards) -> PageFields {
        let site = v.site, s = v.s
        var o = TemplateObject()
        let (featuredCollectives, featuredPeople) = featured(site)
        o.set("featured", list: cards.listed(featuredCollectives) + cards.listed(featuredPeople))
        o.set("active_campaigns", list: cards.listed(activeCampaigns(site)))
        o.set("latest_stories", list: cards(latestStories(v.data)))
        o.set("latest_awards", list: cards(latestAwards(v.data)))
        o.set("stats", list: counted.map { kind in
            var d = TemplateObject()
            d["count"] = s.grouped(site.entities(of: kind).count); d["label"] = s("sections.\(kind.rawValue).title")
            d["url"] = v.routes.section(kind, v.lang)
            return d.value
        })
        var p = TemplateObject()
        p.set("is_home", true)
        return PageFields(key: "home", value: o.value, title: v.text(site.settings.title), description: nil, page: p)
    }
}
