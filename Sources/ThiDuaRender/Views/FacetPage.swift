import ThiDuaModel

/// What a list of exemplary collectives or individuals can be narrowed by, each value a static
/// page of its own (`/ca-nhan/linh-vuc/education/`), so filtering needs no JavaScript.
public enum Facet: String, CaseIterable, Hashable, Sendable {
    case field, district, stage, year

    /// The kinds whose lists have facets.
    public static let kinds: [EntityKind] = [.collectives, .individuals]
}

extension Facet {
    /// The value of this facet for an exemplary case: a field or district id, a stage, a year.
    func value(of p: ExemplaryProfile) -> String? {
        switch self {
        case .field: p.field.rawValue
        case .district: p.district?.rawValue
        case .stage: p.stage.rawValue
        case .year: String(p.recognised.year)
        }
    }
}

/// The facets of the site's lists: for each kind and facet, its values and the entries of each,
/// in the kind's list order (Vietnamese alphabetical order, by given name for people).
public struct FacetIndex: Sendable {
    public struct Value: Sendable {
        public let facet: Facet
        /// A field or district id, a stage's raw value, a year.
        public let key: String
        public let items: [EntityRef]
    }
    let values: [EntityKind: [Facet: [Value]]]

    init(site: Site, order: [EntityKind: [EntityRef]]) {
        var values: [EntityKind: [Facet: [Value]]] = [:]
        for kind in Facet.kinds {
            let order = order[kind] ?? []
            let profiles: [(EntityRef, ExemplaryProfile)] = order.compactMap { ref in
                switch site.entity(ref)?.base {
                case let c as Collective: (ref, c.profile)
                case let i as Individual: (ref, i.profile)
                default: nil
                }
            }
            for facet in Facet.allCases {
                var byKey: [String: [EntityRef]] = [:]
                for (ref, p) in profiles { if let k = facet.value(of: p) { byKey[k, default: []].append(ref) } }
                let keys: [String]
                switch facet {
                case .field: keys = site.settings.fields.map(\.id.rawValue)
                case .district: keys = site.settings.districts.map(\.id.rawValue)
                case .stage: keys = Stage.allCases.map(\.rawValue)
                case .year: keys = byKey.keys.sorted()
                }
                values[kind, default: [:]][facet] = keys.compactMap { k in byKey[k].map { Value(facet: facet, key: k, items: $0) } }
            }
        }
        self.values = values
    }

    /// Every facet page: kind, facet, value and its entries.
    public var all: [(kind: EntityKind, value: Value)] {
        Facet.kinds.flatMap { kind in Facet.allCases.flatMap { f in (values[kind]?[f] ?? []).map { (kind, $0) } } }
    }
}

extension InLanguage {
    /// A facet value's label: the field's or district's name, the stage, the year.
    func facetLabel(_ facet: Facet, _ key: String) -> String {
        switch facet {
        case .field: field(FieldID(key)) ?? key
        case .district: district(DistrictID(key)) ?? key
        case .stage: s("stage.\(key)")
        case .year: key
        }
    }

    /// The ways a kind's list can be narrowed, each value linked with how many it holds, `current`
    /// marked. Fields and districts in alphabetical order of their names in the page's language.
    func facetNavigation(_ kind: EntityKind, current: (Facet, String)?) -> TemplateValue? {
        guard let byFacet = data.facets.values[kind] else { return nil }
        let groups: [TemplateValue] = Facet.allCases.compactMap { facet in
            var values = byFacet[facet] ?? []
            guard !values.isEmpty else { return nil }
            if facet == .field || facet == .district {
                values = values.map { ($0, VietnameseText.sortKey(facetLabel(facet, $0.key))) }.sorted { $0.1 < $1.1 }.map(\.0)
            }
            var g = TemplateObject()
            g["title"] = s("facet.\(facet.rawValue).title")
            g.set("values", list: values.map { value in
                var d = TemplateObject()
                d["label"] = facetLabel(facet, value.key)
                d["count"] = s.grouped(value.items.count)
                d["url"] = routes.facet(kind, facet, value.key, lang)
                d.set("current", current.map { $0 == (facet, value.key) } ?? false)
                return d.value
            })
            return g.value
        }
        guard !groups.isEmpty else { return nil }
        var o = TemplateObject()
        o.set("groups", list: groups)
        return o.value
    }
}
