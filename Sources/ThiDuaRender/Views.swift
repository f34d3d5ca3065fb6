import ThiDuaModel

/// Body HTML for one entity in one page language, and the language its text is in.
public struct RenderedBody: Sendable {
    public let html: String
    public let language: Language
    public init(html: String, language: Language) { self.html = html; self.language = language }
}

/// What the card partial is rendered with, once per entity and language: the card's own fields
/// over the values every page shares (`lang`, `t`, `site`, whose digest is `sharedDigest`), not the
/// page around it.
public struct CardContext: Sendable {
    public let ref: EntityRef
    public let language: Language
    let fields: [String: TemplateValue]
    let shared: TemplateObject
    public let sharedDigest: UInt64
    /// What the partial is rendered with; made only for a card that is rendered (most are reused).
    public var context: TemplateValue { .object(shared.fields.merging(fields) { $1 }) }
}

/// What the menu partial is rendered with, once per language and current item: the menu over the shared values.
public struct MenuContext: Sendable {
    public let language: Language
    public let current: MenuCurrent
    public let context: TemplateValue
}

/// Turns the model into what templates see, for one language at a time. Everything a page shows
/// is computed here once (cards are shared by the home page, lists and related pages), so
/// templates stay free of logic. Each kind of page builds its fields in a type of its own
/// (`Views/`); a `Views` is complete when made: every card and menu has its partial's HTML.
public struct Views: Sendable {
    private(set) var data: ViewData
    /// Every entity's card per language, with its HTML: a card appears on many pages.
    let cards: [Language: [EntityRef: TemplateValue]]
    /// The main menu per language and current item, with its HTML: the same on thousands of pages.
    let menus: [Language: [MenuCurrent: TemplateValue]]

    public var site: Site { data.site }
    public var relations: Relations { data.relations }
    public var statistics: Statistics { data.statistics }
    public var routes: Routes { data.routes }
    public var strings: [Language: Strings] { data.strings }
    public var bodies: [EntityRef: [Language: RenderedBody]] { data.bodies }
    public var defaultLanguage: Language { data.defaultLanguage }

    /// Makes every card and menu, with their partials rendered by the caller, which decides how:
    /// `inParallel` maps every entity to its cards in each language (on every core), `renderCards`
    /// and `renderMenus` return each context's HTML in the order given (the builder renders them in
    /// parallel, or takes them from the last build when their digest is unchanged).
    public init(site: Site, relations: Relations, routes: Routes, strings: [Language: Strings],
                bodies: [EntityRef: [Language: RenderedBody]],
                inParallel: ([EntityRef], @Sendable (EntityRef) -> [TemplateValue?]) -> [[TemplateValue?]],
                renderCards: ([CardContext]) -> [String],
                renderMenus: ([MenuContext]) -> [String]) {
        data = ViewData(site: site, relations: relations, routes: routes, strings: strings, bodies: bodies)
        cards = Self.cards(data, inParallel: inParallel, render: renderCards)
        menus = Self.menus(data, render: renderMenus)
    }

    /// Every entity's card in every language: its fields made on every core, then its partial rendered by `render`.
    static func cards(_ data: ViewData, inParallel: ([EntityRef], @Sendable (EntityRef) -> [TemplateValue?]) -> [[TemplateValue?]],
                      render: ([CardContext]) -> [String]) -> [Language: [EntityRef: TemplateValue]] {
        let languages = data.site.settings.languages, refs = data.site.allRefs
        let fields = inParallel(refs) { ref in
            guard let entity = data.site.entity(ref) else { return languages.map { _ in nil } }
            return languages.map { data.inLanguage($0).card(entity) }
        }
        var contexts: [CardContext] = [], own: [[String: TemplateValue]] = []
        for (li, lang) in languages.enumerated() {
            let shared = data.shared(lang), sharedDigest = shared.value.digest()
            for (ref, cards) in zip(refs, fields) {
                guard case .object(let card)? = cards[li] else { continue }
                contexts.append(CardContext(ref: ref, language: lang, fields: card, shared: shared, sharedDigest: sharedDigest))
                own.append(card)
            }
        }
        let html = render(contexts)
        precondition(html.count == contexts.count, "renderCards returns one card's HTML per context")
        var cards = Dictionary(languages.map { ($0, [EntityRef: TemplateValue](minimumCapacity: refs.count)) }) { a, _ in a }
        for (i, card) in contexts.enumerated() { cards[card.language]![card.ref] = withHTML(own[i], html[i]) }
        return cards
    }

    /// Every menu a page can show, in every language, with its partial rendered by `render`.
    static func menus(_ data: ViewData, render: ([MenuContext]) -> [String]) -> [Language: [MenuCurrent: TemplateValue]] {
        let contexts = data.menuContexts()
        let html = render(contexts)
        precondition(html.count == contexts.count, "renderMenus returns one menu's HTML per context")
        var menus: [Language: [MenuCurrent: TemplateValue]] = [:]
        for (menu, html) in zip(contexts, html) {
            guard case .object(let fields)? = menu.context["menu"] else { continue }
            menus[menu.language, default: [:]][menu.current] = withHTML(fields, html)
        }
        return menus
    }

    /// A card's or menu's fields with `html`, its partial rendered ahead, for `{{{html}}}` on a line
    /// of its own: the partial's file ends with a newline and the line that inserts it puts its own.
    static func withHTML(_ fields: [String: TemplateValue], _ html: String) -> TemplateValue {
        var fields = fields
        fields["html"] = .string(html.hasSuffix("\n") ? String(html.dropLast()) : html)
        return .object(fields)
    }

    /// The same views with these bodies: a rebuild renders only the bodies of the pages it makes anew.
    public func with(bodies: [EntityRef: [Language: RenderedBody]]) -> Views {
        var copy = self
        copy.data.bodies = bodies
        return copy
    }

    /// Every entity of a kind, in its list order.
    public func listOrder(_ kind: EntityKind) -> [EntityRef] { data.order[kind] ?? [] }
}
