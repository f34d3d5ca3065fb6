import ThiDuaModel

/// Where every page lives (CONTENT-MODEL section 7): the default language at the root,
/// others under `/<lang>/`, with section names from each language's i18n file.
public struct Routes: Sendable {
    public let languages: [Language]
    public let defaultLanguage: Language
    /// The path part of `base_url`, always ending in `/` (`/` or `/thidua/`).
    public let basePath: String
    /// `base_url` without its trailing `/` path part, for absolute links (`https://example.org`).
    let origin: String
    let sectionSlugs: [Language: [Section: String]]
    let paginationSlugs: [Language: String]
    /// Per language, each facet's folder (`linh-vuc`) and each stage's, from its name (`phat-hien`).
    let facetSlugs: [Language: [Facet: String]]
    let stageSlugs: [Language: [String: String]]

    public init(settings: SiteSettings, strings: [Language: Strings]) {
        languages = settings.languages
        defaultLanguage = settings.defaultLanguage
        var base = settings.baseURL
        if !base.hasSuffix("/") { base += "/" }
        // Split `https://host/sub/` into origin and base path.
        if let schemeEnd = base.range(of: "://"), let slash = base[schemeEnd.upperBound...].firstIndex(of: "/") {
            origin = String(base[..<slash]); basePath = String(base[slash...])
        } else {
            origin = ""; basePath = "/"
        }
        var slugs: [Language: [Section: String]] = [:], pages: [Language: String] = [:]
        for language in settings.languages {
            let s = strings[language]
            for section in Section.all where section.hasFolder {
                // Sections still to come may have no slug in an older site's strings: their key stands in.
                let key = "sections.\(section.key).slug"
                slugs[language, default: [:]][section] = s?.lookup(key) == nil ? section.key.replacingOccurrences(of: "_", with: "-") : s!(key)
            }
            pages[language] = s?("pagination.slug") ?? "page"
        }
        sectionSlugs = slugs; paginationSlugs = pages
        var facets: [Language: [Facet: String]] = [:], stages: [Language: [String: String]] = [:]
        for language in settings.languages {
            let s = strings[language]
            for facet in Facet.allCases { facets[language, default: [:]][facet] = s?.lookup("facet.\(facet.rawValue).slug").map(\.description) ?? facet.rawValue }
            for stage in Stage.allCases {
                let slug = s.map { VietnameseText.slug($0("stage.\(stage.rawValue)")) } ?? ""
                stages[language, default: [:]][stage.rawValue] = slug.isEmpty ? stage.rawValue : slug
            }
        }
        facetSlugs = facets; stageSlugs = stages
    }

    /// `/` for the default language, `/en/` for English.
    public func home(_ language: Language) -> String {
        language == defaultLanguage ? basePath : "\(basePath)\(language.code)/"
    }

    /// A section's list, page `n` of it (`/ca-nhan/`, `/en/individuals/page/2/`). Pages have no list.
    public func section(_ kind: EntityKind, _ language: Language, page: Int = 1) -> String {
        section(.entities(kind), language, page: page)
    }

    /// The address of any section's first page (or its `n`th), under the language's home.
    public func section(_ section: Section, _ language: Language, page: Int = 1) -> String {
        guard section.hasFolder else { return home(language) }
        let first = "\(home(language))\(sectionSlugs[language]?[section] ?? section.key)/"
        return page <= 1 ? first : "\(first)\(paginationSlugs[language] ?? "page")/\(page)/"
    }

    /// A report: the whole site's (`/bao-cao/`), a year's (`/bao-cao/2023/`), a campaign's
    /// (`/bao-cao/phong-trao/<id>/`, under the campaigns' slug, so no id can take a year's address).
    public func report(_ scope: ReportScope, _ language: Language) -> String {
        let reports = section(.reports, language)
        switch scope {
        case .overall: return reports
        case .year(let year): return "\(reports)\(year)/"
        case .campaign(let id): return "\(reports)\(sectionSlugs[language]?[.entities(.campaigns)] ?? "campaigns")/\(id.rawValue)/"
        }
    }

    /// A facet value's list: `/ca-nhan/linh-vuc/education/`, `/en/individuals/stage/replicated/`.
    public func facet(_ kind: EntityKind, _ facet: Facet, _ key: String, _ language: Language) -> String {
        let value = facet == .stage ? stageSlugs[language]?[key] ?? key : key
        return "\(section(kind, language))\(facetSlugs[language]?[facet] ?? facet.rawValue)/\(value)/"
    }

    public func entity(_ ref: EntityRef, _ language: Language) -> String {
        if ref.kind == .pages { return "\(home(language))\(ref.id)/" }
        return "\(section(ref.kind, language))\(ref.id)/"
    }

    /// A path made absolute with the site's origin, for canonical and hreflang links.
    public func absolute(_ path: String) -> String { origin + path }

    /// The file under the output folder that serves `path` (`ca-nhan/lo-thi-mai/index.html`).
    public func outputFile(for path: String) -> String {
        String(path.dropFirst(basePath.count)) + "index.html"
    }
}
