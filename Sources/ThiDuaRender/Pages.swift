import ThiDuaModel

/// What a page shows; the site planner decides which pages exist.
public enum PageKind: Hashable, Sendable {
    case home
    /// Page `number` (from 1) of `count` of a section's list.
    case list(EntityKind, number: Int, count: Int, items: [EntityRef])
    case entity(EntityRef)
    /// The entries of a kind with one value of a facet (a field, district, stage or year).
    case facet(EntityKind, Facet, key: String, items: [EntityRef])
    /// A summary report with its charts.
    case report(ReportScope)

    /// The template that renders this kind of page.
    public var template: String {
        switch self {
        case .home: HomePage.template
        case .list, .facet: ListPage.template
        case .entity(let ref): ref.kind.page.template
        case .report: ReportPage.template
        }
    }

    public static let allTemplates = [HomePage.template, ListPage.template, ReportPage.template] + EntityKind.allCases.map { $0.page.template }
}

/// One page to write: what it shows, in which language, at which address, and where
/// the same page lives in the other languages.
public struct PlannedPage: Sendable {
    public let kind: PageKind
    public let section: Section
    public let language: Language
    public let path: String
    public let alternates: [Language: String]
    public init(kind: PageKind, section: Section, language: Language, path: String, alternates: [Language: String]) {
        self.kind = kind; self.section = section; self.language = language; self.path = path; self.alternates = alternates
    }
}

/// What one page shows besides the chrome every page shares: its own fields under their key
/// (`home`, `list`, `entity`), its title and description, and what it adds to `page`.
struct PageFields {
    let key: String
    let value: TemplateValue
    let title: String
    let description: String?
    let page: TemplateObject
}

extension Views {
    /// Everything the templates see for one page: the page's own fields plus the
    /// chrome every page shares (language, menu, language switcher, hreflang links).
    public func context(for page: PlannedPage) -> TemplateValue? {
        let lang = page.language, v = data.inLanguage(lang)
        let cards = Cards(data: data, byRef: self.cards[lang] ?? [:])
        let shown: PageFields
        switch page.kind {
        case .home: shown = HomePage.fields(v, cards)
        case .list(let kind, let number, let count, let items):
            shown = ListPage.fields(kind, number: number, count: count, items: items, v, cards)
        case .facet(let kind, let facet, let key, let items):
            shown = ListPage.fields(kind, facet: (facet, key), items: items, v, cards)
        case .entity(let ref):
            guard let fields = v.entityPage(ref, cards) else { return nil }
            shown = fields
        case .report(let scope):
            guard let fields = ReportPage.fields(scope, v) else { return nil }
            shown = fields
        }
        var o = data.shared(lang)
        o.set(shown.key, shown.value)
        var p = shown.page
        p["title"] = shown.title
        p["description"] = shown.description ?? v.text(site.settings.title)
        p["url"] = page.path
        p["canonical"] = routes.absolute(page.path)
        o.set("page", p.value)

        // hreflang for every language the page exists in, and x-default to the default language.
        o.set("alternates", list: site.settings.languages.compactMap { l in
            guard let path = page.alternates[l] else { return nil }
            var d = TemplateObject()
            d["hreflang"] = l.code; d["url"] = routes.absolute(path)
            return d.value
        })
        o["x_default"] = page.alternates[defaultLanguage].map(routes.absolute)
        o.set("languages", list: site.settings.languages.compactMap { l in
            guard let path = page.alternates[l] else { return nil }
            var d = TemplateObject()
            d["code"] = l.code; d["name"] = strings[l]?("language.name"); d["url"] = path
            d.set("current", l == lang)
            return d.value
        })
        // Every menu a page can mark was rendered with the views.
        o.set("menu", menus[lang]?[data.menuCurrent(page.kind)])
        return o.value
    }
}

extension Views {
    /// The other entities whose cards or links an entity's page shows (its kind's `shows`): with
    /// its own files, what the page is made from, so a rebuild can tell it is unchanged without
    /// building it.
    public func shows(_ ref: EntityRef) -> [EntityRef] {
        site.entity(ref).map { ref.kind.page.shows(of: $0, relations) } ?? []
    }

    /// The entities whose cards the home page shows, and the sections it counts.
    public var homeShows: (cards: [EntityRef], counted: [EntityKind]) { (HomePage.shows(data), HomePage.counted) }

    /// A digest of every card in every language, fields and HTML: what a page that shows a card, or
    /// links to its entity (the link's title is the card's), is made from.
    public func cardDigests(inParallel: ([EntityRef], @Sendable (EntityRef) -> [UInt64]) -> [[UInt64]]) -> [Language: [EntityRef: UInt64]] {
        let languages = site.settings.languages, refs = site.allRefs, cards = self.cards
        let digests = inParallel(refs) { ref in languages.map { cards[$0]?[ref]?.digest() ?? 0 } }
        var out: [Language: [EntityRef: UInt64]] = [:]
        for (li, lang) in languages.enumerated() {
            out[lang] = Dictionary(uniqueKeysWithValues: zip(refs, digests.map { $0[li] }))
        }
        return out
    }

    /// `refs` by kind, then in each kind's list order (what a page that shows them lists them by).
    public func inListOrder(_ refs: [EntityRef]) -> [EntityRef] {
        refs.map { ($0, data.rank[$0] ?? Int.max) }.sorted { ($0.0.kind.rawValue, $0.1, $0.0.id) < ($1.0.kind.rawValue, $1.1, $1.0.id) }.map(\.0)
    }

    /// Every facet page the lists have.
    public var facetPages: [(kind: EntityKind, facet: Facet, key: String, items: [EntityRef])] {
        data.facets.all.map { ($0.kind, $0.value.facet, $0.value.key, $0.value.items) }
    }

    /// A digest of a kind's facet links (values and counts) as `lang` words them: what its list
    /// and facet pages show besides their cards.
    public func facetDigest(_ kind: EntityKind, _ lang: Language, current: (Facet, String)? = nil) -> UInt64 {
        data.inLanguage(lang).facetNavigation(kind, current: current)?.digest() ?? 0
    }

    /// Every report the site has, in the order the reports list them.
    public var reportScopes: [ReportScope] { ReportPage.scopes(statistics, site) }

    /// A digest of the figures a page shows as they are worded in its language: a report's whole
    /// page, a campaign's short report. Reports read nearly everything (every case, decision and
    /// unit), so what they are made from is declared as what they show, not entry by entry.
    public func reportDigest(_ kind: PageKind, _ lang: Language) -> UInt64 {
        let v = data.inLanguage(lang)
        switch kind {
        case .report(let scope): return ReportPage.fields(scope, v)?.value.digest() ?? 0
        case .entity(let ref) where ref.kind == .campaigns:
            return site[ID<Campaign>(ref.id)].flatMap { ReportPage.summary($0, v) }?.digest() ?? 0
        default: return 0
        }
    }

    /// The digest of the menu `page` shows, with its HTML.
    public func menuDigest(for page: PlannedPage) -> UInt64 {
        menus[page.language]?[data.menuCurrent(page.kind)]?.digest() ?? 0
    }

    /// What building the entity's page (or, for nil, the home page) in `lang` actually read of other
    /// entities, for the tests that hold `shows` to the page it describes.
    public func recordedShows(_ ref: EntityRef?, _ lang: Language) -> [EntityRef] {
        let recorder = ShownRecorder()
        let v = data.inLanguage(lang, recorder: recorder)
        let cards = Cards(data: data, byRef: self.cards[lang] ?? [:], recorder: recorder)
        if let ref { _ = v.entityPage(ref, cards) } else { _ = HomePage.fields(v, cards) }
        return recorder.refs
    }
}
