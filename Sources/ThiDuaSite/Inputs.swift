import ThiDuaContent
import ThiDuaModel
import ThiDuaRender

/// What every output is made from, as digests one build records and the next compares: the
/// dependency index. An entity's page is made from its own files (and the media it shows), the
/// entities whose cards and links it shows (its kind's `shows`, written beside the page it
/// describes and held to it by the tests), where its body's `ref:` links lead, its template with
/// every partial it reaches, the interface strings, `site.yml` and the menu. What a page shows of
/// another entity (a card, or a link titled as its card is) counts by that card's digest, so a
/// new sentence in a profile's body changes that profile's page only. A list page is made from
/// the cards it lists and the size of its section; the home page from its cards and its counts;
/// a card from its entity's files; a photo's rendition from the photo's bytes and the encoders' settings.
///
/// A key that is the same as last time means the output is the same; a change anywhere it was
/// made from changes the key. Tested as a property: every kind of edit rebuilt over the last
/// output gives the bytes of a clean build.
struct InputIndex: Sendable {
    /// Each published entity's own inputs: its files in every language and the media it shows.
    let fingerprints: [EntityRef: UInt64]
    /// What every output depends on: this thidua, `site.yml`, every language's strings, the options.
    let global: UInt64
    /// Per language: the values every template sees (`t`, `site`), from the views once made.
    var shared: [Language: UInt64] = [:]
    /// Per template: the template and every partial it reaches.
    let templates: [String: UInt64]
    /// Per language and entity: its card, fields and HTML, from the views once made.
    var cards: [Language: [EntityRef: UInt64]] = [:]
    /// Every published entity's fingerprint, in the site's order, as one digest: what the open-data
    /// files are made from (each row names other entries: a unit's name, a campaign's title).
    let everything: UInt64
    /// Per kind, its entities' fingerprints as one digest (the register's filters count every decision).
    let kinds: [EntityKind: UInt64]

    init(site: Site, loaded: LoadResult, strings: [Language: Strings], templates: TemplateSet, options: BuildOptions) {
        let languages = site.settings.languages
        var fingerprints: [EntityRef: UInt64] = [:]
        fingerprints.reserveCapacity(site.entities.count)
        for entity in site.entities {
            var h = StableHasher()
            h.combine(entity.ref.description)
            for lang in languages {
                h.combine(lang.code)
                h.combine(loaded.sources.file(for: entity.ref, language: lang).flatMap { loaded.fileDigests[$0] } ?? 0)
            }
            // Where a nomination stands on the build date is part of it: its card says so.
            if let n = entity.base as? Nomination { h.combine(n.status(on: site.buildDate).rawValue) }
            for path in entity.media {
                let info = site.media[path]
                h.combine(path.path); h.combine(info?.byteCount ?? -1); h.combine(info?.width ?? -1); h.combine(info?.height ?? -1)
            }
            fingerprints[entity.ref] = h.value
        }
        self.fingerprints = fingerprints
        var all = StableHasher(), byKind: [EntityKind: StableHasher] = [:]
        for entity in site.entities {
            let f = fingerprints[entity.ref] ?? 0
            all.combine(entity.ref.description); all.combine(f)
            byKind[entity.ref.kind, default: StableHasher()].combine(entity.ref.id)
            byKind[entity.ref.kind]!.combine(f)
        }
        everything = all.value
        kinds = byKind.mapValues(\.value)
        var g = StableHasher()
        g.combine(BuildCache.toolKey)
        g.combine(loaded.fileDigests["content/site.yml"] ?? 0)
        for lang in languages { g.combine(lang.code); g.combine(strings[lang]?.tree.digest() ?? 0) }
        g.combine(options.includeDrafts); g.combine(options.pageSize); g.combine(options.baseURL ?? "")
        global = g.value
        self.templates = Dictionary(uniqueKeysWithValues: (PageKind.allTemplates + ["partials/card"]).map { ($0, templates.closureDigest(of: $0)) })
    }

    /// What a photo's renditions are made from, whatever its name or who shows it: its bytes, the
    /// renditions its size asks for, the encoders' settings. The store of processed photos keeps them under it.
    static func photo(_ info: MediaInfo) -> UInt64 {
        var h = StableHasher()
        h.combine(info.digest); h.combine(info.byteCount); h.combine(ImageSettings.version)
        for r in info.renditions { h.combine(r.width); h.combine(r.height); h.combine(r.encoding.rawValue); h.combine(r.isShareCard) }
        return h.value
    }

    /// One rendition's output (`.image` in the plan): its photo's key and its file.
    static func rendition(photo key: UInt64, file: String) -> UInt64 {
        var h = StableHasher()
        h.combine(key); h.combine(file)
        return h.value
    }

    /// 0 for an entity the published site does not have.
    func fingerprint(_ ref: EntityRef) -> UInt64 { fingerprints[ref] ?? 0 }

    /// A card: its entity, in a language, through the card partial.
    func card(_ ref: EntityRef, _ lang: Language, shared: UInt64? = nil) -> UInt64 {
        var h = StableHasher()
        h.combine(global); h.combine(shared ?? self.shared[lang] ?? 0); h.combine(templates["partials/card"] ?? 0)
        h.combine(fingerprint(ref))
        return h.value
    }

    /// A page's key: what it is made from, as digests.
    func page(_ page: PlannedPage, file: String, views: Views, bodies: BodyIndex) -> UInt64 {
        let lang = page.language, cards = self.cards[lang] ?? [:]
        var h = StableHasher()
        h.combine(global); h.combine(shared[lang] ?? 0); h.combine(templates[page.kind.template] ?? 0)
        h.combine(views.menuDigest(for: page))
        h.combine(file)
        for (l, path) in page.alternates.sorted(by: { $0.key < $1.key }) { h.combine(l.code); h.combine(path) }
        // In the order the page lists them: an order changed by what no card shows (a person's
        // `given_name`, by which lists sort) changes the page too.
        func shown(_ refs: [EntityRef]) {
            h.combine(refs.count)
            for ref in views.inListOrder(refs) { h.combine(ref.description); h.combine(cards[ref] ?? 0) }
        }
        switch page.kind {
        case .home:
            let (refs, counted) = views.homeShows
            shown(refs)
            for kind in counted { h.combine(views.site.entities(of: kind).count) }
        case .list(let kind, let number, let count, let items):
            h.combine(kind.rawValue); h.combine(number); h.combine(count); h.combine(views.site.entities(of: kind).count)
            shown(items)
            h.combine(views.facetDigest(kind, lang))
        case .facet(let kind, let facet, let key, let items):
            h.combine(kind.rawValue); h.combine(facet.rawValue); h.combine(key)
            shown(items)
            h.combine(views.facetDigest(kind, lang, current: (facet, key)))
        case .entity(let ref):
            h.combine(fingerprint(ref))
            // A nomination's page counts the working days left on the build date.
            if ref.kind == .nominations { h.combine(views.site.buildDate.iso) }
            shown(views.shows(ref))
            // The body: its text (in the entity's files) and where each of its `ref:` links leads.
            if let body = bodies.byRef[ref]?[lang] {
                h.combine(body.key)
                for link in body.links.refLinks { h.combine(EntityRef(link.target).map { fingerprints[$0] != nil } ?? false) }
            }
            // A campaign's page shows its short report.
            if ref.kind == .campaigns { h.combine(views.reportDigest(page.kind, lang)) }
        case .report:
            h.combine(views.reportDigest(page.kind, lang))
        case .register(let filter):
            // Its rows show each decision's own fields (issuer, level) beyond its card, and its
            // filters count every decision.
            h.combine("register \(filter)")
            h.combine(kinds[.awards] ?? 0)
            shown(views.sectionShows(page.kind))
        case .publicComment:
            // Each nomination in full, where it stands on the build date, and the working days left.
            h.combine("public comment"); h.combine(views.site.buildDate.iso)
            h.combine(kinds[.nominations] ?? 0)
            shown(views.sectionShows(page.kind))
        case .openData:
            h.combine("open data")
            for set in DataSet.allCases { h.combine(views.dataRowCount(set)) }
        }
        return h.value
    }

    /// An open-data file's key: the language's strings and site.yml (in `global`, `shared`), every
    /// published entity, and the build date for a table whose rows depend on it.
    func data(_ file: DataFile, views: Views) -> UInt64 {
        var h = StableHasher()
        h.combine(global); h.combine(shared[file.language] ?? 0); h.combine(everything)
        h.combine(file.set.rawValue); h.combine(file.language.code); h.combine(file.format.rawValue)
        if file.set.dependsOnBuildDate { h.combine(views.site.buildDate.iso) }
        return h.value
    }
}

/// Every Markdown body of the site, per entity and page language: the digest of what makes its
/// HTML, the `ref:` links it holds (for the checks and the page keys), and its HTML once rendered.
/// A rebuild renders only the bodies of the pages it makes anew; the links of the others come from
/// the last build, by that digest.
struct BodyIndex: Sendable {
    struct Body: Sendable {
        var key: UInt64
        var markdown: String
        var textLanguage: Language
        var links: BuildCache.BodyLinks
        var html: String?
    }
    var byRef: [EntityRef: [Language: Body]] = [:]

    /// The bodies with their HTML, as the views show them.
    var rendered: [EntityRef: [Language: RenderedBody]] {
        byRef.mapValues { $0.compactMapValues { b in b.html.map { RenderedBody(html: $0, language: b.textLanguage) } } }
    }
}
