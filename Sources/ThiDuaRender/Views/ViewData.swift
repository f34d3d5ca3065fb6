import Foundation
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

    /// A picture as `partials/picture` shows it: a photo's renditions as WebP and JPEG `srcset`s with
    /// the `sizes` of where it is shown, its width and height (so nothing moves while it loads), and
    /// whether it waits until scrolled near (`lazy`); a drawing as it is. Nil when there is none.
    func image(_ path: MediaPath?, alt: LocalizedText, shownAs use: PictureUse) -> TemplateValue? {
        guard let path, let info = site.media[path] else { return nil }
        var o = TemplateObject()
        let widths = info.renditions.filter { !$0.isShareCard }
        if let largest = widths.last {
            func srcset(_ e: ImageRendition.Encoding) -> String {
                widths.filter { $0.encoding == e }.map { "\(routes.basePath)\($0.file(for: path)) \($0.width)w" }.joined(separator: ", ")
            }
            // Browsers without srcset (few) get a width that suits a phone.
            let fallback = widths.last { $0.encoding == .jpeg && $0.width <= 640 } ?? widths.first { $0.encoding == .jpeg }!
            o["src"] = routes.basePath + fallback.file(for: path)
            o["srcset_webp"] = srcset(.webp); o["srcset_jpeg"] = srcset(.jpeg)
            o["width"] = String(largest.width); o["height"] = String(largest.height)
        } else {
            o["src"] = routes.basePath + path.path
            o["width"] = info.width.map(String.init); o["height"] = info.height.map(String.init)
        }
        o["sizes"] = use.sizes
        o["class"] = use.className
        o.set("lazy", use.isLazy)
        put(alt, "alt", into: &o)
        if o["alt"] == nil { o["alt"] = "" }
        return o.value
    }

    /// Drawn in place of a missing photo (never an empty box): the initials of `name` on a colour
    /// that the id decides, the same on every build and page. Decorative, so hidden from screen
    /// readers: the name is written beside it.
    func placeholder(id: String, name: String, shownAs use: PictureUse) -> TemplateValue {
        let words = name.split(whereSeparator: \.isWhitespace)
        let letters = [words.first, words.count > 1 ? words.last : nil].compactMap { $0?.first }
        var o = TemplateObject()
        o["initials"] = String(letters.map { Character($0.uppercased()) })
        o["colour"] = Self.placeholderColours[Int(StableHasher.hash(id) % UInt64(Self.placeholderColours.count))]
        o["class"] = use.className
        return o.value
    }

    /// Dark enough that white initials read on each at 4.5:1 or more.
    static let placeholderColours = ["#7f0d13", "#0b4f9c", "#1d6b3a", "#6a3d9a", "#8a4b08", "#00606b", "#8c1d5a", "#3d4f5c"]

    /// The share card (`og:image`) of an entity that shows a photo: its absolute address and size.
    func shareImage(_ entity: AnyEntity) -> TemplateValue? {
        guard let path = entity.media.first(where: { site.media[$0]?.renditions.isEmpty == false }),
              let card = site.media[path]?.renditions.first(where: \.isShareCard) else { return nil }
        var o = TemplateObject()
        o["url"] = routes.absolute(routes.basePath + card.file(for: path))
        o["width"] = String(card.width); o["height"] = String(card.height)
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

/// Where a picture is shown, which decides the widths a browser picks from (`sizes`, after the
/// theme's CSS) and whether it loads at once: the picture at the top of a page does, the cards'
/// pictures further down wait until they are scrolled near.
enum PictureUse {
    case card, portrait, story

    var sizes: String {
        switch self {
        // One column to 34rem, then a grid of cards at most about 22rem wide.
        case .card: "(min-width: 34rem) 22rem, calc(100vw - 2rem)"
        // At most 22rem wide, the page's width less its margins on a phone.
        case .portrait: "(min-width: 24rem) 22rem, calc(100vw - 2rem)"
        // The width of the page, at most 70rem.
        case .story: "(min-width: 72rem) 70rem, calc(100vw - 2rem)"
        }
    }
    var className: String? {
        switch self { case .card: "card-image"; case .portrait: "entity-photo"; case .story: nil }
    }
    var isLazy: Bool { self == .card }
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

    /// The cards a list page opens with: the first card's picture is the first thing on the page,
    /// so it loads at once; the rest wait until scrolled near. The card partial is rendered once
    /// for every page that shows the card, so the first card's HTML is changed here, not rendered again.
    func leading(_ refs: [EntityRef]) -> [TemplateValue] {
        var shown = self(refs)
        guard let first = shown.first, case .object(var fields) = first, case .string(let html)? = fields["html"],
              html.contains(" loading=\"lazy\"") else { return shown }
        fields["html"] = .string(html.replacingOccurrences(of: " loading=\"lazy\"", with: " fetchpriority=\"high\""))
        shown[0] = .object(fields)
        return shown
    }

    /// The cards of `ids`, in their kind's list order.
    func listed<K: Entity>(_ ids: [ID<K>]) -> [TemplateValue] { self(data.sorted(ids)) }
}

/// The other entities a page read while it was built: what the tests compare with its `shows`.
final class ShownRecorder: @unchecked Sendable {
    private(set) var refs: [EntityRef] = []
    func note(_ more: [EntityRef]) { refs += more }
}
