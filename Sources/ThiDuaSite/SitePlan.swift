import ThiDuaContent
import ThiDuaModel
import ThiDuaRender

/// How one output file is made. Every file a build writes is one of these, so a new kind of
/// output (a JSON index, an Atom feed, a sitemap, a CSV, an SVG chart) is a new case here with
/// its maker in `SiteBuilder.renderOutputs`, and its section's outputs added in `SitePlan.make`.
public enum OutputFormat: Sendable {
    /// An HTML page: its template over the page's view.
    case page(PlannedPage)
    /// A file of the source tree published as it is (a theme asset, a media file), by its
    /// path in the site folder (`templates/assets/site.css`, `content/media/a.jpg`).
    case copy(source: String)
    /// One rendition of a photo of `content/media/` (a width as WebP or JPEG, the share card):
    /// photos are only ever published re-encoded, never as they are.
    case image(source: MediaPath, rendition: ImageRendition)
    /// An open-data file: one table in one language, as JSON or CSV (`DataFiles`).
    case data(DataFile)
}

/// One open-data file: which table, in which language, in which format.
public struct DataFile: Hashable, Sendable {
    public enum Format: String, CaseIterable, Sendable { case json, csv }
    public let set: DataSet
    public let language: Language
    public let format: Format
}

/// One file of the site to be: where it goes under the output folder, and how it is made.
public struct PlannedOutput: Sendable {
    /// Relative to the output folder (`ca-nhan/lo-thi-mai/index.html`, `assets/site.css`).
    public let file: String
    public let format: OutputFormat

    public var page: PlannedPage? { if case .page(let p) = format { p } else { nil } }
    /// Whether the output is rendered by `renderOutputs` (a page, a data file): not copied, nor a photo's rendition.
    var isMade: Bool {
        switch format {
        case .page, .data: true
        case .copy, .image: false
        }
    }
}

/// Every output of the site, as plain data: it can be printed, compared and tested without
/// rendering anything. Address collisions are checked here, once, against the sections'
/// addresses as the strings of each language name them.
public struct SitePlan: Sendable {
    public let outputs: [PlannedOutput]
    public var pages: [PlannedPage] { outputs.compactMap(\.page) }

    /// Plans the pages of every section in every language, then the files copied as they are, then
    /// every published photo's renditions.
    public static func make(_ views: Views, pageSize: Int, copies: [String], sources: SourceMap) -> (SitePlan, [Diagnostic]) {
        let routes = views.routes, languages = views.site.settings.languages
        var pages: [PlannedPage] = []
        func add(_ section: Section, _ kind: (Language) -> PageKind, _ path: (Language) -> String) {
            let alternates = Dictionary(uniqueKeysWithValues: languages.map { ($0, path($0)) })
            for lang in languages {
                pages.append(PlannedPage(kind: kind(lang), section: section, language: lang, path: path(lang), alternates: alternates))
            }
        }
        add(.home, { _ in .home }, routes.home)
        for kind in EntityKind.allCases where kind != .pages {
            let order = views.listOrder(kind)
            // The awards' list is the commendation register: all decisions, and a page per year, level and form.
            if kind == .awards {
                for filter in views.registerFilters {
                    add(.entities(.awards), { _ in .register(filter) }, { routes.register(filter, $0) })
                }
                for ref in order { add(.entities(kind), { _ in .entity(ref) }, { routes.entity(ref, $0) }) }
                continue
            }
            // Nominations are listed by the public-comment page, not a list of cards.
            guard kind != .nominations else {
                for ref in order { add(.publicComment, { _ in .entity(ref) }, { routes.entity(ref, $0) }) }
                continue
            }
            let count = max(1, (order.count + pageSize - 1) / pageSize)
            for n in 1...count {
                let items = Array(order.dropFirst((n - 1) * pageSize).prefix(pageSize))
                add(.entities(kind), { _ in .list(kind, number: n, count: count, items: items) }, { routes.section(kind, $0, page: n) })
            }
            for ref in order { add(.entities(kind), { _ in .entity(ref) }, { routes.entity(ref, $0) }) }
        }
        for page in views.site.pages { add(.entities(.pages), { _ in .entity(page.id.ref) }, { routes.entity(page.id.ref, $0) }) }
        for f in views.facetPages {
            add(.entities(f.kind), { _ in .facet(f.kind, f.facet, key: f.key, items: f.items) }, { routes.facet(f.kind, f.facet, f.key, $0) })
        }
        for scope in views.reportScopes { add(.reports, { _ in .report(scope) }, { routes.report(scope, $0) }) }
        add(.publicComment, { _ in .publicComment }, { routes.section(.publicComment, $0) })
        add(.data, { _ in .openData }, { routes.section(.data, $0) })

        var outputs = pages.map { PlannedOutput(file: routes.outputFile(for: $0.path), format: .page($0)) }
        for lang in languages {
            for set in DataSet.allCases {
                for format in DataFile.Format.allCases {
                    let path = routes.dataFile("\(set.rawValue).\(format.rawValue)", lang)
                    outputs.append(PlannedOutput(file: String(path.dropFirst(routes.basePath.count)),
                                                 format: .data(DataFile(set: set, language: lang, format: format))))
                }
            }
        }
        for source in copies {
            let file = source.hasPrefix("templates/") ? String(source.dropFirst("templates/".count)) : String(source.dropFirst("content/".count))
            outputs.append(PlannedOutput(file: file, format: .copy(source: source)))
        }
        for (path, info) in views.site.media.sorted(by: { $0.key < $1.key }) {
            for r in info.renditions { outputs.append(PlannedOutput(file: r.file(for: path), format: .image(source: path, rendition: r))) }
        }
        let diagnostics = collisions(pages, routes: routes, languages: languages, defaultLanguage: views.defaultLanguage, sources: sources)
        return (SitePlan(outputs: outputs), diagnostics)
    }

    /// A page of `pages/` lives in a folder of its own under each language's home, where a
    /// section, another language or the shared folders may already be: two outputs at one
    /// address would overwrite each other. The addresses are the ones the routes give, so
    /// they follow the slugs in the strings.
    static func collisions(_ pages: [PlannedPage], routes: Routes, languages: [Language], defaultLanguage: Language,
                           sources: SourceMap) -> [Diagnostic] {
        func version(_ lang: Language) -> LocalizedText {
            let name = DiagnosticCatalog.languageName(lang.code)
            return LocalizedText([.vi: "bản \(name.vi) của trang web", .en: "the site's \(name.en) version"])
        }
        let root = routes.home(defaultLanguage)
        var taken: [String: LocalizedText] = [:]   // address → what lives there
        for lang in languages {
            for section in Section.all where section.hasFolder { taken[routes.section(section, lang)] = section.noun }
            // Each language's home; for the default one, the address readers would guess for it (/vi/).
            taken[lang == defaultLanguage ? root + lang.code + "/" : routes.home(lang)] = version(lang)
        }
        for folder in SharedFolder.allCases { taken[root + folder.rawValue + "/"] = folder.noun }
        var diagnostics: [Diagnostic] = [], reported: Set<String> = []
        for page in pages {
            guard case .entity(let ref) = page.kind, ref.kind == .pages, let what = taken[page.path],
                  reported.insert(ref.id).inserted else { continue }
            let file = sources.file(for: ref, language: defaultLanguage) ?? "content/pages/\(ref.id).\(defaultLanguage.code).md"
            diagnostics.append(DiagnosticCatalog.pageCollision(file: file, id: ref.id, address: page.path, taken: what))
        }
        return diagnostics
    }
}
