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
    /// Ignore what the last build left (`--full`): every output is made anew.
    public var full: Bool
    /// The day the site is built for (`--date`, `SOURCE_DATE_EPOCH`, else today: see `BuildDate`): what
    /// decides whether a nomination is open and how many working days it has left.
    public var buildDate: LocalDate
    /// Replaces site.yml's `base_url` (`--base-url`): a preview of a branch published elsewhere,
    /// or `serve`'s own address.
    public var baseURL: String?
    /// Told as each step ends, with what it counted (`thidua build`'s progress bar or lines).
    public var progress: (@Sendable (StepTiming) -> Void)?
    public init(siteDirectory: URL, outputDirectory: URL? = nil, includeDrafts: Bool = false, pageSize: Int = 50, full: Bool = false,
                baseURL: String? = nil, buildDate: LocalDate = Site.unsetBuildDate) {
        self.baseURL = baseURL
        self.buildDate = buildDate
        self.siteDirectory = siteDirectory.standardizedFileURL
        self.outputDirectory = (outputDirectory ?? siteDirectory.appendingPathComponent("output")).standardizedFileURL
        self.includeDrafts = includeDrafts
        self.pageSize = pageSize
        self.full = full
    }
}

/// The build, as named steps in the order they run; `--timings` and error messages name them.
public enum BuildStep: String, CaseIterable, Sendable {
    case readCache, loadContent, loadTheme, renderBodies, plan, renderOutputs, writePhotos, copyFiles, publish

    public var title: LocalizedText {
        switch self {
        case .readCache: LocalizedText([.vi: "đọc bộ nhớ đệm của lần trước", .en: "read the last build's cache"])
        case .loadContent: LocalizedText([.vi: "đọc nội dung", .en: "load content"])
        case .loadTheme: LocalizedText([.vi: "đọc giao diện và chuỗi giao diện", .en: "load templates and strings"])
        case .renderBodies: LocalizedText([.vi: "Markdown: kiểm tra liên kết, dựng phần mới", .en: "Markdown: links checked, new bodies rendered"])
        case .plan: LocalizedText([.vi: "lập danh sách tệp", .en: "plan outputs"])
        case .renderOutputs: LocalizedText([.vi: "dựng và ghi trang đã đổi", .en: "render and write the pages that changed"])
        case .writePhotos: LocalizedText([.vi: "ảnh: thu nhỏ, mã hóa lại ảnh mới, ghi mọi cỡ ảnh", .en: "photos: new ones resized and re-encoded, every rendition written"])
        case .copyFiles: LocalizedText([.vi: "chép giao diện, ảnh vẽ SVG và tệp PDF", .en: "copy assets, SVG drawings and PDFs"])
        case .publish: LocalizedText([.vi: "xuất bản (đổi thư mục, ghi bộ nhớ đệm)", .en: "publish (swap folders, write the cache)"])
        }
    }
}

/// How long one step took, and what it counted where that says something (files read, pages written).
public struct StepTiming: Sendable {
    public let step: BuildStep
    public let seconds: Double
    public var count: Int? = nil
}

/// What a build or a check found and did.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic]
    /// Pages in the new site: rendered anew, or kept from the last build because nothing they show changed.
    public var pagesWritten = 0
    /// Open-data files (JSON, CSV) in the new site.
    public var dataFilesWritten = 0
    public var pagesRendered = 0
    public var filesCopied = 0
    /// Photos published, and how many of them this build encoded (the others came from the store of processed photos).
    public var photosPublished = 0
    public var photosEncoded = 0
    /// True when the new site is in place.
    public var published = false
    /// Per non-default language, which entries are translated, missing or stale (filled by `check`).
    public var translations: [TranslationCoverage]?
    /// How long each step took, in order (`thidua build --timings`).
    public var timings: [StepTiming] = []
    /// Things worth saying that are not about the content (a build cache that was ignored).
    public var notes: [LocalizedText] = []
    public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public var pagesKept: Int { pagesWritten - pagesRendered }

    /// What `renderOutputs` made, counted: pages are what people read; the open-data files apart.
    mutating func count(_ records: [String: BuildCache.PageRecord], rendered: [String], plan: SitePlan) {
        let dataFiles = Set(plan.outputs.filter { if case .data = $0.format { true } else { false } }.map(\.file))
        pagesWritten = records.keys.filter { !dataFiles.contains($0) }.count
        pagesRendered = rendered.filter { !dataFiles.contains($0) }.count
        dataFilesWritten = dataFiles.count
    }
    /// Pages in the new site per language, in the site's order of languages.
    public var pagesByLanguage: [(language: Language, pages: Int)] = []
    /// The site as built, held for a caller that exits right after (`thidua build`): freeing a large
    /// site's millions of small values one by one takes longer than the system takes to drop the
    /// process's memory whole (a sixth of a rebuild).
    public var built: BuiltSite?
}

/// What a build made, opaque: held only so that it is not freed (see `BuildReport.built`).
public final class BuiltSite: @unchecked Sendable {
    let values: [Any]
    init(_ values: [Any]) { self.values = values }
}

/// A site read and checked, ready to render: the result of every step before writing.
public struct PreparedSite: Sendable {
    public let timings: [StepTiming]
    public let views: Views
    public let templates: TemplateSet
    public let plan: SitePlan
    /// Where every file was read from, and where the copied ones are read again.
    let source: SourceTree
    /// What the next build may reuse: this build's cards, body links and decoded files.
    let cache: BuildCache
    /// What each page is made from, as keys the last build's are compared with.
    let inputs: InputIndex
    /// Every body, with its HTML where it was rendered (the rest are rendered when their page is).
    let bodies: BodyIndex
    /// How to render a body that was not rendered ahead.
    let bodyRenderer: SiteBuilder.BodyRenderer
    /// The published photos, each with the file that shows it.
    let photos: [PhotoProcessing.Photo]
    public var pages: [PlannedPage] { plan.pages }
}

/// The build, as named steps a reader can follow top to bottom (`BuildStep`): read the last
/// build's cache → load content → load theme → bodies → plan outputs → render outputs → copy
/// files → publish.
public enum SiteBuilder {
    /// Runs every check without writing anything.
    public static func check(_ options: BuildOptions) -> BuildReport {
        let (prepared, diagnostics) = prepare(options)
        var report = BuildReport(diagnostics: diagnostics)
        if let prepared, !diagnostics.hasErrors {
            // Photos this output's store has never processed are decoded, so a truncated one is found without building.
            report.diagnostics = (diagnostics + PhotoProcessing.verify(prepared.photos, store: ImageStore(for: options.outputDirectory),
                                                                       source: prepared.source)).sorted()
        }
        if let site = prepared?.views.site {
            report.translations = TranslationCoverage.of(site, staleFiles: Set(diagnostics.filter { $0.code == .translationStale }.compactMap(\.file)))
        }
        return report
    }

    /// Builds the site into the output folder; on any error, writes nothing and leaves the old site as it was.
    /// Over an output folder it made before, renders again only the pages whose inputs changed.
    public static func build(_ options: BuildOptions) -> BuildReport {
        if let refused = OutputFolder.validate(output: options.outputDirectory, site: options.siteDirectory) {
            return BuildReport(diagnostics: [refused])
        }
        var previous = BuildCache(), notes: [LocalizedText] = []
        var cacheClock = StepClock(progress: options.progress)
        if !options.full {
            switch BuildCache.load(for: options.outputDirectory) {
            case .none: break
            case .loaded(let cache): previous = cache
            case .ignored(let note): notes.append(note)
            }
        }
        let cacheTiming = cacheClock.lap(.readCache)
        let (prepared, diagnostics) = prepare(options, previous: previous)
        var report = BuildReport(diagnostics: diagnostics)
        report.notes = notes
        report.built = BuiltSite([previous, prepared as Any])
        guard let prepared, !diagnostics.hasErrors else { return report }
        var clock = StepClock(progress: options.progress)
        report.timings = [cacheTiming] + prepared.timings
        report.pagesByLanguage = prepared.views.site.settings.languages.map { lang in
            (lang, prepared.plan.pages.lazy.filter { $0.language == lang }.count)
        }

        let output = OutputFolder(url: options.outputDirectory)
        var step = BuildStep.renderOutputs
        do {
            // Over a site it made before, the build starts from the site before that one, kept beside it.
            if try output.prepare(reuse: !options.full) {
                try output.prune(keeping: Set(prepared.plan.outputs.map(\.file)))
            }
            var (records, rendered) = try renderOutputs(prepared, previous: previous, into: output)
            report.count(records, rendered: rendered, plan: prepared.plan)
            report.timings.append(clock.lap(step, count: report.pagesRendered))
            step = .writePhotos
            // Kept even with --full: it is keyed by each photo's bytes and the encoders' settings and
            // checked before use, so it cannot give a wrong picture; only the encoding would be repeated.
            let store = ImageStore(for: options.outputDirectory)
            let photos = PhotoProcessing.write(prepared.photos, store: store, source: prepared.source, previous: previous.pages, into: output)
            report.photosEncoded = photos.encoded; report.photosPublished = prepared.photos.count
            if !photos.diagnostics.isEmpty {
                output.discard()
                report.diagnostics = (report.diagnostics + photos.diagnostics).sorted()
                return report
            }
            records.merge(photos.records) { $1 }
            report.timings.append(clock.lap(step, count: photos.encoded))
            step = .copyFiles
            report.filesCopied = try copyFiles(prepared, into: output)
            report.timings.append(clock.lap(step, count: report.filesCopied))
            step = .publish
            try output.publish()
            store.prune(keeping: Set(prepared.photos.map(\.key)))
            var next = prepared.cache
            next.pages = records
            next.save(for: options.outputDirectory)
            report.timings.append(clock.lap(step))
            report.published = true
        } catch let failure as SourceFailure {
            output.discard()
            report.diagnostics.append(failure.diagnostic)
        } catch {
            output.discard()
            let unchanged = LocalizedText([.vi: "(Bước: \(step.title[.vi]!).) Trang đã xuất bản trước đó được giữ nguyên.",
                                           .en: "(Step: \(step.title[.en]!).) The previously published site is unchanged."])
            let failure = error as? SystemFailure ?? SystemFailure(.write, path: options.outputDirectory.path, errno: EIO)
            report.diagnostics.append(DiagnosticCatalog.ioWrite(failure, note: unchanged))
        }
        return report
    }

    /// Every step up to writing: the same for `check` and `build`. `previous` is what the last
    /// build left, to reuse the bodies and cards whose inputs are unchanged.
    public static func prepare(_ options: BuildOptions) -> (PreparedSite?, [Diagnostic]) {
        prepare(options, previous: BuildCache())
    }

    static func prepare(_ options: BuildOptions, previous: BuildCache) -> (PreparedSite?, [Diagnostic]) {
        var clock = StepClock(progress: options.progress), timings: [StepTiming] = []
        // 1. Load content.
        // One source for everything read: content/, and templates/ over the built-in theme.
        let source = options.source
        let loaded = SiteLoader.load(from: source, reusing: previous.parsed)
        timings.append(clock.lap(.loadContent, count: loaded.fileDigests.count))
        var diagnostics = loaded.diagnostics
        if diagnostics.contains(where: { $0.code.isIO && $0.severity == .error }) {
            return (nil, diagnostics.sorted())
        }
        var dated = loaded.site
        dated.buildDate = options.buildDate
        var site = dated.published(includeDrafts: options.includeDrafts)
        if let baseURL = options.baseURL { site.settings.baseURL = baseURL }

        // 2. Load templates and interface strings, and check they are complete.
        let (strings, stringIssues) = StringsLoader.load(from: source, languages: site.settings.languages)
        let (templates, templateIssues) = TemplateSet.load(from: source)
        diagnostics += stringIssues + templateIssues + ThemeAssets.check(source)
        diagnostics += templates.check(required: PageKind.allTemplates + ["layout", "partials/card", "partials/menu"], strings: strings)
        guard strings.count == site.settings.languages.count else { return (nil, Array(Set(diagnostics)).sorted()) }
        timings.append(clock.lap(.loadTheme))

        // 3. Markdown bodies: their links checked, each rendered when its text is new (parsing is
        // serialised inside the renderer; the rest runs in parallel). A body whose text the last build
        // saw is rendered only if its page is made anew.
        let routes = Routes(settings: site.settings, strings: strings)
        var cache = BuildCache()
        cache.parsed = loaded.parsed
        let bodyRenderer = BodyRenderer(site: site, routes: routes, strings: strings)
        let (bodies, bodyIssues) = indexBodies(site: site, all: loaded.site, sources: loaded.sources, renderer: bodyRenderer,
                                               previous: previous, next: &cache)
        diagnostics += bodyIssues
        timings.append(clock.lap(.renderBodies, count: bodies.byRef.values.reduce(0) { $0 + $1.count }))

        // 4. Plan outputs.
        // A card appears on many pages (lists, campaigns, units, the home page): its partial is rendered
        // once per language, and not at all when the last build rendered it from the same inputs.
        var inputs = InputIndex(site: site, loaded: loaded, strings: strings, templates: templates, options: options)
        var cardKeys: [UInt64] = [], cardHTML: [String] = []
        let views = Views(site: site, relations: Relations(site), routes: routes, strings: strings, bodies: bodies.rendered,
                          inParallel: { refs, make in Parallel.map(refs, make) },
                          renderCards: { contexts in
            let index = inputs
            cardKeys = contexts.map { index.card($0.ref, $0.language, shared: $0.sharedDigest) }
            cardHTML = Parallel.map(Array(zip(contexts, cardKeys))) { card, key in
                previous.cards[key] ?? templates.render("partials/card", card.context)
            }
            return cardHTML
        },
                          // Likewise the main menu, the same on every page of a section.
                          renderMenus: { menus in menus.map { templates.render("partials/menu", $0.context) } })
        inputs.shared = Dictionary(uniqueKeysWithValues: site.settings.languages.map { ($0, views.sharedDigest($0)) })
        inputs.cards = views.cardDigests { refs, digest in Parallel.map(refs, digest) }
        for (key, html) in zip(cardKeys, cardHTML) { cache.cards[key] = html }
        let (plan, planIssues) = SitePlan.make(views, pageSize: options.pageSize,
                                               copies: copySources(source, media: site.media.filter { $0.value.isPublishedAsIs }.keys.sorted()),
                                               sources: loaded.sources)
        diagnostics += planIssues
        timings.append(clock.lap(.plan, count: plan.outputs.count))

        let prepared = PreparedSite(timings: timings, views: views, templates: templates, plan: plan, source: source, cache: cache,
                                    inputs: inputs, bodies: bodies, bodyRenderer: bodyRenderer,
                                    photos: PhotoProcessing.photos(of: site, sources: loaded.sources))
        return (prepared, Array(Set(diagnostics)).sorted())
    }

    // MARK: Steps

    /// Renders Markdown bodies for pages in one language: `ref:` links lead to the published
    /// entities' pages in that language, task boxes are named in the language of the text.
    struct BodyRenderer: Sendable {
        let published: Set<EntityRef>
        let routes: Routes
        let taskLabels: [Language: TaskListLabels]
        let renderer = MarkdownRenderer()

        init(site: Site, routes: Routes, strings: [Language: Strings]) {
            published = Set(site.allRefs); self.routes = routes
            // Task boxes are named in the language of the text around them: untranslated text is shown inside
            // lang="vi" on an English page, and a name in another language would be read with the wrong voice.
            taskLabels = strings.mapValues(\.taskListLabels)
        }

        func labels(_ textLanguage: Language) -> TaskListLabels {
            // Every site language has its strings by now (prepare stops otherwise); the keys, as Strings shows a missing one.
            taskLabels[textLanguage] ?? TaskListLabels(done: "task.done", notDone: "task.not_done")
        }

        /// What makes a body's HTML, but for where its links lead (checked apart, link by link).
        func key(_ markdown: String, page lang: Language, text textLanguage: Language) -> UInt64 {
            let l = labels(textLanguage)
            var h = StableHasher()
            h.combine(markdown); h.combine(lang.code); h.combine(l.done); h.combine(l.notDone)
            return h.value
        }

        func render(_ markdown: String, page lang: Language, text textLanguage: Language) -> RenderedMarkdown {
            renderer.render(markdown, taskLabels: labels(textLanguage)) { target in
                guard let r = EntityRef(target), published.contains(r) else { return nil }
                return routes.entity(r, lang)
            }
        }
    }

    /// Every body of the site with its links, and the checks on them: a link to nothing is an
    /// error, a refused URL a warning. Bodies whose text the last build saw keep its links and are
    /// not rendered now; the others are.
    static func indexBodies(site: Site, all: Site, sources: SourceMap, renderer: BodyRenderer,
                            previous: BuildCache, next: inout BuildCache) -> (BodyIndex, [Diagnostic]) {
        let existing = Set(all.allRefs).union(sources.entries)
        let d = site.settings.defaultLanguage
        var jobs: [(ref: EntityRef, lang: Language, text: Language, markdown: String)] = []
        for entity in site.entities {
            for lang in site.settings.languages {
                guard let r = entity.entry.body.resolve(lang, fallback: d), !r.value.isEmpty else { continue }
                jobs.append((entity.ref, lang, r.language, r.value))
            }
        }
        let existingNames = existing.map(\.description)
        let results = Parallel.map(jobs) { job -> (BodyIndex.Body, [Diagnostic]) in
            let key = renderer.key(job.markdown, page: job.lang, text: job.text)
            var body = BodyIndex.Body(key: key, markdown: job.markdown, textLanguage: job.text,
                                      links: BuildCache.BodyLinks(refLinks: [], blocked: []), html: nil)
            if let links = previous.bodies[key] {
                body.links = links
            } else {
                let rendered = renderer.render(job.markdown, page: job.lang, text: job.text)
                body.links = BuildCache.BodyLinks(refLinks: rendered.refLinks, blocked: rendered.blockedLinks)
                body.html = rendered.html
            }
            let file = sources.file(for: job.ref, language: job.text)
            let firstLine = sources.bodyStartLine(for: job.ref, language: job.text) ?? 1
            var issues: [Diagnostic] = []
            for link in body.links.refLinks {
                // A link to someone left out (no consent, a draft) becomes plain text, silently.
                if let r = EntityRef(link.target), renderer.published.contains(r) || existing.contains(r) { continue }
                issues.append(DiagnosticCatalog.refUnknown(file: file, at: Position(line: firstLine + link.line - 1, column: link.column),
                                                           .link(link.target), suggestion: nearest(link.target, in: existingNames)))
            }
            for link in body.links.blocked {
                issues.append(DiagnosticCatalog.linkUnsafe(file: file, at: Position(line: firstLine + link.line - 1, column: link.column), target: link.target))
            }
            return (body, issues)
        }
        var index = BodyIndex(), diagnostics: [Diagnostic] = []
        for (job, (body, issues)) in zip(jobs, results) {
            index.byRef[job.ref, default: [:]][job.lang] = body
            next.bodies[body.key] = body.links
            diagnostics += issues
        }
        return (index, diagnostics)
    }

    /// Writes every planned page: rendered anew, or, when what it is made from has the key the last
    /// build recorded and the published file is still the one it wrote, kept unrendered. Returns
    /// the record of every page for the next build, and how many were rendered.
    static func renderOutputs(_ prepared: PreparedSite, previous: BuildCache, into output: some OutputSink) throws
        -> ([String: BuildCache.PageRecord], [String]) {
        let templates = prepared.templates, inputs = prepared.inputs, planned = prepared.views
        // Pages and open-data files: what the build makes, each kept when its key is unchanged.
        let pages = prepared.plan.outputs.filter(\.isMade).map { (file: $0.file, format: $0.format) }
        // 1. Keep what is unchanged.
        let kept = Parallel.map(pages) { item in
            attempt(item.file) { () -> (key: UInt64, kept: BuildCache.PageRecord?) in
                let key: UInt64
                switch item.format {
                case .page(let page): key = inputs.page(page, file: item.file, views: planned, bodies: prepared.bodies)
                case .data(let file): key = inputs.data(file, views: planned)
                case .copy, .image: key = 0
                }
                guard let last = previous.pages[item.file], last.key == key, try output.keep(item.file, ifStill: last.file) else {
                    return (key, nil)
                }
                return (key, last)
            }
        }
        var records: [String: BuildCache.PageRecord] = [:], toRender: [(file: String, format: OutputFormat, key: UInt64)] = []
        for (item, result) in zip(pages, kept) {
            let (key, record) = try result.get()
            if let record { records[item.file] = record } else { toRender.append((item.file, item.format, key)) }
        }
        // 2. The bodies the pages made anew show, where not rendered yet.
        var bodies = prepared.bodies, views = planned
        var wanted: [(EntityRef, Language)] = []
        for item in toRender {
            if case .page(let page) = item.format, case .entity(let ref) = page.kind, let body = bodies.byRef[ref]?[page.language],
               body.html == nil {
                wanted.append((ref, page.language))
            }
        }
        if !wanted.isEmpty {
            let index = bodies
            let html = Parallel.map(wanted) { ref, lang -> String in
                let body = index.byRef[ref]![lang]!
                return prepared.bodyRenderer.render(body.markdown, page: lang, text: body.textLanguage).html
            }
            for ((ref, lang), html) in zip(wanted, html) { bodies.byRef[ref]![lang]!.html = html }
            views = views.with(bodies: bodies.rendered)
        }
        // 3. Render the rest.
        let shown = views
        let written = Parallel.map(toRender) { item in
            attempt(item.file) { () -> BuildCache.PageRecord in
                let identity: FileIdentity
                switch item.format {
                case .page(let page):
                    guard let context = shown.context(for: page) else { throw SystemFailure(.write, path: item.file, errno: EINVAL) }
                    identity = try output.write(templates.render(page.kind.template, context), to: item.file)
                case .data(let file):
                    let bytes: [UInt8]
                    do { bytes = try DataFiles.bytes(shown.dataTable(file.set, file.language), file.format) } catch {
                        throw SystemFailure(.write, path: item.file, errno: EINVAL)
                    }
                    identity = try output.write(bytes: bytes, to: item.file)
                case .copy, .image: throw SystemFailure(.write, path: item.file, errno: EINVAL)
                }
                return BuildCache.PageRecord(key: item.key, file: identity)
            }
        }
        for (item, result) in zip(toRender, written) { records[item.file] = try result.get() }
        return (records, toRender.map(\.file))
    }

    /// `body`'s result, or the system call that failed in it, for work done on every core and
    /// reported after (a thread cannot throw across `Parallel.map`).
    static func attempt<T>(_ file: String, _ body: () throws -> T) -> Result<T, SystemFailure> {
        do { return .success(try body()) } catch let failure as SystemFailure {
            return .failure(failure)
        } catch {
            return .failure(SystemFailure(.write, path: file, errno: EIO))
        }
    }

    /// The theme's assets and the media the published pages use as they are (drawings, PDFs), as source paths.
    static func copySources(_ source: SourceTree, media: [MediaPath]) -> [String] {
        ((try? ThemeAssets.paths(in: source)) ?? []) + media.map { "content/\($0.path)" }
    }

    /// Copies the files the plan publishes as they are, read through the same source as check,
    /// so what check accepted is what is published (a link inside content/media/ publishes its
    /// target's bytes).
    static func copyFiles(_ prepared: PreparedSite, into output: some OutputSink) throws -> Int {
        var copied = 0
        for case let (file, .copy(path)) in prepared.plan.outputs.map({ ($0.file, $0.format) }) {
            do { try output.copy(path, from: prepared.source, to: file) } catch let error as ContentSourceError {
                throw SourceFailure(diagnostic: DiagnosticCatalog.readFailure(error, file: path))
            }
            copied += 1
        }
        return copied
    }
}

/// A file that could be read when checked but not when copied (it changed meanwhile): its diagnostic.
struct SourceFailure: Error {
    let diagnostic: Diagnostic
}

/// Wall time between steps, for `--timings`.
struct StepClock {
    var last = ContinuousClock.now
    var progress: (@Sendable (StepTiming) -> Void)? = nil
    mutating func lap(_ step: BuildStep, count: Int? = nil) -> StepTiming {
        let now = ContinuousClock.now, d = now - last
        last = now
        let timing = StepTiming(step: step, seconds: Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18, count: count)
        progress?(timing)
        return timing
    }
}
