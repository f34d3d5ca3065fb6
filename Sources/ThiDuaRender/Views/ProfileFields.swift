import ThiDuaModel

/// What exemplary collectives and individuals show alike: the stage of their example, where they
/// work, what they achieved, and the decisions that commended them.
extension ExemplaryProfile {
    /// `id` and `name` draw the placeholder of a profile without a photo.
    func card(_ v: InLanguage, id: String, name: String, into card: inout CardFields) {
        v.put(summary, "summary", into: &card.fields)
        let image = v.image(photo, alt: photoAlt, shownAs: .card)
        card.fields.set("image", image)
        if image == nil { card.fields.set("placeholder", v.placeholder(id: id, name: name, shownAs: .card)) }
        card.fields["stage"] = stage.rawValue
        card.fields["stage_label"] = v.s("stage.\(stage.rawValue)")
        card.meta = [v.field(field) ?? "", v.district(district) ?? ""]
    }

    func page(_ v: InLanguage, id: String, name: String, into o: inout TemplateObject) {
        let s = v.s
        v.put(summary, "summary", into: &o)
        let image = v.image(photo, alt: photoAlt, shownAs: .portrait)
        o.set("photo", image)
        if image == nil { o.set("placeholder", v.placeholder(id: id, name: name, shownAs: .portrait)) }
        o.set("unit", v.link(unit, \.name))
        o["field"] = v.field(field)
        o["district"] = v.district(district)
        o.set("campaigns", list: v.data.sorted(campaigns).compactMap { v.link($0, \.title) })
        o["stage"] = stage.rawValue
        o["stage_label"] = s("stage.\(stage.rawValue)")
        o["stage_description"] = s("stage_description.\(stage.rawValue)")
        o.set("stage_steps", list: Stage.allCases.map { step in
            var d = TemplateObject()
            d["label"] = s("stage.\(step.rawValue)")
            d.set("done", step <= stage)
            d.set("current", step == stage)
            return d.value
        })
        o["recognised"] = s.longDate(recognised); o["recognised_iso"] = recognised.iso
        if let r = achievements.resolve(v.lang, fallback: v.data.defaultLanguage), !r.value.isEmpty {
            o.set("achievements", list: r.value.map(TemplateValue.string))
            if r.isFallback { o["achievements_lang"] = r.language.code }
        }
        o.set("initiatives", list: initiatives.map { i in
            var d = TemplateObject()
            v.put(i.title, "title", into: &d)
            d["year"] = i.year.map(String.init)
            d["benefit"] = i.benefitVND.map(s.vnd)
            return d.value
        })
    }
}

extension ExemplaryProfile {
    /// The unit and campaigns its page links to.
    var shows: [EntityRef] { [unit.ref] + campaigns.map(\.ref) }
}

extension InLanguage {
    /// The commendation decisions a profile lists, newest first: a link with the decision's number, date and form.
    func awardLinks(_ ids: [ID<AwardDecision>]) -> [TemplateValue] {
        recorder?.note(ids.map(\.ref))
        return ids.compactMap { site[$0] }.map { a in
            var d = TemplateObject()
            d["url"] = url(a.id.ref)
            put(a.title, "title", into: &d)
            d["decision"] = a.decision; d["date"] = s.longDate(a.date); d["date_iso"] = a.date.iso
            d["form_label"] = formLabel(a.form)
            return d.value
        }
    }
}
