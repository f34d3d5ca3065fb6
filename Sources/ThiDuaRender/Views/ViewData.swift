import ThiDuaModel

/// The model as every card, menu and page reads it, made once per build: the site, its links,
/// where pages live, the interface strings, the rendered bodies, and each entity's list place.
struct ViewData: Sendable {
    let site: Site
    let relations: Relations
    /// Every figure the reports show, counted once.
    let statistics: Statistics
    let routes: Routes
    let strings: [Language: Strings]
    var bodies: [EntityRef: [Language: RenderedBody]]
    /// Every kind's entities in its list order, and each entity's place in it, so that any subset
    /// sorts without recomputing Vietnamese sort keys (campaign and unit pages sort their members on every page).
    let order: [EntityKind: [EntityRef]]
    let rank: [EntityRef: Int]
    /// Each kind's entries by field, district, stage and year, in list order.
    let facets: FacetIndex
    /// The pages in the main menu, in its order.
    let menuPages: [Page]
    /// `lang`, `t` and `site` per language, made once.
    private(set) var sharedValues: [Language: TemplateObject] = [:]

    init(site: Site, relations: Relations, routes: Routes, strings: [Language: Strings], bodies: [EntityRef: [Language: RenderedBody]]) {
        self.site = site; self.relations = relations; self.routes = routes; self.strings = strings; self.bodies = bodies
        statistics = Statistics(site, relations)
        let order = Dictionary(uniqueKeysWithValues: EntityKind.allCases.map { ($0, $0.page.listOrder(in: site)) })
        self.order = order
        rank = Dictionary(uniqueKeysWithValues: order.values.flatMap { $0.enumerated().map { ($1, $0) } })
        facets = FacetIndex(site: site, order: order)
        menuPages = site.pages.filter { $0.menu != nil }.sorted { ($0.menu!, $0.id) < ($1.menu!, $1.id) }
        for lang in site.settings.languages where strings[lang] != nil { sharedValues[lang] = inLanguage(lang).makeShared() }
    }

    var defaultLanguage: Language { site.settings.defaultLanguage }

    /// The views in one language; every site language has its strings by the time views are made.
    func inLanguage(_ lang: Language, recorder: ShownRecorder? = nil) -> InLanguage {
        InLanguage(data: self, lang: lang, s: strings[lang]!, recorder: recorder)
    }

    /// The values every template sees, whatever the page.
    func shared(_ lang: Language) -> TemplateObject { sharedValues[lang] ?? inLanguage(lang).makeShared() }

    /// The ids that exist, in their kind's list order.
    func sorted<K: Entity>(_ ids: [ID<K>]) -> [ID<K>] {
        ids.compactMap { id in rank[id.ref].map { (id, $0) } }.sorted { $0.1 < $1.1 }.map(\.0)
    }
}

/// The views in one language: the helpers every card and page is written with.
struct InLanguage {
    let data: ViewData
    let lang: Language
    let s: Strings
    /// Notes every other entity a page reads, when the tests ask (nil when building a site).
    var recorder: ShownRecorder? = nil

    var site: Site { data.site }
    var relations: Relations { data.relations }
    var routes: Routes { data.routes }

    /// Sets `key` to the text and, when it is shown from another language, `key_lang`
    /// to that language, so the template can mark it `lang="vi"` for screen readers.
    func put(_ text: LocalizedText, _ key: String, into object: inout TemplateObject) {
        guard let r = text.resolve(lang, fallback: data.defaultLanguage), !r.value.isEmpty else { return }
        object[key] = r.value
        if r.isFallback { object[key + "_lang"] = r.language.code }
    }

    func text(_ text: LocalizedText) -> String {
        text.resolve(lang, fallback: data.defaultLanguage)?.value ?? ""
    }

    func url(_ ref: EntityRef) -> String { routes.entity(ref, lang) }

    /// A link to an entity: `{url, title}`.
    func link(_ ref: EntityRef, _ title: LocalizedText) -> TemplateValue {
        var o = TemplateObject()
        o["url"] = url(ref)
        put(title, "title", into: &o)
        return o.value
    }

    /// A link to the entity `id` names, titled by its `title`; nil when there is none or the site does not have it.
    func link<E: Entity>(_ id: ID<E>?, _ title: KeyPath<E, LocalizedText>) -> TemplateValue? {
        if let id { recorder?.note([id.ref]) }
        return id.flatMap { site[$0] }.map { link($0.id.ref, $0[keyPath: title]) }
    }

    /// A link whose title is in the page's language says so with `title_lang` false: a link shown
    /// inside another object (a row, a nomination) must not take that object's `title_lang` from the
    /// context around it, as a Mustache lookup would.
    func sealed(_ link: TemplateValue?) -> TemplateValue? {
        guard case .object(var fields)? = link else { return link }
        if fields["title_lang"] == nil { fields["title_lang"] = .bool(false) }
        return .object(fields)
    }

    func image(_ path: MediaPath?, alt: LocalizedText) -> TemplateValue? {
        guard let path, let info = site.media[path] else { return nil }
        var o = TemplateObject()
        o["src"] = routes.basePath + path.path
        o["width"] = info.width.map(String.init)
        o["height"] = info.height.map(String.init)
        put(alt, "alt", into: &o)
        if o["alt"] == nil { o["alt"] = "" }
        return o.value
    }

    /// A district's name, from the site's vocabulary.
    func district(_ id: DistrictID?) -> String? { id.flatMap { site.settings.district($0) }.map { text($0.label) } }

    /// A form of commendation's name: the site's label (`award_forms`) where it gives one, else the theme's.
    func formLabel(_ form: AwardForm) -> String {
        if let term = site.settings.awardForm(form), !term.label.isEmpty { return text(term.label) }
        return s.lookup("award_form.\(form.rawValue)")?.description ?? form.rawValue
    }

    /// A field of work's name, from the site's vocabulary.
    func field(_ id: FieldID) -> String? { site.settings.field(id).map { text($0.label) } }

    func makeShared() -> TemplateObject {
        var o = TemplateObject()
        o["lang"] = lang.code
        o.set("t", s.tree)
        var siteObject = TemplateObject()
        siteObject["title"] = text(site.settings.title)
        siteObject["home_url"] = routes.home(lang)
        siteObject["assets_url"] = routes.basePath + "assets/"
        o.set("site", siteObject.value)
        return o
    }
}

/// Every entity's card in one language, each with its partial's HTML: what pages list.
struct Cards {
    let data: ViewData
    let byRef: [EntityRef: TemplateValue]
    var recorder: ShownRecorder? = nil

    /// The cards of `ids`, in the order given.
    func callAsFunction<K: Entity>(_ ids: [ID<K>]) -> [TemplateValue] { self(ids.map(\.ref)) }
    func callAsFunction(_ refs: [EntityRef]) -> [TemplateValue] {
        recorder?.note(refs)
        return refs.compactMap { byRef[$0] }
    }

    /// The cards of `ids`, in their kind's list order.
    func listed<K: Entity>(_ ids: [ID<K>]) -> [TemplateValue] { self(data.sorted(ids)) }
}

/// The other entities a page read while it was built: what the tests compare with its `shows`.
final class ShownRecorder: @unchecked Sendable {
    private(set) var refs: [EntityRef] = []
    func note(_ more: [EntityRef]) { refs += more }
}
