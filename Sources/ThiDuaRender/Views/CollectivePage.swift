import ThiDuaModel

/// An exemplary collective (tập thể điển hình tiên tiến): its profile and the decisions that commended it.
enum CollectivePage: EntityPage {
    static let template = "collective"

    /// By name, as Vietnamese sorts it.
    static func listOrder(_ all: [Collective], defaultLanguage d: Language) -> [Collective] {
        all.sorted(byKey: { VietnameseText.sortKey($0.name[d] ?? $0.id.rawValue) })
    }

    static func card(_ c: Collective, _ v: InLanguage) -> CardFields {
        var card = CardFields()
        v.put(c.name, "title", into: &card.fields)
        c.profile.card(v, id: c.id.rawValue, name: v.text(c.name), into: &card)
        return card
    }

    static func page(_ c: Collective, _ v: InLanguage, _ cards: Cards) -> EntityFields {
        var o = TemplateObject()
        v.put(c.name, "title", into: &o)
        o["members"] = c.members.map { v.s.grouped($0) }
        c.profile.page(v, id: c.id.rawValue, name: v.text(c.name), into: &o)
        o.set("open_nominations", list: v.openNominations(c.id.ref))
        o.set("awards", list: v.awardLinks(v.relations.awardsOfCollective[c.id] ?? []))
        o.set("stories", list: cards(v.relations.storiesAbout[c.id.ref] ?? []))
        return EntityFields(fields: o, title: v.text(c.name), summary: c.profile.summary)
    }

    static func shows(_ c: Collective, _ r: Relations) -> [EntityRef] {
        c.profile.shows + (r.nominationsOf[c.id.ref] ?? []).map(\.ref) + (r.awardsOfCollective[c.id] ?? []).map(\.ref)
            + (r.storiesAbout[c.id.ref] ?? []).map(\.ref)
    }
}
