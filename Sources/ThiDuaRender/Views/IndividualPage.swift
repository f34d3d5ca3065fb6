import ThiDuaModel

/// An exemplary individual (cá nhân điển hình tiên tiến): their position, profile and the decisions that commended them.
enum IndividualPage: EntityPage {
    static let template = "individual"

    /// Given name first, then the whole name (CONTENT-MODEL section 5).
    static func listOrder(_ all: [Individual], defaultLanguage: Language) -> [Individual] {
        all.sorted(byKey: { PersonKey(VietnameseText.personKey(name: $0.name, givenName: $0.givenName)) })
    }

    struct PersonKey: Comparable {
        let keys: [VietnameseText.SortKey]
        init(_ keys: [VietnameseText.SortKey]) { self.keys = keys }
        static func < (a: PersonKey, b: PersonKey) -> Bool { a.keys.lexicographicallyPrecedes(b.keys) }
    }

    static func card(_ i: Individual, _ v: InLanguage) -> CardFields {
        var card = CardFields()
        card.fields["title"] = i.name
        v.put(i.position, "subtitle", into: &card.fields)
        i.profile.card(v, id: i.id.rawValue, name: i.name, into: &card)
        return card
    }

    static func page(_ i: Individual, _ v: InLanguage, _ cards: Cards) -> EntityFields {
        var o = TemplateObject()
        o["title"] = i.name
        v.put(i.position, "position", into: &o)
        if let direct = i.directWorker, direct { o["direct_worker"] = v.s("individual.direct_worker") }
        i.profile.page(v, id: i.id.rawValue, name: i.name, into: &o)
        o.set("open_nominations", list: v.openNominations(i.id.ref))
        o.set("awards", list: v.awardLinks(v.relations.awardsOfIndividual[i.id] ?? []))
        o.set("stories", list: cards(v.relations.storiesAbout[i.id.ref] ?? []))
        return EntityFields(fields: o, title: i.name, summary: i.profile.summary)
    }

    static func shows(_ i: Individual, _ r: Relations) -> [EntityRef] {
        i.profile.shows + (r.nominationsOf[i.id.ref] ?? []).map(\.ref) + (r.awardsOfIndividual[i.id] ?? []).map(\.ref)
            + (r.storiesAbout[i.id.ref] ?? []).map(\.ref)
    }
}
