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
    public init(title: LocalizedText, baseURL: String, languages: [Language], publisher: ID<Unit>? = nil,
                fields: [Term<FieldVocabulary>] = [], districts: [Term<DistrictVocabulary>] = []) {
        self.title = title; self.baseURL = baseURL; self.languages = languages; self.publisher = publisher
        self.fields = fields; self.districts = districts
    }
    public var defaultLanguage: Language { languages.first ?? .vi }
    public func field(_ id: FieldID) -> Term<FieldVocabulary>? { fields.first { $0.id == id } }
    public func district(_ id: DistrictID) -> Term<DistrictVocabulary>? { districts.first { $0.id == id } }
}

/// Everything a site says, as plain values, each kind sorted by id so that
/// nothing downstream depends on the order files were found in.
public struct Site: Sendable {
    public var settings: SiteSettings
    public var campaigns: [Campaign]
    public var units: [Unit]
    public var collectives: [Collective]
    public var individuals: [Individual]
    public var awards: [AwardDecision]
    public var stories: [Story]
    public var pages: [Page]
    /// Every file under `content/media/`, by path.
    public var media: [MediaPath: MediaInfo]

    public init(settings: SiteSettings, campaigns: [Campaign] = [], units: [Unit] = [], collectives: [Collective] = [],
                individuals: [Individual] = [], awards: [AwardDecision] = [], stories: [Story] = [], pages: [Page] = [],
                media: [MediaPath: MediaInfo] = [:]) {
        self.settings = settings
        self.media = media
        self.campaigns = campaigns.sorted { $0.id < $1.id }
        self.units = units.sorted { $0.id < $1.id }
        self.collectives = collectives.sorted { $0.id < $1.id }
        self.individuals = individuals.sorted { $0.id < $1.id }
        self.awards = awards.sorted { $0.id < $1.id }
        self.stories = stories.sorted { $0.id < $1.id }
        self.pages = pages.sorted { $0.id < $1.id }
    }

    /// Every entity's reference, in a stable order.
    public var allRefs: [EntityRef] {
        campaigns.map(\.id.ref) + units.map(\.id.ref) + collectives.map(\.id.ref) + individuals.map(\.id.ref)
            + awards.map(\.id.ref) + stories.map(\.id.ref) + pages.map(\.id.ref)
    }

    /// The site as the public may see it: no drafts (unless asked for), no person who
    /// has not consented, and no reference left pointing at anything removed.
    public func published(includeDrafts: Bool) -> Site {
        func keep(_ e: Entry) -> Bool { includeDrafts || !e.isDraft }
        var site = self
        site.campaigns = campaigns.filter { keep($0.entry) }
        site.units = units.filter { keep($0.entry) }
        site.collectives = collectives.filter { keep($0.entry) }
        site.individuals = individuals.filter { keep($0.entry) && $0.consent }
        site.awards = awards.filter { keep($0.entry) }
        site.stories = stories.filter { keep($0.entry) }
        site.pages = pages.filter { keep($0.entry) }

        let refs = Set(site.allRefs)
        let people = Set(site.individuals.map(\.id)), groups = Set(site.collectives.map(\.id))
        let campaignIDs = Set(site.campaigns.map(\.id)), unitIDs = Set(site.units.map(\.id))
        for i in site.campaigns.indices where site.campaigns[i].parent.map({ !campaignIDs.contains($0) }) ?? false {
            site.campaigns[i].parent = nil
        }
        for i in site.units.indices where site.units[i].parent.map({ !unitIDs.contains($0) }) ?? false {
            site.units[i].parent = nil
        }
        for i in site.collectives.indices { site.collectives[i].profile.campaigns.removeAll { !campaignIDs.contains($0) } }
        for i in site.individuals.indices { site.individuals[i].profile.campaigns.removeAll { !campaignIDs.contains($0) } }
        for i in site.awards.indices {
            site.awards[i].individuals.removeAll { !people.contains($0) }
            site.awards[i].collectives.removeAll { !groups.contains($0) }
            if let c = site.awards[i].campaign, !campaignIDs.contains(c) { site.awards[i].campaign = nil }
        }
        for i in site.stories.indices { site.stories[i].about.removeAll { !refs.contains($0) } }

        // A photo used only by someone left out (no consent, or a draft) is left out with them.
        let removedPhotos = Set(individuals.compactMap(\.profile.photo) + collectives.compactMap(\.profile.photo)
            + stories.compactMap(\.image))
        let keptPhotos = Set(site.individuals.compactMap(\.profile.photo) + site.collectives.compactMap(\.profile.photo)
            + site.stories.compactMap(\.image))
        for path in removedPhotos.subtracting(keptPhotos) { site.media[path] = nil }
        return site
    }
}
