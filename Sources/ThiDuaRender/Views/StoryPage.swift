import ThiDuaModel

/// A news or feature story (tin bài tuyên truyền): its image, and cards of what it is about.
enum StoryPage: EntityPage {
    static let template = "story"

    static func listOrder(_ all: [Story], defaultLanguage: Language) -> [Story] { all.newestFirst(\.date) }

    static func card(_ st: Story, _ v: InLanguage) -> CardFields {
        var card = CardFields()
        v.put(st.title, "title", into: &card.fields); v.put(st.summary, "summary", into: &card.fields)
        card.fields.set("image", v.image(st.image, alt: st.imageAlt, shownAs: .card))
        card.fields["date"] = v.s.longDate(st.date); card.fields["date_iso"] = st.date.iso
        return card
    }

    /// A story lists what it is about, not the stories about it.
    static func page(_ st: Story, _ v: InLanguage, _ cards: Cards) -> EntityFields {
        var o = TemplateObject()
        v.put(st.title, "title", into: &o); v.put(st.summary, "summary", into: &o)
        o["date"] = v.s.longDate(st.date); o["date_iso"] = st.date.iso
        o.set("image", v.image(st.image, alt: st.imageAlt, shownAs: .story))
        o.set("about", list: cards(st.about))
        return EntityFields(fields: o, title: v.text(st.title), summary: st.summary)
    }

    static func shows(_ st: Story, _ r: Relations) -> [EntityRef] { st.about }
}
