import ThiDuaModel

/// One kind of entity as the site shows it: its card (in lists, on the home page, on related
/// pages), its own page, and the order its list shows it in, each built in one place. A new kind
/// of entity is a new type of this, in a file of its own, and its case in `EntityKind.page`.
protocol EntityPage {
    associatedtype Subject: Entity
    /// The template (`templates/<name>.mustache`) the kind's pages are rendered with.
    static var template: String { get }
    /// Every entity of the kind, in the order its list shows them.
    static func listOrder(_ all: [Subject], defaultLanguage: Language) -> [Subject]
    /// What the kind adds to a card (its address, kind and meta line are every card's).
    static func card(_ subject: Subject, _ v: InLanguage) -> CardFields
    /// What the kind's own page shows in `entity` (its body is every page's).
    static func page(_ subject: Subject, _ v: InLanguage, _ cards: Cards) -> EntityFields
    /// Every other entity whose card or link `page` shows: what a rebuild watches to know the page
    /// is unchanged. Written beside `page`, and held to it by the tests, which build every page
    /// recording what it reads (`Views.recordedShows`).
    static func shows(_ subject: Subject, _ r: Relations) -> [EntityRef]
}

extension EntityKind {
    /// The type that shows entities of this kind: the one place a kind meets its card and page.
    var page: any EntityPage.Type {
        switch self {
        case .campaigns: CampaignPage.self
        case .units: UnitPage.self
        case .collectives: CollectivePage.self
        case .individuals: IndividualPage.self
        case .awards: AwardPage.self
        case .stories: StoryPage.self
        case .pages: InfoPage.self
        case .nominations: NominationPage.self
        }
    }
}

/// A card's fields as its kind gives them, and the facts its meta line joins (` · ` between
/// them, empty ones left out).
struct CardFields {
    var fields = TemplateObject()
    var meta: [String] = []
}

/// An entity's own page: its fields (`entity` in the template), its title, and the summary its
/// page describes itself with.
struct EntityFields {
    var fields: TemplateObject
    var title: String
    var summary: LocalizedText?
}

extension EntityPage {
    static func listOrder(in site: Site) -> [EntityRef] {
        listOrder(site.all(Subject.self), defaultLanguage: site.settings.defaultLanguage).map(\.id.ref)
    }
    static func card(of entity: AnyEntity, _ v: InLanguage) -> CardFields? {
        (entity.base as? Subject).map { card($0, v) }
    }
    static func page(of entity: AnyEntity, _ v: InLanguage, _ cards: Cards) -> EntityFields? {
        (entity.base as? Subject).map { page($0, v, cards) }
    }
    static func shows(of entity: AnyEntity, _ r: Relations) -> [EntityRef] {
        (entity.base as? Subject).map { shows($0, r) } ?? []
    }
}

extension InLanguage {
    /// An entity's card: what its kind gives, with its address, its kind and its meta line.
    func card(_ entity: AnyEntity) -> TemplateValue? {
        let kind = entity.ref.kind
        guard var card = kind.page.card(of: entity, self) else { return nil }
        card.fields["url"] = url(entity.ref)
        card.fields["kind"] = kind.rawValue
        card.fields["kind_label"] = s("kind.\(kind.rawValue)")
        let shownMeta = card.meta.filter { !$0.isEmpty }
        if !shownMeta.isEmpty { card.fields["meta"] = shownMeta.joined(separator: " · ") }
        return card.fields.value
    }

    /// An entity's own page: what its kind shows, its body, and what every entity's page says of it
    /// (its section, whether it is translated, whether it is sample data).
    func entityPage(_ ref: EntityRef, _ cards: Cards) -> PageFields? {
        guard let entity = site.entity(ref), var shown = ref.kind.page.page(of: entity, self, cards) else { return nil }
        if let body = data.bodies[ref]?[lang] {
            shown.fields["body_html"] = body.html
            if body.language != lang { shown.fields["body_lang"] = body.language.code }
        }
        var p = TemplateObject()
        p["section"] = ref.kind.rawValue
        p["kind_label"] = s("kind.\(ref.kind.rawValue)")
        let section = Section.of(ref.kind)
        if section.hasFolder {
            p["section_url"] = routes.section(section, lang)
            p["section_title"] = s("sections.\(section.key).title")
        }
        if lang != data.defaultLanguage && !entity.entry.translations.contains(lang) {
            p["untranslated_lang"] = data.defaultLanguage.code
            p["untranslated_notice"] = s("untranslated.notice")
        }
        p.set("sample", entity.entry.isSample)
        // For og:image: the entity's photo cut to 1,200 × 630 around what draws the eye.
        p.set("share_image", shareImage(entity))
        let summary = shown.summary.map(text).flatMap { $0.isEmpty ? nil : $0 }
        return PageFields(key: "entity", value: shown.fields.value, title: shown.title, description: summary, page: p)
    }
}

extension Array where Element: Entity {
    /// In the order of `key`, taken once per entity (Vietnamese sort keys are not cheap), then by id.
    func sorted<Key: Comparable>(byKey key: (Element) -> Key) -> [Element] {
        map { ($0, key($0)) }.sorted { ($0.1, $0.0.id) < ($1.1, $1.0.id) }.map(\.0)
    }

    /// The newest first, then by id: how registers of decisions, campaigns and stories read.
    func newestFirst(_ date: (Element) -> LocalDate) -> [Element] {
        sorted { (date($1), $0.id) < (date($0), $1.id) }
    }
}
