import ThiDuaModel

/// What a report covers: the whole site, one year of the plan, or one campaign with the
/// campaigns under it.
public enum ReportScope: Hashable, Sendable {
    case overall
    case year(Int)
    case campaign(ID<Campaign>)
}

/// A summary report (báo cáo tổng kết): every figure of `Statistics` for one scope, as charts
/// with their numbers in tables beside them. The figures are counted in the model; this only
/// orders and words them.
enum ReportPage {
    static let template = "report"

    /// Every report the site has: the whole, each year of the plan, each campaign.
    static func scopes(_ statistics: Statistics, _ site: Site) -> [ReportScope] {
        [.overall] + statistics.planYears.map(ReportScope.year)
            + site.campaigns.filter { statistics.byCampaign[$0.id] != nil }.newestFirst(\.period.from).map { .campaign($0.id) }
    }

    static func figures(_ scope: ReportScope, _ statistics: Statistics) -> Figures? {
        switch scope {
        case .overall: statistics.overall
        case .year(let y): statistics.byYear[y]
        case .campaign(let id): statistics.byCampaign[id]
        }
    }

    static func fields(_ scope: ReportScope, _ v: InLanguage) -> PageFields? {
        let s = v.s, stats = v.data.statistics
        guard let f = figures(scope, stats) else { return nil }
        let title: String
        var o = TemplateObject()
        switch scope {
        case .overall:
            title = s("report.title_overall")
        case .year(let y):
            title = s("report.title_year").replacingAll("{year}", String(y))
        case .campaign(let id):
            guard let c = v.site[id] else { return nil }
            title = s("report.title_campaign").replacingAll("{campaign}", v.text(c.title))
            o.set("campaign", v.link(c.id.ref, c.title))
        }
        o["title"] = title
        if let first = stats.planYears.first, let last = stats.planYears.last {
            o["years_note"] = s(stats.yearsFromCampaigns ? "report.years_from_campaigns" : "report.years_from_data")
                .replacingAll("{from}", String(first)).replacingAll("{to}", String(last))
        }
        // Every report links to the others: the whole, each year, each campaign.
        o.set("years", list: stats.planYears.map { y in
            var d = TemplateObject()
            d["title"] = String(y); d["url"] = v.routes.report(.year(y), v.lang); d.set("current", scope == .year(y))
            return d.value
        })
        o["overall_url"] = v.routes.report(.overall, v.lang)
        o.set("is_overall", scope == .overall)
        o.set("campaigns", list: scopes(stats, v.site).compactMap { other in
            guard case .campaign(let id) = other, let c = v.site[id] else { return nil }
            var d = TemplateObject()
            d["url"] = v.routes.report(other, v.lang); v.put(c.title, "title", into: &d); d.set("current", other == scope)
            return d.value
        })
        report(f, v, prefix: "r", full: true, into: &o, yearChart: !isYear(scope))
        var p = TemplateObject()
        p["section"] = Section.reports.key
        if scope != .overall {
            p["section_url"] = v.routes.section(.reports, v.lang)
            p["section_title"] = s("sections.reports.title")
        }
        return PageFields(key: "report", value: o.value, title: title, description: s("report.description"), page: p)
    }

    static func isYear(_ scope: ReportScope) -> Bool { if case .year = scope { true } else { false } }

    /// The short report a campaign's own page shows: the headline figures and the funnel, with
    /// a link to the whole report.
    static func summary(_ c: Campaign, _ v: InLanguage) -> TemplateValue? {
        guard let f = v.data.statistics.byCampaign[c.id], f.cases.total + f.decisions > 0 else { return nil }
        var o = TemplateObject()
        report(f, v, prefix: "c", full: false, into: &o, yearChart: false)
        o["url"] = v.routes.report(.campaign(c.id), v.lang)
        return o.value
    }

    /// The report's parts into `o`: `headline` (the figures in words), `shares`, and `parts`,
    /// each a heading with a chart and its table. `full` false keeps only the headline and the funnel.
    static func report(_ f: Figures, _ v: InLanguage, prefix: String, full: Bool, into o: inout TemplateObject, yearChart: Bool) {
        let s = v.s, settings = v.site.settings
        o.set("headline", list: [
            (f.cases.collectives, "report.collectives"), (f.cases.individuals, "report.individuals"),
            (f.decisions, "report.decisions"), (f.initiatives.count, "report.initiatives"),
        ].map { n, key in
            var d = TemplateObject()
            d["count"] = s.grouped(n); d["label"] = s(key)
            return d.value
        } + [{
            var d = TemplateObject()
            d["count"] = s.vndShort(f.initiatives.benefitVND); d["label"] = s("report.benefit_total")
            return d.value
        }()])

        var parts: [TemplateValue] = []
        // The funnel: how many reached each step (a case at a later step has passed the earlier ones).
        let reached = Stage.allCases.map { stage in
            Stage.allCases.filter { $0 >= stage }.reduce(0) { $0 + (f.byStage[$1]?.total ?? 0) }
        }
        let stages = Stage.allCases.enumerated().map { i, stage in
            Row(label: s("stage.\(stage.rawValue)"), tally: f.byStage[stage] ?? Tally(), extra: [s.grouped(reached[i])])
        }
        parts.append(part("\(prefix)-stage", s("report.by_stage"), v,
                          chart: Chart.funnel(id: "\(prefix)-stage-chart", title: s("report.by_stage"),
                                              desc: s("report.funnel_desc"), steps: zip(stages, reached).map { ($0.label, $1) }, v),
                          table: tallyTable(stages, v, extraColumns: [s("report.reached")])))
        if full {
            let fields = settings.fields.compactMap { t in f.byField[t.id].map { Row(label: v.text(t.label), tally: $0) } }
            parts.append(tallyPart("\(prefix)-field", s("report.by_field"), fields, v))
            var districts = settings.districts.compactMap { t in f.byDistrict[t.id].map { Row(label: v.text(t.label), tally: $0) } }
            if let unknown = f.byDistrict[nil] { districts.append(Row(label: s("report.not_given"), tally: unknown)) }
            parts.append(tallyPart("\(prefix)-district", s("report.by_district"), districts, v))
            if yearChart {
                let years = f.byYearRecognised.keys.sorted().map { Row(label: String($0), tally: f.byYearRecognised[$0]!) }
                parts.append(tallyPart("\(prefix)-year", s("report.by_year"), years, v, ordered: false))
            }
            o.set("shares", list: [
                share(f.directWorkers, of: f.cases.individuals, "report.share_direct", v),
                share(f.women, of: f.genderGiven, "report.share_women", v),
            ].compactMap { $0 })
            let initiativeYears = f.initiativesByYear.keys.sorted().map { y in (String(y), f.initiativesByYear[y]!) }
            if !initiativeYears.isEmpty { parts.append(initiativePart("\(prefix)-initiative-year", s("report.initiatives_by_year"), initiativeYears, v)) }
            let initiativeFields = settings.fields.compactMap { t in f.initiativesByField[t.id].map { (v.text(t.label), $0) } }
            if !initiativeFields.isEmpty { parts.append(initiativePart("\(prefix)-initiative-field", s("report.initiatives_by_field"), initiativeFields, v)) }
            let levels = AwardLevel.allCases.compactMap { l in f.awardsByLevel[l].map { Row(label: s("award_level.\(l.rawValue)"), tally: $0) } }
            parts.append(tallyPart("\(prefix)-award-level", s("report.awards_by_level"), levels, v, ordered: false))
            let forms = AwardForm.allCases.compactMap { form in f.awardsByForm[form].map { Row(label: s("award_form.\(form.rawValue)"), tally: $0) } }
            parts.append(tallyPart("\(prefix)-award-form", s("report.awards_by_form"), forms, v))
            let awardYears = f.awardsByYear.keys.sorted().map { Row(label: String($0), tally: f.awardsByYear[$0]!) }
            parts.append(tallyPart("\(prefix)-award-year", s("report.awards_by_year"), awardYears, v, ordered: false))
            o.set("ranking", list: f.unitRanking.enumerated().compactMap { i, entry in
                guard let unit = v.site[entry.unit] else { return nil }
                v.recorder?.note([unit.id.ref])
                var d = TemplateObject()
                d["rank"] = s.grouped(i + 1); d.set("unit", v.link(unit.id.ref, unit.name))
                d["collectives"] = s.grouped(entry.cases.collectives); d["individuals"] = s.grouped(entry.cases.individuals)
                d["total"] = s.grouped(entry.cases.total)
                return d.value
            })
        }
        o.set("parts", list: parts)
    }

    /// One row of a table of cases or recipients: its label, the tally, and any further cells.
    struct Row {
        var label: String
        var tally: Tally
        var extra: [String] = []
    }

    static func part(_ id: String, _ heading: String, _ v: InLanguage, chart: TemplateValue?, table: TemplateValue) -> TemplateValue {
        var d = TemplateObject()
        d["id"] = id; d["heading"] = heading
        d.set("chart", chart); d.set("table", table)
        return d.value
    }

    /// Cases or recipients by some key: a bar per row (the total) and the table split in collectives and individuals.
    /// `ordered` sorts the bars by size, the most first (fields, districts, forms); years and levels keep their order.
    static func tallyPart(_ id: String, _ heading: String, _ rows: [Row], _ v: InLanguage, ordered: Bool = true) -> TemplateValue {
        let rows = ordered ? rows.enumerated().sorted { ($1.element.tally.total, $0.offset) < ($0.element.tally.total, $1.offset) }.map(\.element) : rows
        let chart = rows.isEmpty ? nil : Chart.bars(id: "\(id)-chart", title: heading, desc: v.s("report.bars_desc"),
                                                    bars: rows.map { ($0.label, $0.tally.total, v.s.grouped($0.tally.total)) }, v)
        return part(id, heading, v, chart: chart, table: tallyTable(rows, v))
    }

    static func tallyTable(_ rows: [Row], _ v: InLanguage, extraColumns: [String] = []) -> TemplateValue {
        let s = v.s
        return table(columns: [s("report.collectives"), s("report.individuals"), s("report.total")] + extraColumns,
                     rows: rows.map { ($0.label, [$0.tally.collectives, $0.tally.individuals, $0.tally.total].map(s.grouped) + $0.extra) },
                     empty: s("report.none"))
    }

    static func initiativePart(_ id: String, _ heading: String, _ rows: [(String, InitiativeTally)], _ v: InLanguage) -> TemplateValue {
        let s = v.s
        let chart = Chart.bars(id: "\(id)-chart", title: heading, desc: s("report.benefit_desc"),
                               bars: rows.map { ($0.0, $0.1.benefitVND, s.vndShort($0.1.benefitVND)) }, v)
        return part(id, heading, v, chart: chart, table: table(columns: [s("report.initiatives"), s("report.benefit")],
                                                               rows: rows.map { ($0.0, [s.grouped($0.1.count), s.vnd($0.1.benefitVND)]) },
                                                               empty: s("report.none")))
    }

    static func table(columns: [String], rows: [(String, [String])], empty: String) -> TemplateValue {
        var t = TemplateObject()
        t.set("columns", list: columns.map(TemplateValue.string))
        t.set("rows", list: rows.map { label, cells in
            var d = TemplateObject()
            d["label"] = label
            d.set("cells", .list(cells.map(TemplateValue.string)))
            return d.value
        })
        if rows.isEmpty { t["empty"] = empty }
        return t.value
    }

    static func share(_ part: Int, of whole: Int, _ key: String, _ v: InLanguage) -> TemplateValue? {
        guard let percent = v.s.percent(part, of: whole) else { return nil }
        var d = TemplateObject()
        d["percent"] = percent
        d["text"] = v.s(key).replacingAll("{part}", v.s.grouped(part)).replacingAll("{whole}", v.s.grouped(whole))
        return d.value
    }
}

/// A chart's geometry for `partials/chart.mustache`, which writes it as inline SVG: the template
/// escapes every label, so a field named `R&D <b>` is text, never markup. Drawn for a phone:
/// 320 units wide (a 360 px screen's column), text 14 units, so never under 12 px when the
/// column is narrower; one dark fill and the value written beside each bar, so nothing is told
/// by colour alone and the chart prints in grey.
enum Chart {
    static let width = 320, rowHeight = 44, barHeight = 18, labelSize = 14

    static func frame(_ id: String, _ title: String, _ desc: String, rows: Int, _ kind: String) -> TemplateObject {
        var o = TemplateObject()
        o["id"] = id; o["title"] = title; o["desc"] = desc; o["kind"] = kind
        o["width"] = String(width); o["height"] = String(rows * rowHeight + 4)
        return o
    }

    /// Horizontal bars, a label above each, its value written after it.
    static func bars(id: String, title: String, desc: String, bars: [(label: String, value: Int, text: String)], _ v: InLanguage) -> TemplateValue {
        var o = frame(id, title, desc, rows: bars.count, "bars")
        // Room after the longest bar for its value, at about 8.5 units a character of 14-unit bold text.
        let longest = bars.map(\.text.count).max() ?? 0
        let most = max(1, bars.map(\.value).max() ?? 1), room = width - 12 - longest * 17 / 2
        o.set("bars", .list(bars.enumerated().map { i, bar in
            let top = i * rowHeight, w = bar.value <= 0 ? 0 : max(2, bar.value * room / most)
            var d = TemplateObject()
            d["label"] = bar.label; d["value"] = bar.text
            d["label_x"] = "0"; d["label_y"] = String(top + labelSize + 2); d["anchor"] = "start"
            d["x"] = "0"; d["y"] = String(top + 22); d["w"] = String(w); d["h"] = String(barHeight)
            d["value_x"] = String(w + 6); d["value_y"] = String(top + 22 + labelSize)
            return d.value
        }))
        return o.value
    }

    /// The four steps as a funnel: bars centred, each as wide as the cases that reached its step.
    static func funnel(id: String, title: String, desc: String, steps: [(label: String, value: Int)], _ v: InLanguage) -> TemplateValue {
        var o = frame(id, title, desc, rows: steps.count, "funnel")
        let most = max(1, steps.map(\.value).max() ?? 1)
        o.set("bars", .list(steps.enumerated().map { i, step in
            let top = i * rowHeight, w = step.value <= 0 ? 0 : max(2, step.value * width / most)
            var d = TemplateObject()
            d["label"] = "\(step.label): \(v.s.grouped(step.value))"
            d["label_x"] = String(width / 2); d["label_y"] = String(top + labelSize + 2); d["anchor"] = "middle"
            d["x"] = String((width - w) / 2); d["y"] = String(top + 22); d["w"] = String(w); d["h"] = String(barHeight)
            return d.value
        }))
        return o.value
    }
}
