import ThiDuaModel

/// The open-data page (dữ liệu mở, `/du-lieu/`): every file the site publishes as data, in JSON and
/// CSV, with its columns and what each means, how many rows it has, and the licence from site.yml.
enum DataPage {
    static let template = "data"

    /// The file of `set` in `format` (`individuals.csv`), under each language's data section.
    static func fileName(_ set: DataSet, _ format: String) -> String { "\(set.rawValue).\(format)" }

    static func fields(_ v: InLanguage) -> PageFields {
        let s = v.s, lang = v.lang
        var o = TemplateObject()
        o["title"] = s("sections.data.title")
        o["intro"] = s("data.intro")
        if let license = v.site.settings.license, !license.isEmpty { v.put(license, "license", into: &o) } else { o["license"] = s("data.no_license") }
        o.set("files", .list(DataSet.allCases.map { set in
            var d = TemplateObject()
            d["name"] = set.rawValue
            d["title"] = s("data.file.\(set.rawValue).title")
            d["description"] = s("data.file.\(set.rawValue).description")
            d["rows"] = s("data.rows").replacingAll("{count}", s.grouped(rowCount(set, v.site)))
            d["json_url"] = v.routes.dataFile(fileName(set, "json"), lang)
            d["csv_url"] = v.routes.dataFile(fileName(set, "csv"), lang)
            d.set("columns", list: set.columns.map { c in
                var col = TemplateObject()
                col["key"] = c
                col["meaning"] = s("data.column.\(c)")
                return col.value
            })
            return d.value
        }))
        var p = TemplateObject()
        p["section"] = "data"
        return PageFields(key: "data", value: o.value, title: s("sections.data.title"), description: s("data.intro"), page: p)
    }

    /// How many rows a file has: what the page says, and what its key counts.
    static func rowCount(_ set: DataSet, _ site: Site) -> Int {
        switch set {
        case .individuals: site.individuals.count
        case .collectives: site.collectives.count
        case .awards: site.awards.count
        case .awardRecipients: site.awards.reduce(0) { $0 + $1.individuals.count + $1.collectives.count }
        case .nominations: site.nominations.count
        }
    }
}
