import ThiDuaModel

/// A union organisation (the provincial federation, a district federation, a sector or grassroots
/// union): the units under it, its exemplary collectives and individuals, the campaigns it organises.
enum UnitPage: EntityPage {
    static let template = "unit"

    /// By kind (the federation first), then by name.
    static func listOrder(_ all: [Unit], defaultLanguage d: Language) -> [Unit] {
        all.sorted(byKey: { u in
            UnitKey(kind: UnitKind.allCases.firstIndex(of: u.kind)!, name: VietnameseText.sortKey(u.name[d] ?? u.id.rawValue))
        })
    }

    struct UnitKey: Comparable {
        let kind: Int
        let name: VietnameseText.SortKey
        static func < (a: UnitKey, b: UnitKey) -> Bool { (a.kind, a.name) < (b.kind, b.name) }
    }

    static func card(_ u: Unit, _ v: InLanguage) -> CardFields {
        var card = CardFields()
        v.put(u.name, "title", into: &card.fields)
        card.meta = [v.s("unit_kind.\(u.kind.rawValue)")] + (v.district(u.district).map { [$0] } ?? [])
        return card
    }

    static func page(_ u: Unit, _ v: InLanguage, _ cards: Cards) -> EntityFields {
        let r = v.relations
        var o = TemplateObject()
        v.put(u.name, "title", into: &o); v.put(u.shortName, "short_name", into: &o)
        o["kind_label"] = v.s("unit_kind.\(u.kind.rawValue)")
        o.set("parent", v.link(u.parent, \.name))
        o["district"] = v.district(u.district)
        o.set("sub_units", list: cards.listed(r.subUnits[u.id] ?? []))
        o.set("collectives", list: cards.listed(r.collectivesOfUnit[u.id] ?? []))
        o.set("individuals", list: cards.listed(r.individualsOfUnit[u.id] ?? []))
        o.set("campaigns", list: cards.listed(r.campaignsOrganisedBy[u.id] ?? []))
        o.set("stories", list: cards(r.storiesAbout[u.id.ref] ?? []))
        return EntityFields(fields: o, title: v.text(u.name), summary: nil)
    }

    static func shows(_ u: Unit, _ r: Relations) -> [EntityRef] {
        (u.parent.map { [$0.ref] } ?? []) + (r.subUnits[u.id] ?? []).map(\.ref) + (r.collectivesOfUnit[u.id] ?? []).map(\.ref)
            + (r.individualsOfUnit[u.id] ?? []).map(\.ref) + (r.campaignsOrganisedBy[u.id] ?? []).map(\.ref)
            + (r.storiesAbout[u.id.ref] ?? []).map(\.ref)
    }
}
