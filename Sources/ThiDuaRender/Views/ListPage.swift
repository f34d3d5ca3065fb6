import ThiDuaModel

/// One page of a section's list: its cards, how many the section holds, and the links between its pages.
enum ListPage {
    static let template = "list"

    static func fields(_ kind: EntityKind, number: Int, count: Int, items: [EntityRef], _ v: InLanguage, _ cards: Cards) -> PageFields {
        let s = v.s, lang = v.lang
        var title = s("sections.\(kind.rawValue).title")
        var l = TemplateObject()
        l["kind"] = kind.rawValue
        l["title"] = title
        l["intro"] = s.lookup("sections.\(kind.rawValue).intro")?.description
        l.set("entries", list: cards.leading(items))
        l["count_label"] = s("label.items_count").replacingAll("{count}", s.grouped(v.site.entities(of: kind).count))
        if count > 1 {
            var pg = TemplateObject()
            pg["current"] = String(number); pg["count"] = String(count)
            pg["label"] = s("pagination.page_n").replacingAll("{n}", "\(number)/\(count)")
            if number > 1 { pg["prev_url"] = v.routes.section(kind, lang, page: number - 1) }
            if number < count { pg["next_url"] = v.routes.section(kind, lang, page: number + 1) }
            pg.set("pages", list: (1...count).map { n in
                var d = TemplateObject()
                d["number"] = String(n); d["url"] = v.routes.section(kind, lang, page: n)
                d.set("current", n == number)
                return d.value
            })
            l.set("pagination", pg.value)
            title += " — " + s("pagination.page_n").replacingAll("{n}", String(number))
        }
        l.set("facets", v.facetNavigation(kind, current: nil))
        var p = TemplateObject()
        p["section"] = kind.rawValue
        return PageFields(key: "list", value: l.value, title: title, description: nil, page: p)
    }

    /// The entries with one value of a facet (`Cá nhân điển hình — Lĩnh vực: Giáo dục`), in list order, on one page.
    static func fields(_ kind: EntityKind, facet: (Facet, String), items: [EntityRef], _ v: InLanguage, _ cards: Cards) -> PageFields {
        let s = v.s
        let label = "\(s("facet.\(facet.0.rawValue).title")): \(v.facetLabel(facet.0, facet.1))"
        let title = "\(s("sections.\(kind.rawValue).title")) — \(label)"
        var l = TemplateObject()
        l["kind"] = kind.rawValue
        l["title"] = title
        var f = TemplateObject()
        f["label"] = label
        l.set("facet", f.value)
        l.set("entries", list: cards.leading(items))
        l["count_label"] = s("label.items_count").replacingAll("{count}", s.grouped(items.count))
        l.set("facets", v.facetNavigation(kind, current: facet))
        var p = TemplateObject()
        p["section"] = kind.rawValue
        p["section_url"] = v.routes.section(kind, v.lang)
        p["section_title"] = s("sections.\(kind.rawValue).title")
        return PageFields(key: "list", value: l.value, title: title, description: nil, page: p)
    }
}
