import ThiDuaModel

/// An emulation campaign or movement (phong trào thi đua): the directives it implements, its
/// sub-campaigns, and the collectives, individuals and decisions it recognised.
enum CampaignPage: EntityPage {
    static let template = "campaign"

    static func listOrder(_ all: [Campaign], defaultLanguage: Language) -> [Campaign] { all.newestFirst(\.period.from) }

    static func card(_ c: Campaign, _ v: InLanguage) -> CardFields {
        var card = CardFields()
        v.put(c.title, "title", into: &card.fields); v.put(c.summary, "summary", into: &card.fields)
        card.meta = [v.s("status.\(c.status.rawValue)"), "\(v.s.shortDate(c.period.from)) – \(v.s.shortDate(c.period.to))"]
        return card
    }

    static func page(_ c: Campaign, _ v: InLanguage, _ cards: Cards) -> EntityFields {
        let s = v.s, r = v.relations
        var o = TemplateObject()
        v.put(c.title, "title", into: &o); v.put(c.theme, "theme", into: &o); v.put(c.summary, "summary", into: &o)
        o.set("organizer", v.link(c.organizer, \Unit.name))
        o.set("parent", v.link(c.parent, \.title))
        o["period"] = "\(s.longDate(c.period.from)) – \(s.longDate(c.period.to))"
        o["period_from_iso"] = c.period.from.iso; o["period_to_iso"] = c.period.to.iso
        o["status"] = c.status.rawValue; o["status_label"] = s("status.\(c.status.rawValue)")
        o.set("basis", list: c.basis.map { b in
            var d = TemplateObject()
            d["number"] = b.number
            d["date"] = b.date.map(s.longDate); d["date_iso"] = b.date?.iso
            v.put(b.issuer, "issuer", into: &d); v.put(b.title, "title", into: &d)
            return d.value
        })
        o.set("sub_campaigns", list: cards.listed(r.subCampaigns[c.id] ?? []))
        o.set("collectives", list: cards.listed(r.collectivesInCampaign[c.id] ?? []))
        o.set("individuals", list: cards.listed(r.individualsInCampaign[c.id] ?? []))
        o.set("awards", list: cards(r.awardsInCampaign[c.id] ?? []))
        o.set("stories", list: cards(r.storiesAbout[c.id.ref] ?? []))
        o.set("report", ReportPage.summary(c, v))
        return EntityFields(fields: o, title: v.text(c.title), summary: c.summary)
    }

    static func shows(_ c: Campaign, _ r: Relations) -> [EntityRef] {
        [c.organizer.ref] + (c.parent.map { [$0.ref] } ?? []) + (r.subCampaigns[c.id] ?? []).map(\.ref)
            + (r.collectivesInCampaign[c.id] ?? []).map(\.ref) + (r.individualsInCampaign[c.id] ?? []).map(\.ref)
            + (r.awardsInCampaign[c.id] ?? []).map(\.ref) + (r.storiesAbout[c.id.ref] ?? []).map(\.ref)
    }
}
