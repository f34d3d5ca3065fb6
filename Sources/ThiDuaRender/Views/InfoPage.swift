import ThiDuaModel

/// A free-standing page (giới thiệu, liên hệ): its body under a title; it has no list of its own.
enum InfoPage: EntityPage {
    static let template = "page"

    /// By id: pages have no list, and the menu orders its own.
    static func listOrder(_ all: [Page], defaultLanguage: Language) -> [Page] { all }

    static func card(_ p: Page, _ v: InLanguage) -> CardFields {
        var card = CardFields()
        v.put(p.title, "title", into: &card.fields); v.put(p.summary, "summary", into: &card.fields)
        return card
    }

    static func page(_ p: Page, _ v: InLanguage, _ cards: Cards) -> EntityFields {
        var o = TemplateObject()
        v.put(p.title, "title", into: &o); v.put(p.summary, "summary", into: &o)
        o.set("stories", list: cards(v.relations.storiesAbout[p.id.ref] ?? []))
        return EntityFields(fields: o, title: v.text(p.title), summary: p.summary)
    }

    static func shows(_ p: Page, _ r: Relations) -> [EntityRef] { (r.storiesAbout[p.id.ref] ?? []).map(\.ref) }
}
