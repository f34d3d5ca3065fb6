import Foundation
import ThiDuaContent
import ThiDuaModel
import ThiDuaRender

/// What to build, and from where.
public struct BuildOptions: Sendable {
    public var siteDirectory: URL
    public var outputDirectory: URL
    public var includeDrafts: Bool
    /// Items per page of a section list.
    public var pageSize: Int
    public init(siteDirectory: URL, outputDirectory: URL? = nil, includeDrafts: Bool = false, pageSize: Int = 50) {
        self.siteDirectory = siteDirectory.standardizedFileURL
        self.outputDirectory = (outputDirectory ?? siteDirectory.appendingPathComponent("output")).standardizedFileURL
        self.includeDrafts = includeDrafts
        self.pageSize = pageSize
    }
}

/// What a build or a check found and did.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var pagesWritten = 0
    public var filesCopied = 0
    /// True when the new site is in place.
    public var published = false
    /// Per non-default language, which entries are translated, missing or stale (filled by `check`).
    public var translations: [TranslationCoverage]?
    /// How long each step took, in order (`thidua build --timings`).
    public var timings: [(step: String, seconds: Double)] = []
    public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}

/// A site read and checked, ready to render: the result of every step before writing.
public struct PreparedSite: Sendable {
    public let timings: [(step: String, seconds: Double)]
    public let views: Views
    public let templates: TemplateSet
    public let pages: [PlannedPage]
    public let mediaFiles: [MediaPath]
}

/// The build, as named steps a reader can follow top to bottom:
/// load content → load templates → render bodies → plan pages → render pages → copy files → publish.
public enum SiteBuilder {
    /// Runs every check without writing anything.
    public static func check(_ options: BuildOptions) -> BuildReport {
        let (prepared, diagnostics) = prepare(options)
        var report = BuildReport(diagnostics: diagnostics)
        if let site = prepared?.views.site {
            report.translations = TranslationCoverage.of(site, staleFiles: Set(diagnostics.filter { $0.code == "translation.stale" }.compactMap(\.file)))
        }
        return report
    }

    /// Builds the site into the output folder; on any error, writes nothing and leaves the old site as it was.
    public static func build(_ options: BuildOptions) -> BuildReport {
        if let refused = OutputFolder.validate(output: options.outputDirectory, site: options.siteDirectory) {
            return BuildReport(diagnostics: [refused])
        }
        let (prepared, diagnostics) = prepare(options)
        var report = BuildReport(diagnostics: diagnostics)
        guard let prepared, !diagnostics.hasErrors else { return report }
        var clock = StepClock()
        report.timings = prepared.timings

        let output = OutputFolder(url: options.outputDirectory)
        do {
            try output.prepare()
            report.pagesWritten = try renderPages(prepared, into: output)
            report.timings.append(clock.lap("render and write pages"))
            report.filesCopied = try copyFiles(prepared, options: options, into: output)
            report.timings.append(clock.lap("copy assets and media"))
            try output.publish()
            report.timings.append(clock.lap("publish (swap folders)"))
            report.published = true
        } catch {
            output.discard()
            report.diagnostics.append(Diagnostic(.error, "io.write", file: nil, message: LocalizedText([
                .vi: "Không ghi được trang ra '\(options.outputDirectory.path)': \(error.localizedDescription). Trang đã xuất bản trước đó được giữ nguyên.",
                .en: "Could not write the site to '\(options.outputDirectory.path)': \(error.localizedDescription). The previously published site is unchanged.",
            ])))
        }
        return report
    }

    /// Every step up to writing: the same for `check` and `build`.
    public static func prepare(_ options: BuildOptions) -> (PreparedSite?, [Diagnostic]) {
        var clock = StepClock(), timings: [(step: String, seconds: Double)] = []
        // 1. Load content.
        let loaded = SiteLoader.load(from: DiskSource(siteDirectory: options.siteDirectory))
        timings.append(clock.lap("load content"))
        var diagnostics = loaded.diagnostics
        if diagnostics.contains(where: { $0.code.hasPrefix("io.") && $0.severity == .error }) {
            return (nil, diagnostics.sorted())
        }
        let site = loaded.site.published(includeDrafts: options.includeDrafts)

        // 2. Load templates and interface strings, and check they are complete.
        let theme = options.source   // the site's templates/ over the built-in theme
        let (strings, stringIssues) = StringsLoader.load(from: theme, languages: site.settings.languages)
        let (templates, templateIssues) = TemplateSet.load(from: theme)
        diagnostics += stringIssues + templateIssues + ThemeAssets.check(theme)
        diagnostics += templates.check(required: PageKind.allTemplates + ["layout", "partials/card", "partials/menu"], strings: strings)
        guard strings.count == site.settings.languages.count else { return (nil, Array(Set(diagnostics)).sorted()) }
        timings.append(clock.lap("load templates"))

        // 3. Render Markdown bodies (parsing is serialised inside the renderer; the rest runs in parallel).
        let routes = Routes(settings: site.settings, strings: strings)
        let (bodies, bodyIssues) = renderBodies(site: site, all: loaded.site, sources: loaded.sources, routes: routes)
        diagnostics += bodyIssues
        timings.append(clock.lap("render Markdown bodies"))

        // 4. Plan pages.
        var views = Views(site: site, relations: Relations(site), routes: routes, strings: strings, bodies: bodies)
            .withCards { refs, make in Parallel.map(refs, make) }
        // A card appears on many pages (lists, campaigns, units, the home page): its partial is rendered once per language.
        let contexts = views.cardContexts()
        let html = Parallel.map(contexts) { templates.render("partials/card", $0.context) }
        views = views.withCardHTML(zip(contexts, html).map { ($0.ref, $0.language, $1) })
        // Likewise the main menu, the same on every page of a section.
        let menus = views.menuContexts()
        let menuHTML = menus.map { templates.render("partials/menu", $0.context) }
        views = views.withMenuHTML(zip(menus, menuHTML).map { ($0.language, $0.current, $1) })
        let (pages, planIssues) = planPages(views, pageSize: options.pageSize)
        diagnostics += planIssues

        timings.append(clock.lap("plan pages"))
        let prepared = PreparedSite(timings: timings, views: views, templates: templates, pages: pages, mediaFiles: site.media.keys.sorted())
        return (prepared, Array(Set(diagnostics)).sorted())
    }

    // MARK: Steps

    static func renderBodies(site: Site, all: Site, sources: SourceMap, routes: Routes)
        -> ([EntityRef: [Language: RenderedBody]], [Diagnostic]) {
        let published = Set(site.allRefs), existing = Set(all.allRefs).union(sources.entries)
        let d = site.settings.defaultLanguage
        var jobs: [(EntityRef, Language, Language, String)] = []   // ref, page language, text language, markdown
        for (ref, body) in bodiesByRef(site) {
            for lang in site.settings.languages {
                guard let r = body.resolve(lang, fallback: d), !r.value.isEmpty else { continue }
                jobs.append((ref, lang, r.language, r.value))
            }
        }
        let renderer = MarkdownRenderer()
        let results = Parallel.map(jobs) { job -> (RenderedMarkdown, [Diagnostic]) in
            let (ref, lang, textLang, markdown) = job
            let rendered = renderer.render(markdown) { target in
                guard let r = EntityRef(target), published.contains(r) else { return nil }
                return routes.entity(r, lang)
            }
            let file = sources.file(for: ref, language: textLang)
            let firstLine = sources.bodyStartLine(for: ref, language: textLang) ?? 1
            var issues: [Diagnostic] = []
            for link in rendered.unresolvedRefs {
                // A link to someone left out (no consent, a draft) becomes plain text, silently.
                if let r = EntityRef(link.target), existing.contains(r) { continue }
                issues.append(Diagnostic(.error, "ref.unknown", file: file, line: firstLine + link.line - 1, column: link.column,
                    message: LocalizedText([
                        .vi: "Liên kết 'ref:\(link.target)' không trỏ tới mục nào có trong trang.",
                        .en: "The link 'ref:\(link.target)' points to nothing on the site.",
                    ]), fix: suggestion(for: link.target, among: existing)))
            }
            for link in rendered.blockedLinks {
                issues.append(Diagnostic(.warning, "link.unsafe", file: file, line: firstLine + link.line - 1, column: link.column,
                    message: LocalizedText([
                        .vi: "Liên kết '\(link.target)' bị bỏ vì có thể chạy mã trên máy người đọc.",
                        .en: "The link '\(link.target)' was dropped because it could run code on the reader's device.",
                    ]), fix: LocalizedText([
                        .vi: "Dùng địa chỉ https://… hoặc ref:loại/mã.", .en: "Use an https://… address or ref:kind/id.",
                    ])))
            }
            return (rendered, issues)
        }
        var bodies: [EntityRef: [Language: RenderedBody]] = [:], diagnostics: [Diagnostic] = []
        for (job, (rendered, issues)) in zip(jobs, results) {
            bodies[job.0, default: [:]][job.1] = RenderedBody(html: rendered.html, language: job.2)
            diagnostics += issues
        }
        return (bodies, diagnostics)
    }

    static func suggestion(for target: String, among refs: Set<EntityRef>) -> LocalizedText? {
        guard let s = nearest(target, in: refs.map(\.description)) else {
            return LocalizedText([.vi: "Viết liên kết dạng ref:loại/mã, ví dụ ref:individuals/lo-thi-mai.",
                                  .en: "Write the link as ref:kind/id, for example ref:individuals/lo-thi-mai."])
        }
        return LocalizedText([.vi: "Có phải ý bạn là 'ref:\(s)'?", .en: "Did you mean 'ref:\(s)'?"])
    }

    static func bodiesByRef(_ site: Site) -> [(EntityRef, LocalizedText)] {
        site.campaigns.map { ($0.id.ref, $0.entry.body) } + site.units.map { ($0.id.ref, $0.entry.body) }
            + site.collectives.map { ($0.id.ref, $0.entry.body) } + site.individuals.map { ($0.id.ref, $0.entry.body) }
            + site.awards.map { ($0.id.ref, $0.entry.body) } + site.stories.map { ($0.id.ref, $0.entry.body) }
            + site.pages.map { ($0.id.ref, $0.entry.body) }
    }

    /// Every page of the site in every language, with its address in the others.
    static func planPages(_ views: Views, pageSize: Int) -> ([PlannedPage], [Diagnostic]) {
        let routes = views.routes, languages = views.site.settings.languages
        var pages: [PlannedPage] = []
        func add(_ kind: (Language) -> PageKind, _ path: (Language) -> String) {
            let alternates = Dictionary(uniqueKeysWithValues: languages.map { ($0, path($0)) })
            for lang in languages { pages.append(PlannedPage(kind: kind(lang), language: lang, path: path(lang), alternates: alternates)) }
        }
        add({ _ in .home }, routes.home)
        for kind in EntityKind.allCases where kind != .pages {
            let order = views.listOrder(kind)
            let count = max(1, (order.count + pageSize - 1) / pageSize)
            for n in 1...count {
                let items = Array(order.dropFirst((n - 1) * pageSize).prefix(pageSize))
                add({ _ in .list(kind, number: n, count: count, items: items) }, { routes.section(kind, $0, page: n) })
            }
            for ref in order { add({ _ in .entity(ref) }, { routes.entity(ref, $0) }) }
        }
        for page in views.site.pages { add({ _ in .entity(page.id.ref) }, { routes.entity(page.id.ref, $0) }) }

        // Two pages at one address would overwrite each other: a page id that takes a section's name.
        var diagnostics: [Diagnostic] = []
        var seen: [String: PageKind] = [:]
        for page in pages {
            if let other = seen[page.path], other != page.kind, case .entity(let ref) = page.kind, ref.kind == .pages {
                diagnostics.append(Diagnostic(.error, "page.collision", file: "content/pages/\(ref.id).\(page.language.code).md",
                    message: LocalizedText([
                        .vi: "Trang '\(ref.id)' có địa chỉ \(page.path) trùng với một mục khác của trang web.",
                        .en: "The page '\(ref.id)' would have the address \(page.path), which another part of the site uses.",
                    ]), fix: LocalizedText([.vi: "Đổi tên tệp (mã) của trang.", .en: "Rename the page's file (its id)."])))
            }
            seen[page.path] = page.kind
        }
        return (pages, diagnostics)
    }

    static func renderPages(_ prepared: PreparedSite, into output: OutputFolder) throws -> Int {
        let views = prepared.views, templates = prepared.templates
        let failures = Parallel.map(prepared.pages) { page -> String? in
            guard let context = views.context(for: page) else { return page.path }
            let html = templates.render(page.kind.template, context)
            do { try output.write(html, to: views.routes.outputFile(for: page.path)) } catch { return "\(page.path): \(error)" }
            return nil
        }
        if let failure = failures.compactMap({ $0 }).first {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: failure])
        }
        return prepared.pages.count
    }

    /// Theme assets, and the media the published pages use.
    static func copyFiles(_ prepared: PreparedSite, options: BuildOptions, into output: OutputFolder) throws -> Int {
        // Read through the same source as check, so what check accepted is what is published
        // (a link inside content/media/ publishes its target's bytes).
        let source = options.source
        var copied = 0
        for path in try ThemeAssets.paths(in: source) {
            try output.write(bytes: try source.file(path).bytes, to: String(path.dropFirst(SourceTree.themeFolder.count)))
            copied += 1
        }
        for media in prepared.mediaFiles {
            try output.write(bytes: try source.file("content/\(media.path)").bytes, to: media.path)
            copied += 1
        }
        return copied
    }
}

/// Wall time between steps, for `--timings`.
struct StepClock {
    var last = ContinuousClock.now
    mutating func lap(_ step: String) -> (step: String, seconds: Double) {
        let now = ContinuousClock.now, d = now - last
        last = now
        return (step, Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)
    }
}
