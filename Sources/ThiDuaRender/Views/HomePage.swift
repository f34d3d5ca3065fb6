import ThiDuaModel

/// The home page: featured examples, active campaigns, the latest stories and decisions, and the site in numbers.
enum HomePage {
    static let template = "home"

    static func fields(_ v: InLanguage, _ cards: Cards) -> PageFields {
        let site = v.site, s = v.s
        var o = TemplateObject()
        let featuredCollectives = site.collectives.filter(\.profile.featured).map(\.id)
        let featuredPeople = site.individuals.filter(\.profile.featured).map(\.id)
        o.set("featured", list: cards.listed(featuredCollectives) + cards.listed(featuredPeople))
        o.set("active_campaigns", list: cards.listed(site.campaigns.filter { $0.status == .active }.map(\.id)))
        o.set("latest_stories", list: cards(Array((v.data.order[.stories] ?? []).prefix(6))))
        o.set("latest_awards", list: cards(Array((v.data.order[.awards] ?? []).prefix(5))))
        o.set("stats", list: [EntityKind.campaigns, .collectives, .individuals, .awards].map { kind in
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
