/// Site-wide settings and shared vocabularies (`content/site.yml`).
public struct SiteSettings: Hashable, Sendable {
    public var title: LocalizedText
    /// Absolute, ending in `/` (`https://example.org/`).
    public var baseURL: String
    /// The first is the default language: it lives at the root, and its files are canonical.
    public var languages: [Language]
    public var publisher: ID<Unit>?
    public var fields: [Term<FieldVocabulary>]
    public var districts: [Term<DistrictVocabulary>]
    /// The forms of commendation the site adds to the four built in (`award_forms`, version 2), in file order.
    public var awardForms: [AwardFormTerm]
    /// Days that are not working days besides weekends (`holidays`, version 2).
    public var holidays: [LocalDate]
    /// Where the public sends comments (`contact`, version 2).
    public var contact: Contact?
    /// The licence the open data is published under (`license`, a ThiDua extension); nil: none stated.
    public var license: LocalizedText?
    public init(title: LocalizedText, baseURL: String, languages: [Language], publisher: ID<Unit>? = nil,
                fields: [Term<FieldVocabulary>] = [], districts: [Term<DistrictVocabulary>] = [],
                awardForms: [AwardFormTerm] = [], holidays: [LocalDate] = [], contact: Contact? = nil,
                license: LocalizedText? = nil) {
        self.title = title; self.baseURL = baseURL; self.languages = languages; self.publisher = publisher
        self.fields = fields; self.districts = districts
        self.awardForms = awardForms; self.holidays = holidays; self.contact = contact; self.license = license
    }
    public var defaultLanguage: Language { languages.first ?? .vi }
    public func field(_ id: FieldID) -> Term<FieldVocabulary>? { fields.first { $0.id == id } }
    public func district(_ id: DistrictID) -> Term<DistrictVocabulary>? { districts.first { $0.id == id } }

    /// Every form an award may have: the four built in, then the site's own (a site's entry for a
    /// built-in id relabels it rather than adding it twice).
    public var allAwardForms: [AwardForm] {
        AwardForm.builtIn + awardForms.map(\.id).filter { !$0.isBuiltIn }
    }
    /// The site's entry for a form, if it has one (a built-in form has none unless relabelled).
    public func awardForm(_ id: AwardForm) -> AwardFormTerm? { awardForms.first { $0.id == id } }
    /// The calendar the comment windows are counted in.
    public var calendar: WorkingCalendar { WorkingCalendar(holidays: holidays) }
}

/// Everything a site says, as plain values, each kind sorted by id so that
/// nothing downstream depends on the order files were found in.
public struct Site: Sendable {
    public var settings: SiteSettings
    public var campaigns: [Campaign] { didSet { reindex() } }
    public var units: [Unit] { didSet { reindex() } }
    public var collectives: [Collective] { didSet { reindex() } }
    public var individuals: [Individual] { didSet { reindex() } }
    public var awards: [AwardDecision] { didSet { reindex() } }
    public var stories: [Story] { didSet { reindex() } }
    public var pages: [Page] { didSet { reindex() } }
    public var nominations: [Nomination] { didSet { reindex() } }
    /// The day the site is built for (`--date`, `SOURCE_DATE_EPOCH`, else today): what decides
    /// whether a nomination is open. Not content: the builder sets it; the loader leaves the default.
    public var buildDate: LocalDate
    /// What `buildDate` is when nobody set it: a fixed day, so a site made without one is still the same every time.
    public static let unsetBuildDate = LocalDate(year: 1970, month: 1, day: 1)!
    /// Every file under `content/media/`, by path; in the published site, only those its content shows.
    public var media: [MediaPath: MediaInfo]

    /// Every entity, kind erased, kind after kind in `EntityKind` order, each kind by id.
    /// Made again whenever a kind's list changes, so it never disagrees with the lists.
    public private(set) var entities: [AnyEntity] = []
    private var positions: [EntityRef: Int] = [:]
    private var kindRanges: [EntityKind: Range<Int>] = [:]

    public init(settings: SiteSettings, campaigns: [Campaign] = [], units: [Unit] = [], collectives: [Collective] = [],
                individuals: [Individual] = [], awards: [AwardDecision] = [], stories: [Story] = [], pages: [Page] = [],
                nominations: [Nomination] = [], media: [MediaPath: MediaInfo] = [:], buildDate: LocalDate = Site.unsetBuildDate) {
        self.settings = settings
        self.media = media
        self.buildDate = buildDate
        self.campaigns = campaigns.sorted { $0.id < $1.id }
        self.units = units.sorted { $0.id < $1.id }
        self.collectives = collectives.sorted { $0.id < $1.id }
        self.individuals = individuals.sorted { $0.id < $1.id }
        self.awards = awards.sorted { $0.id < $1.id }
        self.stories = stories.sorted { $0.id < $1.id }
        self.pages = pages.sorted { $0.id < $1.id }
        self.nominations = nominations.sorted { $0.id < $1.id }
        reindex()
    }

    /// The one place that lists the kinds' lists: everything else reads `entities`.
    private mutating func reindex() {
        let kinds: [(EntityKind, [AnyEntity])] = [
            (.campaigns, campaigns.map(AnyEntity.init)), (.units, units.map(AnyEntity.init)),
            (.collectives, collectives.map(AnyEntity.init)), (.individuals, individuals.map(AnyEntity.init)),
            (.awards, awards.map(AnyEntity.init)), (.stories, stories.map(AnyEntity.init)), (.pages, pages.map(AnyEntity.init)),
            (.nominations, nominations.map(AnyEntity.init)),
        ]
        entities = kinds.flatMap(\.1)
        kindRanges = [:]
        var start = 0
        for (kind, list) in kinds { kindRanges[kind] = start..<(start + list.count); start += list.count }
        positions = Dictionary(uniqueKeysWithValues: entities.enumerated().map { ($1.ref, $0) })
    }

    /// Every entity's reference, in a stable order.
    public var allRefs: [EntityRef] { entities.map(\.ref) }

    /// The entity `ref` names, if the site has it.
    public func entity(_ ref: EntityRef) -> AnyEntity? { positions[ref].map { entities[$0] } }

    /// The entity an id names, as its own type.
    public subscript<E: Entity>(_ id: ID<E>) -> E? { entity(id.ref)?.base as? E }

    /// Every entity of one kind, by id.
    public func entities(of kind: EntityKind) -> ArraySlice<AnyEntity> { entities[kindRanges[kind] ?? 0..<0] }

    /// Every entity of one kind, as its own type, by id.
    public func all<E: Entity>(_ type: E.Type) -> [E] { entities(of: E.kind).compactMap { $0.base as? E } }

    /// The site as the public may see it: no drafts (unless asked for), no person who
    /// has not consented, and no reference left pointing at anything removed.
    ///
    /// Nominations follow their nominee (section 9): one for someone left out is left out too, and so
    /// is one whose comment window has not opened on `buildDate`.
    public func published(includeDrafts: Bool) -> Site {
        func keep(_ e: Entry) -> Bool { includeDrafts || !e.isDraft }
        let kept = Site(settings: settings, campaigns: campaigns.filter { keep($0.entry) }, units: units.filter { keep($0.entry) },
                        collectives: collectives.filter { keep($0.entry) },
                        individuals: individuals.filter { keep($0.entry) && $0.consent },
                        awards: awards.filter { keep($0.entry) }, stories: stories.filter { keep($0.entry) },
                        pages: pages.filter { keep($0.entry) })
        let nominations = self.nominations.filter {
            keep($0.entry) && kept.entity($0.nominee) != nil && $0.status(on: buildDate) != .upcoming
        }
        // The references are mended in lists of their own and indexed once, in the site returned:
        // each change to one of a site's lists indexes it again.
        var campaigns = kept.campaigns, units = kept.units, collectives = kept.collectives
        var individuals = kept.individuals, awards = kept.awards, stories = kept.stories
        func gone<E: Entity>(_ id: ID<E>) -> Bool { kept.entity(id.ref) == nil }
        for i in campaigns.indices where campaigns[i].parent.map(gone) ?? false {
            campaigns[i].parent = nil
        }
        for i in units.indices where units[i].parent.map(gone) ?? false {
            units[i].parent = nil
        }
        for i in collectives.indices { collectives[i].profile.campaigns.removeAll(where: gone) }
        for i in individuals.indices { individuals[i].profile.campaigns.removeAll(where: gone) }
        for i in awards.indices {
            awards[i].individuals.removeAll(where: gone)
            awards[i].collectives.removeAll(where: gone)
            if let c = awards[i].campaign, gone(c) { awards[i].campaign = nil }
        }
        for i in stories.indices { stories[i].about.removeAll { kept.entity($0) == nil } }
        var shownNominations = nominations
        for i in shownNominations.indices where shownNominations[i].decision.map(gone) ?? false {
            shownNominations[i].decision = nil
        }

        // Only the media published content shows: a photo used only by someone left out (no consent,
        // or a draft) is left out with them, and a file nothing uses is not published at all.
        let shown = Set(kept.entities.flatMap(\.media))
        let media = self.media.filter { shown.contains($0.key) }
        return Site(settings: settings, campaigns: campaigns, units: units, collectives: collectives, individuals: individuals,
                    awards: awards, stories: stories, pages: kept.pages, nominations: shownNominations, media: media,
                    buildDate: buildDate)
    }
}
