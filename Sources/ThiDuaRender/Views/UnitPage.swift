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
        // The units under it as a tree, and every exemplary case of the whole subtree.
        let tree = subtree(u, r)
        o.set("sub_units", list: branch(u.id, v, r, seen: [u.id]))
        o["sub_units_count"] = v.s.grouped(tree.count - 1)
        o.set("collectives", list: cards.listed(tree.flatMap { r.collectivesOfUnit[$0] ?? [] }))
        o.set("individuals", list: cards.listed(tree.flatMap { r.individualsOfUnit[$0] ?? [] }))
        o.set("campaigns", list: cards.listed(r.campaignsOrganisedBy[u.id] ?? []))
        o.set("stories", list: cards(r.storiesAbout[u.id.ref] ?? []))
        return EntityFields(fields: o, title: v.text(u.name), summary: nil)
    }

    /// The unit and every unit under it.
    static func subtree(_ u: Unit, _ r: Relations) -> [ID<Unit>] { Statistics.subtree(u.id, r.subUnits) }

    /// The units directly under `id`, each with its own branch, in list order.
    static func branch(_ id: ID<Unit>, _ v: InLanguage, _ r: Relations, seen: Set<ID<Unit>>) -> [TemplateValue] {
        v.data.sorted(r.subUnits[id] ?? []).filter { !seen.contains($0) }.compactMap { child in
            guard case .object(var fields)? = v.link(child, \.name) else { return nil }
            var children = TemplateObject()
            children.set("children", list: branch(child, v, r, seen: seen.union([child])))
            // Present even when empty: a missing key would find the parent's `children` up the
            // context stack, and the partial would include itself for ever.
            fields["children"] = children.fields["children"] ?? .bool(false)
            return .object(fields)
        }
    }

    static func shows(_ u: Unit, _ r: Relations) -> [EntityRef] {
        let tree = subtree(u, r)
        return (u.parent.map { [$0.ref] } ?? []) + tree.dropFirst().map(\.ref) + tree.flatMap { r.collectivesOfUnit[$0] ?? [] }.map(\.ref)
            + tree.flatMap { r.individualsOfUnit[$0] ?? [] }.map(\.ref) + (r.campaignsOrganisedBy[u.id] ?? []).map(\.ref)
            + (r.storiesAbout[u.id.ref] ?? []).map(\.ref)
    }
}
