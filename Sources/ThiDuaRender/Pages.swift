import ThiDuaModel

/// What a page shows; the site planner decides which pages exist.
public enum PageKind: Hashable, Sendable {
    case home
    /// Page `number` (from 1) of `count` of a section's list.
    case list(EntityKind, number: Int, count: Int, items: [EntityRef])
    case entity(EntityRef)

    /// The template that renders this kind of page.
    public var template: String {
        switch self {
        case .home: "home"
        case .list: "list"
        case .entity(let ref):
            switch ref.kind {
            case .campaigns: "campaign"
            case .units: "unit"
            case .collectives: "collective"
            case .individuals: "individual"
            case .awards: "award"
            case .stories: "story"
            case .pages: "page"
            }
        }
    }

    public static let allTemplates = ["home", "list", "campaign", "unit", "collective", "individual", "award", "story", "page"]
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

extension Views {
    /// Everything the templates see for one page: the page's own fields plus the
    /// chrome every page shares (language, menu, language switcher, hreflang links).
    public func context(for page: PlannedPage) -> TemplateValue? {
        let lang = page.language, s = strings[lang]!
        var o = shared(lang)
        var p = TemplateObject()
        var title = "", description: String? = nil
        switch page.kind {
        case .home:
            o.set("home", home(lang))
            title = text(site.settings.title, lang)
            p.set("is_home", true)
        case .list(let kind, let number, let count, let items):
            title = s("sections.\(kind.rawValue).title")
            var l = TemplateObject()
            l["kind"] = kind.rawValue
            l["title"] = title
            l["intro"] = s.lookup("sections.\(kind.rawValue).intro")?.description
            l.set("entries", list: items.compactMap { card($0, lang) })
            l["count_label"] = s("label.items_count").replacingAll("{count}", s.grouped(self.count(of: kind)))
            if count > 1 {
                var pg = TemplateObject()
                pg["current"] = String(number); pg["count"] = String(count)
                pg["label"] = s("pagination.page_n").replacingAll("{n}", "\(number)/\(count)")
                if number > 1 { pg["prev_url"] = routes.section(kind, lang, page: number - 1) }
                if number < count { pg["next_url"] = routes.section(kind, lang, page: number + 1) }
                pg.set("pages", list: (1...count).map { n in
                    var d = TemplateObject()
                    d["number"] = String(n); d["url"] = routes.section(kind, lang, page: n)
                    d.set("current", n == number)
                    return d.value
                })
                l.set("pagination", pg.value)
                title += " — " + s("pagination.page_n").replacingAll("{n}", String(number))
            }
            o.set("list", l.value)
            p["section"] = kind.rawValue
        case .entity(let ref):
            guard let (value, entityTitle, summary) = entity(ref, lang) else { return nil }
            o.set("entity", value)
            title = entityTitle; description = summary
            p["section"] = ref.kind.rawValue
            p["kind_label"] = s("kind.\(ref.kind.rawValue)")
            if ref.kind != .pages {
                p["section_url"] = routes.section(ref.kind, lang)
                p["section_title"] = s("sections.\(ref.kind.rawValue).title")
            }
            if !isTranslated(ref, lang) {
                p["untranslated_lang"] = defaultLanguage.code
                p["untranslated_notice"] = s("untranslated.notice")
            }
            p.set("sample", isSample(ref))
        }
        p["title"] = title
        p["description"] = description ?? text(site.settings.title, lang)
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

        o.set("menu", menu(lang, current: menuCurrent(page.kind)))
        return o.value
    }

    /// Which menu item a page marks as current: the home page, a section (its list and its
    /// entries), or a page of the menu (a section or page not in the menu marks none).
    func menuCurrent(_ kind: PageKind) -> MenuCurrent {
        switch kind {
        case .home: .home
        case .list(let k, _, _, _): .section(k)
        case .entity(let ref): ref.kind == .pages ? .page(ref.id) : .section(ref.kind)
        }
    }

    /// The main menu in `lang` with `current` marked: `{items, count, html}`, where `html` is the
    /// menu partial rendered once for this language and item (see `withMenuHTML`).
    public func menu(_ lang: Language, current: MenuCurrent) -> TemplateValue {
        if let cached = menuCache[lang]?[current] { return cached }
        return makeMenu(lang, current: current)
    }

    func makeMenu(_ lang: Language, current: MenuCurrent) -> TemplateValue {
        let s = strings[lang]!
        var menu: [TemplateValue] = []
        func item(_ title: String, _ url: String, current: Bool) {
            var d = TemplateObject()
            d["title"] = title; d["url"] = url; d.set("current", current)
            menu.append(d.value)
        }
        item(s("nav.home"), routes.home(lang), current: current == .home)
        for kind in Self.menuSections {
            item(s("sections.\(kind.rawValue).title"), routes.section(kind, lang), current: current == .section(kind))
        }
        for pg in menuPages {
            item(text(pg.title, lang), routes.entity(pg.id.ref, lang), current: current == .page(pg.id.rawValue))
        }
        var o = TemplateObject()
        o.set("items", .list(menu))
        o["count"] = String(menu.count)
        return o.value
    }

    static let menuSections: [EntityKind] = [.campaigns, .collectives, .individuals, .awards, .stories]
    var menuPages: [Page] { site.pages.filter { $0.menu != nil }.sorted { ($0.menu!, $0.id) < ($1.menu!, $1.id) } }

    /// Every menu a page can show, with what its partial is rendered with: the menu over the shared values.
    public func menuContexts() -> [(language: Language, current: MenuCurrent, context: TemplateValue)] {
        let currents: [MenuCurrent] = [.home] + EntityKind.allCases.map { .section($0) } + menuPages.map { .page($0.id.rawValue) }
        return site.settings.languages.flatMap { lang in
            currents.map { current in
                var o = shared(lang)
                o.set("menu", makeMenu(lang, current: current))
                return (lang, current, o.value)
            }
        }
    }

    /// The same views with each menu's HTML as its partial rendered it.
    public func withMenuHTML(_ html: [(language: Language, current: MenuCurrent, html: String)]) -> Views {
        var copy = self
        for (lang, current, text) in html {
            guard case .object(var fields) = makeMenu(lang, current: current) else { continue }
            fields["html"] = Self.partialHTML(text)
            copy.menuCache[lang, default: [:]][current] = .object(fields)
        }
        return copy
    }
}

/// The menu item a page marks as current.
public enum MenuCurrent: Hashable, Sendable {
    case home
    case section(EntityKind)
    case page(String)
}
