import ThiDuaModel

/// A commendation decision (quyết định khen thưởng): who issued it, at what level and in what
/// form, in which campaign, and the individuals and collectives it commends.
enum AwardPage: EntityPage {
    static let template = "award"

    static func listOrder(_ all: [AwardDecision], defaultLanguage: Language) -> [AwardDecision] { all.newestFirst(\.date) }

    static func card(_ a: AwardDecision, _ v: InLanguage) -> CardFields {
        var card = CardFields()
        v.put(a.title, "title", into: &card.fields)
        card.meta = [a.decision, v.s.shortDate(a.date), v.formLabel(a.form)]
        return card
    }

    static func page(_ a: AwardDecision, _ v: InLanguage, _ cards: Cards) -> EntityFields {
        let s = v.s
        var o = TemplateObject()
        v.put(a.title, "title", into: &o); v.put(a.issuer, "issuer", into: &o)
        o["decision"] = a.decision; o["date"] = s.longDate(a.date); o["date_iso"] = a.date.iso
        o["level_label"] = s("award_level.\(a.level.rawValue)"); o["form_label"] = v.formLabel(a.form)
        o.set("campaign", v.link(a.campaign, \.title))
        o.set("individuals", list: cards.listed(a.individuals))
        o.set("collectives", list: cards.listed(a.collectives))
        o.set("stories", list: cards(v.relations.storiesAbout[a.id.ref] ?? []))
        // Back to the register, at the decisions of its year.
        o["register_url"] = v.routes.register(.year(a.date.year), v.lang)
        o["register_label"] = s("register.back_to_year").replacingAll("{year}", String(a.date.year))
        if let path = a.attachment, let info = v.site.media[path] {
            var d = TemplateObject()
            d["url"] = v.routes.basePath + path.path
            d["size"] = "\(s.grouped(max(1, (info.byteCount + 512) / 1024))) KB"
            o.set("attachment", d.value)
        }
        return EntityFields(fields: o, title: v.text(a.title), summary: nil)
    }

    static func shows(_ a: AwardDecision, _ r: Relations) -> [EntityRef] {
        (a.campaign.map { [$0.ref] } ?? []) + a.individuals.map(\.ref) + a.collectives.map(\.ref)
            + (r.storiesAbout[a.id.ref] ?? []).map(\.ref)
    }
}
