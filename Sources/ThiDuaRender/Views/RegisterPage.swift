import ThiDuaModel

/// Which decisions a page of the commendation register lists.
public enum RegisterFilter: Hashable, Sendable {
    case all
    case year(Int)
    case level(AwardLevel)
    case form(AwardForm)
}

/// The commendation register (sổ khen thưởng, `/khen-thuong/`): every decision as a row of a table
/// (number, date, issuer, level, form, campaign, recipients linked), newest first, grouped by year;
/// a page of its own per year, level and form, so that filtering needs no script.
enum RegisterPage {
    static let template = "register"

    /// Every page the register has: all, then each year (newest first), level and form that has a decision.
    static func filters(_ data: ViewData) -> [RegisterFilter] {
        let awards = data.site.awards
        let years = Set(awards.map(\.date.year)).sorted(by: >)
        let levels = AwardLevel.allCases.filter { l in awards.contains { $0.level == l } }
        let forms = data.site.settings.allAwardForms.filter { f in awards.contains { $0.form == f } }
        return [.all] + years.map(RegisterFilter.year) + levels.map(RegisterFilter.level) + forms.map(RegisterFilter.form)
    }

    /// The decisions `filter` keeps, newest first (the awards' list order).
    static func awards(_ filter: RegisterFilter, _ data: ViewData) -> [AwardDecision] {
        (data.order[.awards] ?? []).compactMap { data.site[ID<AwardDecision>($0.id)] }.filter { a in
            switch filter {
            case .all: true
            case .year(let y): a.date.year == y
            case .level(let l): a.level == l
            case .form(let f): a.form == f
            }
        }
    }

    /// The decisions listed, and the campaigns and recipients their rows link to by name.
    static func shows(_ filter: RegisterFilter, _ data: ViewData) -> [EntityRef] {
        awards(filter, data).flatMap { a in
            [a.id.ref] + (a.campaign.map { [$0.ref] } ?? []) + data.sorted(a.collectives).map(\.ref) + data.sorted(a.individuals).map(\.ref)
        }
    }

    static func fields(_ filter: RegisterFilter, _ v: InLanguage, _ cards: Cards) -> PageFields {
        let s = v.s, lang = v.lang
        let awards = awards(filter, v.data)
        var o = TemplateObject()
        let section = s("sections.awards.title")
        let heading = filterName(filter, v)
        o["title"] = heading.map { "\(section): \($0)" } ?? section
        o["intro"] = s.lookup("sections.awards.intro")?.description
        o["count_label"] = s("register.count").replacingAll("{count}", s.grouped(awards.count))
        if filter != .all { o["all_url"] = v.routes.register(.all, lang) }
        // The filters: every year, level and form that has a decision, the current one marked.
        func group(_ key: String, _ list: [RegisterFilter]) -> TemplateValue? {
            guard !list.isEmpty else { return nil }
            var g = TemplateObject()
            g["label"] = s("register.by_\(key)")
            g.set("links", list: list.map { f in
                var d = TemplateObject()
                d["title"] = filterName(f, v) ?? ""
                d["url"] = v.routes.register(f, lang)
                d["count"] = s.grouped(Self.awards(f, v.data).count)
                d.set("current", f == filter)
                return d.value
            })
            return g.value
        }
        let all = filters(v.data)
        o.set("filters", list: [
            group("year", all.filter { if case .year = $0 { true } else { false } }),
            group("level", all.filter { if case .level = $0 { true } else { false } }),
            group("form", all.filter { if case .form = $0 { true } else { false } }),
        ].compactMap { $0 })
        // Grouped by year, newest first.
        var years: [(Int, [AwardDecision])] = []
        for a in awards {
            if years.last?.0 == a.date.year { years[years.count - 1].1.append(a) } else { years.append((a.date.year, [a])) }
        }
        o.set("years", list: years.map { year, decisions in
            var y = TemplateObject()
            y["year"] = String(year)
            y["caption"] = s("register.year_caption").replacingAll("{year}", String(year))
            y["count"] = s.grouped(decisions.count)
            y.set("rows", .list(decisions.map { row($0, v) }))
            return y.value
        })
        var p = TemplateObject()
        p["section"] = "awards"
        p["kind"] = filter == .all ? "register" : "register-filter"
        return PageFields(key: "register", value: o.value, title: o["title"] ?? section, description: nil, page: p)
    }

    /// How a filter is named in a heading and a link (`2023`, `Cấp tỉnh`, `Bằng khen`); nil for all.
    static func filterName(_ filter: RegisterFilter, _ v: InLanguage) -> String? {
        switch filter {
        case .all: nil
        case .year(let y): v.s("register.year_caption").replacingAll("{year}", String(y))
        case .level(let l): v.s("award_level.\(l.rawValue)")
        case .form(let f): v.formLabel(f)
        }
    }

    /// One decision as a row of the register.
    static func row(_ a: AwardDecision, _ v: InLanguage) -> TemplateValue {
        let s = v.s
        var d = TemplateObject()
        d["url"] = v.url(a.id.ref)
        d["decision"] = a.decision
        v.put(a.title, "title", into: &d)
        d["date"] = s.shortDate(a.date); d["date_iso"] = a.date.iso
        v.put(a.issuer, "issuer", into: &d)
        d["level_label"] = s("award_level.\(a.level.rawValue)")
        d["form_label"] = v.formLabel(a.form)
        d.set("campaign", v.sealed(v.link(a.campaign, \.title)))
        let collectives = v.data.sorted(a.collectives).compactMap { v.sealed(v.link($0, \.name)) }
        let people: [TemplateValue] = v.data.sorted(a.individuals).compactMap { id in
            v.recorder?.note([id.ref])
            guard let i = v.site[id] else { return nil }
            var o = TemplateObject()
            o["url"] = v.url(id.ref); o["title"] = i.name
            return v.sealed(o.value)
        }
        d.set("recipients", list: collectives + people)
        return d.value
    }
}
