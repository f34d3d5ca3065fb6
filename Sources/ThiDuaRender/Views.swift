import ThiDuaModel

/// Body HTML for one entity in one page language, and the language its text is in.
public struct RenderedBody: Sendable {
    public let html: String
    public let language: Language
    public init(html: String, language: Language) { self.html = html; self.language = language }
}

/// Turns the model into what templates see, for one language at a time. Everything a
/// page shows is computed here once (cards are shared by the home page, lists and
/// related pages), so templates stay free of logic.
public struct Views: Sendable {
    public let site: Site
    public let relations: Relations
    public let routes: Routes
    public let strings: [Language: Strings]
    public let bodies: [EntityRef: [Language: RenderedBody]]

    let campaigns: [ID<Campaign>: Campaign]
    let units: [ID<Unit>: Unit]
    let collectives: [ID<Collective>: Collective]
    let individuals: [ID<Individual>: Individual]
    let awards: [ID<AwardDecision>: AwardDecision]
    let stories: [ID<Story>: Story]
    let pages: [ID<Page>: Page]
    /// Every entity's card per language, computed once: a card appears on many pages.
    private var cardCache: [Language: [EntityRef: TemplateValue]] = [:]
    /// The main menu per language and current item, with its HTML: the same on thousands of pages.
    var menuCache: [Language: [MenuCurrent: TemplateValue]] = [:]
    /// `lang`, `t` and `site` per language, made once.
    private var sharedValues: [Language: TemplateObject] = [:]
    /// Each entity's place in its kind's list order, so that any subset sorts without recomputing
    /// Vietnamese sort keys (campaign and unit pages sort their members on every page).
    let individualRank: [ID<Individual>: Int]
    let collectiveRank: [ID<Collective>: Int]
    let unitRank: [ID<Unit>: Int]

    public init(site: Site, relations: Relations, routes: Routes, strings: [Language: Strings],
                bodies: [EntityRef: [Language: RenderedBody]]) {
        self.site = site; self.relations = relations; self.routes = routes; self.strings = strings; self.bodies = bodies
        campaigns = Dictionary(uniqueKeysWithValues: site.campaigns.map { ($0.id, $0) })
        units = Dictionary(uniqueKeysWithValues: site.units.map { ($0.id, $0) })
        collectives = Dictionary(uniqueKeysWithValues: site.collectives.map { ($0.id, $0) })
        individuals = Dictionary(uniqueKeysWithValues: site.individuals.map { ($0.id, $0) })
        awards = Dictionary(uniqueKeysWithValues: site.awards.map { ($0.id, $0) })
        stories = Dictionary(uniqueKeysWithValues: site.stories.map { ($0.id, $0) })
        pages = Dictionary(uniqueKeysWithValues: site.pages.map { ($0.id, $0) })
        let d = site.settings.defaultLanguage
        func ranks<K>(_ keyed: [(ID<K>, some Comparable)]) -> [ID<K>: Int] {
            Dictionary(uniqueKeysWithValues: keyed.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.enumerated().map { ($1.0, $0) })
        }
        individualRank = ranks(site.individuals.map { ($0.id, PersonKey(VietnameseText.personKey(name: $0.name, givenName: $0.givenName))) })
        collectiveRank = ranks(site.collectives.map { ($0.id, VietnameseText.sortKey($0.name[d] ?? $0.id.rawValue)) })
        unitRank = ranks(site.units.map { u in
            (u.id, UnitKey(kind: UnitKind.allCases.firstIndex(of: u.kind)!, name: VietnameseText.sortKey(u.name[d] ?? u.id.rawValue)))
        })
        for lang in site.settings.languages where strings[lang] != nil { sharedValues[lang] = makeShared(lang) }
    }

    /// Given name first, then the whole name (CONTENT-MODEL section 5).
    struct PersonKey: Comparable {
        let keys: [VietnameseText.SortKey]
        init(_ keys: [VietnameseText.SortKey]) { self.keys = keys }
        static func < (a: PersonKey, b: PersonKey) -> Bool { a.keys.lexicographicallyPrecedes(b.keys) }
    }

    /// Units by kind (the federation first), then by name.
    struct UnitKey: Comparable {
        let kind: Int
        let name: VietnameseText.SortKey
        static func < (a: UnitKey, b: UnitKey) -> Bool { (a.kind, a.name) < (b.kind, b.name) }
    }

    public var defaultLanguage: Language { site.settings.defaultLanguage }

    // MARK: Text in a language

    /// Sets `key` to the text and, when it is shown from another language, `key_lang`
    /// to that language, so the template can mark it `lang="vi"` for screen readers.
    func put(_ text: LocalizedText, _ key: String, _ lang: Language, into object: inout TemplateObject) {
        guard let r = text.resolve(lang, fallback: defaultLanguage), !r.value.isEmpty else { return }
        object[key] = r.value
        if r.isFallback { object[key + "_lang"] = r.language.code }
    }

    func text(_ text: LocalizedText, _ lang: Language) -> String {
        text.resolve(lang, fallback: defaultLanguage)?.value ?? ""
    }

    func link(_ ref: EntityRef, _ title: LocalizedText, _ lang: Language) -> TemplateValue {
        var o = TemplateObject()
        o["url"] = routes.entity(ref, lang)
        put(title, "title", lang, into: &o)
        return o.value
    }

    func image(_ path: MediaPath?, alt: LocalizedText, _ lang: Language) -> TemplateValue? {
        guard let path, let info = site.media[path] else { return nil }
        var o = TemplateObject()
        o["src"] = routes.basePath + path.path
        o["width"] = info.width.map(String.init)
        o["height"] = info.height.map(String.init)
        put(alt, "alt", lang, into: &o)
        if o["alt"] == nil { o["alt"] = "" }
        return o.value
    }

    // MARK: Cards: one entity as it appears in lists

    public func card(_ ref: EntityRef, _ lang: Language) -> TemplateValue? {
        if let cached = cardCache[lang]?[ref] { return cached }
        return makeCard(ref, lang)
    }

    /// The same views with every card computed ahead, on every core (`compute` maps in parallel).
    public func withCards(compute: ([EntityRef], @Sendable (EntityRef) -> [TemplateValue?]) -> [[TemplateValue?]]) -> Views {
        let refs = site.allRefs, languages = site.settings.languages, me = self
        let computed = compute(refs) { ref in languages.map { me.makeCard(ref, $0) } }
        var copy = self
        for (li, lang) in languages.enumerated() {
            var byRef: [EntityRef: TemplateValue] = [:]
            byRef.reserveCapacity(refs.count)
            for (ref, cards) in zip(refs, computed) { if let c = cards[li] { byRef[ref] = c } }
            copy.cardCache[lang] = byRef
        }
        return copy
    }

    /// What the card partial is rendered with, once per entity and language: the card's own
    /// fields over the values every page shares (`lang`, `t`, `site`), not the page around it.
    public func cardContexts() -> [(ref: EntityRef, language: Language, context: TemplateValue)] {
        site.settings.languages.flatMap { lang in
            let shared = self.shared(lang).fields
            return site.allRefs.compactMap { ref -> (EntityRef, Language, TemplateValue)? in
                guard case .object(let fields)? = cardCache[lang]?[ref] else { return nil }
                return (ref, lang, .object(shared.merging(fields) { $1 }))
            }
        }
    }

    /// The same views with each card's HTML (`html` in the card) as `render` made it.
    public func withCardHTML(_ html: [(ref: EntityRef, language: Language, html: String)]) -> Views {
        var copy = self
        for (ref, lang, text) in html {
            guard case .object(var fields)? = copy.cardCache[lang]?[ref] else { continue }
            fields["html"] = Self.partialHTML(text)
            copy.cardCache[lang]![ref] = .object(fields)
        }
        return copy
    }

    /// A partial rendered ahead, for `{{{html}}}` on a line of its own: the partial's file ends
    /// with a newline and the line that inserts it puts its own.
    static func partialHTML(_ text: String) -> TemplateValue {
        .string(text.hasSuffix("\n") ? String(text.dropLast()) : text)
    }

    /// The values every template sees, whatever the page.
    func shared(_ lang: Language) -> TemplateObject { sharedValues[lang] ?? makeShared(lang) }

    func makeShared(_ lang: Language) -> TemplateObject {
        var o = TemplateObject()
        o["lang"] = lang.code
        o.set("t", strings[lang]!.tree)
        var siteObject = TemplateObject()
        siteObject["title"] = text(site.settings.title, lang)
        siteObject["home_url"] = routes.home(lang)
        siteObject["assets_url"] = routes.basePath + "assets/"
        o.set("site", siteObject.value)
        return o
    }

    func makeCard(_ ref: EntityRef, _ lang: Language) -> TemplateValue? {
        let s = strings[lang]!
        var o = TemplateObject()
        o["url"] = routes.entity(ref, lang)
        o["kind"] = ref.kind.rawValue
        o["kind_label"] = s("kind.\(ref.kind.rawValue)")
        var meta: [String] = []
        switch ref.kind {
        case .campaigns:
            guard let c = campaigns[ID(ref.id)] else { return nil }
            put(c.title, "title", lang, into: &o); put(c.summary, "summary", lang, into: &o)
            meta = [s("status.\(c.status.rawValue)"), "\(s.shortDate(c.period.from)) – \(s.shortDate(c.period.to))"]
        case .units:
            guard let u = units[ID(ref.id)] else { return nil }
            put(u.name, "title", lang, into: &o)
            meta = [s("unit_kind.\(u.kind.rawValue)")] + (u.district.flatMap { site.settings.district($0) }.map { [text($0.label, lang)] } ?? [])
        case .collectives:
            guard let c = collectives[ID(ref.id)] else { return nil }
            put(c.name, "title", lang, into: &o)
            profileCard(c.profile, lang, into: &o, meta: &meta)
        case .individuals:
            guard let i = individuals[ID(ref.id)] else { return nil }
            o["title"] = i.name
            put(i.position, "subtitle", lang, into: &o)
            profileCard(i.profile, lang, into: &o, meta: &meta)
        case .awards:
            guard let a = awards[ID(ref.id)] else { return nil }
            put(a.title, "title", lang, into: &o)
            meta = [a.decision, s.shortDate(a.date), s("award_form.\(a.form.rawValue)")]
        case .stories:
            guard let st = stories[ID(ref.id)] else { return nil }
            put(st.title, "title", lang, into: &o); put(st.summary, "summary", lang, into: &o)
            o.set("image", image(st.image, alt: st.imageAlt, lang))
            o["date"] = s.longDate(st.date); o["date_iso"] = st.date.iso
        case .pages:
            guard let p = pages[ID(ref.id)] else { return nil }
            put(p.title, "title", lang, into: &o); put(p.summary, "summary", lang, into: &o)
        }
        let shownMeta = meta.filter { !$0.isEmpty }
        if !shownMeta.isEmpty { o["meta"] = shownMeta.joined(separator: " · ") }
        return o.value
    }

    func profileCard(_ p: ExemplaryProfile, _ lang: Language, into o: inout TemplateObject, meta: inout [String]) {
        let s = strings[lang]!
        put(p.summary, "summary", lang, into: &o)
        o.set("image", image(p.photo, alt: p.photoAlt, lang))
        o["stage"] = p.stage.rawValue
        o["stage_label"] = s("stage.\(p.stage.rawValue)")
        meta = [site.settings.field(p.field).map { text($0.label, lang) } ?? "",
                p.district.flatMap { site.settings.district($0) }.map { text($0.label, lang) } ?? ""]
    }

    public func cards<K: Entity>(_ ids: [ID<K>], _ lang: Language) -> [TemplateValue] {
        ids.compactMap { card($0.ref, lang) }
    }

    public func count(of kind: EntityKind) -> Int {
        switch kind {
        case .campaigns: site.campaigns.count
        case .units: site.units.count
        case .collectives: site.collectives.count
        case .individuals: site.individuals.count
        case .awards: site.awards.count
        case .stories: site.stories.count
        case .pages: site.pages.count
        }
    }

    // MARK: Sorting, as Vietnamese lists do

    /// The ids that exist, in the order of `rank`.
    func sorted<K>(_ ids: [ID<K>], by rank: [ID<K>: Int]) -> [ID<K>] {
        ids.compactMap { id in rank[id].map { (id, $0) } }.sorted { $0.1 < $1.1 }.map(\.0)
    }
    public func sortedIndividuals(_ ids: [ID<Individual>]) -> [ID<Individual>] { sorted(ids, by: individualRank) }
    public func sortedCollectives(_ ids: [ID<Collective>]) -> [ID<Collective>] { sorted(ids, by: collectiveRank) }
    public func sortedUnits(_ ids: [ID<Unit>]) -> [ID<Unit>] { sorted(ids, by: unitRank) }
    public func sortedCampaigns(_ ids: [ID<Campaign>]) -> [ID<Campaign>] {
        ids.compactMap { campaigns[$0] }.sorted { ($1.period.from, $0.id) < ($0.period.from, $1.id) }.map(\.id)
    }
    public func sortedAwards(_ ids: [ID<AwardDecision>]) -> [ID<AwardDecision>] {
        ids.compactMap { awards[$0] }.sorted { ($1.date, $0.id) < ($0.date, $1.id) }.map(\.id)
    }
    public func sortedStories(_ ids: [ID<Story>]) -> [ID<Story>] {
        ids.compactMap { stories[$0] }.sorted { ($1.date, $0.id) < ($0.date, $1.id) }.map(\.id)
    }

    /// Every entity of a kind, in its list order.
    public func listOrder(_ kind: EntityKind) -> [EntityRef] {
        switch kind {
        case .campaigns: return sortedCampaigns(site.campaigns.map(\.id)).map(\.ref)
        case .units: return sortedUnits(site.units.map(\.id)).map(\.ref)
        case .collectives: return sortedCollectives(site.collectives.map(\.id)).map(\.ref)
        case .individuals: return sortedIndividuals(site.individuals.map(\.id)).map(\.ref)
        case .awards: return sortedAwards(site.awards.map(\.id)).map(\.ref)
        case .stories: return sortedStories(site.stories.map(\.id)).map(\.ref)
        case .pages: return site.pages.map(\.id.ref)
        }
    }

    // MARK: Entity pages

    /// The fields of an entity's own page (`entity` in its template), and its title.
    public func entity(_ ref: EntityRef, _ lang: Language) -> (value: TemplateValue, title: String, summary: String?)? {
        let s = strings[lang]!
        var o = TemplateObject()
        var title = "", summary: LocalizedText? = nil
        switch ref.kind {
        case .campaigns:
            guard let c = campaigns[ID(ref.id)] else { return nil }
            put(c.title, "title", lang, into: &o); put(c.theme, "theme", lang, into: &o); put(c.summary, "summary", lang, into: &o)
            title = text(c.title, lang); summary = c.summary
            o.set("organizer", units[c.organizer].map { link($0.id.ref, $0.name, lang) })
            o.set("parent", c.parent.flatMap { campaigns[$0] }.map { link($0.id.ref, $0.title, lang) })
            o["period"] = "\(s.longDate(c.period.from)) – \(s.longDate(c.period.to))"
            o["period_from_iso"] = c.period.from.iso; o["period_to_iso"] = c.period.to.iso
            o["status"] = c.status.rawValue; o["status_label"] = s("status.\(c.status.rawValue)")
            o.set("basis", list: c.basis.map { b in
                var d = TemplateObject()
                d["number"] = b.number
                d["date"] = b.date.map(s.longDate); d["date_iso"] = b.date?.iso
                put(b.issuer, "issuer", lang, into: &d); put(b.title, "title", lang, into: &d)
                return d.value
            })
            o.set("sub_campaigns", list: cards(sortedCampaigns(relations.subCampaigns[c.id] ?? []), lang))
            o.set("collectives", list: cards(sortedCollectives(relations.collectivesInCampaign[c.id] ?? []), lang))
            o.set("individuals", list: cards(sortedIndividuals(relations.individualsInCampaign[c.id] ?? []), lang))
            o.set("awards", list: cards(relations.awardsInCampaign[c.id] ?? [], lang))
        case .units:
            guard let u = units[ID(ref.id)] else { return nil }
            put(u.name, "title", lang, into: &o); put(u.shortName, "short_name", lang, into: &o)
            title = text(u.name, lang)
            o["kind_label"] = s("unit_kind.\(u.kind.rawValue)")
            o.set("parent", u.parent.flatMap { units[$0] }.map { link($0.id.ref, $0.name, lang) })
            o["district"] = u.district.flatMap { site.settings.district($0) }.map { text($0.label, lang) }
            o.set("sub_units", list: cards(sortedUnits(relations.subUnits[u.id] ?? []), lang))
            o.set("collectives", list: cards(sortedCollectives(relations.collectivesOfUnit[u.id] ?? []), lang))
            o.set("individuals", list: cards(sortedIndividuals(relations.individualsOfUnit[u.id] ?? []), lang))
            o.set("campaigns", list: cards(sortedCampaigns(relations.campaignsOrganisedBy[u.id] ?? []), lang))
        case .collectives:
            guard let c = collectives[ID(ref.id)] else { return nil }
            put(c.name, "title", lang, into: &o)
            title = text(c.name, lang); summary = c.profile.summary
            o["members"] = c.members.map { s.grouped($0) }
            profile(c.profile, lang, into: &o)
            o.set("awards", list: awardLinks(relations.awardsOfCollective[c.id] ?? [], lang))
        case .individuals:
            guard let i = individuals[ID(ref.id)] else { return nil }
            o["title"] = i.name; title = i.name; summary = i.profile.summary
            put(i.position, "position", lang, into: &o)
            if let direct = i.directWorker, direct { o["direct_worker"] = s("individual.direct_worker") }
            profile(i.profile, lang, into: &o)
            o.set("awards", list: awardLinks(relations.awardsOfIndividual[i.id] ?? [], lang))
        case .awards:
            guard let a = awards[ID(ref.id)] else { return nil }
            put(a.title, "title", lang, into: &o); put(a.issuer, "issuer", lang, into: &o)
            title = text(a.title, lang)
            o["decision"] = a.decision; o["date"] = s.longDate(a.date); o["date_iso"] = a.date.iso
            o["level_label"] = s("award_level.\(a.level.rawValue)"); o["form_label"] = s("award_form.\(a.form.rawValue)")
            o.set("campaign", a.campaign.flatMap { campaigns[$0] }.map { link($0.id.ref, $0.title, lang) })
            o.set("individuals", list: cards(sortedIndividuals(a.individuals), lang))
            o.set("collectives", list: cards(sortedCollectives(a.collectives), lang))
        case .stories:
            guard let st = stories[ID(ref.id)] else { return nil }
            put(st.title, "title", lang, into: &o); put(st.summary, "summary", lang, into: &o)
            title = text(st.title, lang); summary = st.summary
            o["date"] = s.longDate(st.date); o["date_iso"] = st.date.iso
            o.set("image", image(st.image, alt: st.imageAlt, lang))
            o.set("about", list: st.about.compactMap { card($0, lang) })
        case .pages:
            guard let p = pages[ID(ref.id)] else { return nil }
            put(p.title, "title", lang, into: &o); put(p.summary, "summary", lang, into: &o)
            title = text(p.title, lang); summary = p.summary
        }
        if ref.kind != .stories {
            o.set("stories", list: cards(relations.storiesAbout[ref] ?? [], lang))
        }
        if let body = bodies[ref]?[lang] {
            o["body_html"] = body.html
            if body.language != lang { o["body_lang"] = body.language.code }
        }
        let plainSummary = summary.map { text($0, lang) }.flatMap { $0.isEmpty ? nil : $0 }
        return (o.value, title, plainSummary)
    }

    func profile(_ p: ExemplaryProfile, _ lang: Language, into o: inout TemplateObject) {
        let s = strings[lang]!
        put(p.summary, "summary", lang, into: &o)
        o.set("photo", image(p.photo, alt: p.photoAlt, lang))
        o.set("unit", units[p.unit].map { link($0.id.ref, $0.name, lang) })
        o["field"] = site.settings.field(p.field).map { text($0.label, lang) }
        o["district"] = p.district.flatMap { site.settings.district($0) }.map { text($0.label, lang) }
        o.set("campaigns", list: sortedCampaigns(p.campaigns).compactMap { campaigns[$0] }.map { link($0.id.ref, $0.title, lang) })
        o["stage"] = p.stage.rawValue
        o["stage_label"] = s("stage.\(p.stage.rawValue)")
        o["stage_description"] = s("stage_description.\(p.stage.rawValue)")
        o.set("stage_steps", list: Stage.allCases.map { step in
            var d = TemplateObject()
            d["label"] = s("stage.\(step.rawValue)")
            d.set("done", step <= p.stage)
            d.set("current", step == p.stage)
            return d.value
        })
        o["recognised"] = s.longDate(p.recognised); o["recognised_iso"] = p.recognised.iso
        if let r = p.achievements.resolve(lang, fallback: defaultLanguage), !r.value.isEmpty {
            o.set("achievements", list: r.value.map(TemplateValue.string))
            if r.isFallback { o["achievements_lang"] = r.language.code }
        }
        o.set("initiatives", list: p.initiatives.map { i in
            var d = TemplateObject()
            put(i.title, "title", lang, into: &d)
            d["year"] = i.year.map(String.init)
            d["benefit"] = i.benefitVND.map(s.vnd)
            return d.value
        })
    }

    func awardLinks(_ ids: [ID<AwardDecision>], _ lang: Language) -> [TemplateValue] {
        let s = strings[lang]!
        return ids.compactMap { awards[$0] }.map { a in
            var d = TemplateObject()
            d["url"] = routes.entity(a.id.ref, lang)
            put(a.title, "title", lang, into: &d)
            d["decision"] = a.decision; d["date"] = s.longDate(a.date); d["date_iso"] = a.date.iso
            d["form_label"] = s("award_form.\(a.form.rawValue)")
            return d.value
        }
    }

    /// Whether `ref` has a file of its own in `lang`; a page built without one says so.
    public func isTranslated(_ ref: EntityRef, _ lang: Language) -> Bool {
        guard lang != defaultLanguage else { return true }
        let entry: Entry? = switch ref.kind {
        case .campaigns: campaigns[ID(ref.id)]?.entry
        case .units: units[ID(ref.id)]?.entry
        case .collectives: collectives[ID(ref.id)]?.entry
        case .individuals: individuals[ID(ref.id)]?.entry
        case .awards: awards[ID(ref.id)]?.entry
        case .stories: stories[ID(ref.id)]?.entry
        case .pages: pages[ID(ref.id)]?.entry
        }
        return entry?.translations.contains(lang) ?? false
    }

    public func isSample(_ ref: EntityRef) -> Bool {
        switch ref.kind {
        case .campaigns: campaigns[ID(ref.id)]?.entry.isSample ?? false
        case .units: units[ID(ref.id)]?.entry.isSample ?? false
        case .collectives: collectives[ID(ref.id)]?.entry.isSample ?? false
        case .individuals: individuals[ID(ref.id)]?.entry.isSample ?? false
        case .awards: awards[ID(ref.id)]?.entry.isSample ?? false
        case .stories: stories[ID(ref.id)]?.entry.isSample ?? false
        case .pages: pages[ID(ref.id)]?.entry.isSample ?? false
        }
    }

    // MARK: Home

    public func home(_ lang: Language) -> TemplateValue {
        var o = TemplateObject()
        let featuredCollectives = site.collectives.filter(\.profile.featured).map(\.id)
        let featuredPeople = site.individuals.filter(\.profile.featured).map(\.id)
        o.set("featured", list: cards(sortedCollectives(featuredCollectives), lang) + cards(sortedIndividuals(featuredPeople), lang))
        o.set("active_campaigns", list: cards(sortedCampaigns(site.campaigns.filter { $0.status == .active }.map(\.id)), lang))
        o.set("latest_stories", list: cards(Array(sortedStories(site.stories.map(\.id)).prefix(6)), lang))
        o.set("latest_awards", list: cards(Array(sortedAwards(site.awards.map(\.id)).prefix(5)), lang))
        let s = strings[lang]!
        o.set("stats", list: [
            (site.campaigns.count, "campaigns"), (site.collectives.count, "collectives"),
            (site.individuals.count, "individuals"), (site.awards.count, "awards"),
        ].map { count, kind in
            var d = TemplateObject()
            d["count"] = s.grouped(count); d["label"] = s("sections.\(kind).title")
            d["url"] = routes.section(EntityKind(rawValue: kind)!, lang)
            return d.value
        })
        return o.value
    }
}
