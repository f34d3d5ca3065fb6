/// What every entity has besides its own fields: its Markdown body per language,
/// the languages it has a file in, and whether it is a draft or sample data.
public struct Entry: Hashable, Sendable {
    /// Markdown, per language, as written (front matter removed, NFC).
    public var body: LocalizedText
    /// Languages with a file of their own; any other language shows the default's text.
    public var translations: Set<Language>
    /// Left out of the site unless drafts are asked for.
    public var isDraft: Bool
    /// Invented for demonstration; pages say so.
    public var isSample: Bool
    public init(body: LocalizedText = .init(), translations: Set<Language> = [], isDraft: Bool = false, isSample: Bool = false) {
        self.body = body; self.translations = translations; self.isDraft = isDraft; self.isSample = isSample
    }
}

/// A directive, plan or resolution a campaign implements (`09/CT-UBND`, 2021-08-11).
public struct BasisDocument: Hashable, Sendable {
    public var number: String
    public var date: LocalDate?
    public var issuer: LocalizedText
    public var title: LocalizedText
    public init(number: String, date: LocalDate?, issuer: LocalizedText, title: LocalizedText) {
        self.number = number; self.date = date; self.issuer = issuer; self.title = title
    }
}

/// An initiative or technical improvement (sáng kiến, cải tiến kỹ thuật).
public struct Initiative: Hashable, Sendable {
    public var title: LocalizedText
    public var year: Int?
    /// Value gained (giá trị làm lợi), in đồng.
    public var benefitVND: Int?
    public init(title: LocalizedText, year: Int?, benefitVND: Int?) {
        self.title = title; self.year = year; self.benefitVND = benefitVND
    }
}

/// An emulation campaign or movement (phong trào thi đua).
public struct Campaign: Entity, Hashable {
    public static let kind = EntityKind.campaigns
    public var id: ID<Campaign>
    public var title: LocalizedText
    /// The slogan (chủ đề).
    public var theme: LocalizedText
    public var summary: LocalizedText
    public var organizer: ID<Unit>
    public var parent: ID<Campaign>?
    public var period: Period
    public var status: CampaignStatus
    public var basis: [BasisDocument]
    public var entry: Entry
    public init(id: ID<Campaign>, title: LocalizedText, theme: LocalizedText = .init(), summary: LocalizedText = .init(),
                organizer: ID<Unit>, parent: ID<Campaign>? = nil, period: Period, status: CampaignStatus,
                basis: [BasisDocument] = [], entry: Entry = .init()) {
        self.id = id; self.title = title; self.theme = theme; self.summary = summary; self.organizer = organizer
        self.parent = parent; self.period = period; self.status = status; self.basis = basis; self.entry = entry
    }
}

/// A union organisation: the provincial federation, a district federation, a sector or grassroots union.
public struct Unit: Entity, Hashable {
    public static let kind = EntityKind.units
    public var id: ID<Unit>
    public var name: LocalizedText
    public var shortName: LocalizedText
    public var kind: UnitKind
    public var parent: ID<Unit>?
    public var district: DistrictID?
    public var entry: Entry
    public init(id: ID<Unit>, name: LocalizedText, shortName: LocalizedText = .init(), kind: UnitKind,
                parent: ID<Unit>? = nil, district: DistrictID? = nil, entry: Entry = .init()) {
        self.id = id; self.name = name; self.shortName = shortName; self.kind = kind
        self.parent = parent; self.district = district; self.entry = entry
    }
}

/// What collectives and individuals held up as examples have in common.
public struct ExemplaryProfile: Hashable, Sendable {
    public var unit: ID<Unit>
    public var field: FieldID
    public var district: DistrictID?
    public var campaigns: [ID<Campaign>]
    public var stage: Stage
    public var recognised: LocalDate
    public var featured: Bool
    public var achievements: Localized<[String]>
    public var initiatives: [Initiative]
    public var photo: MediaPath?
    public var photoAlt: LocalizedText
    public var summary: LocalizedText
    public init(unit: ID<Unit>, field: FieldID, district: DistrictID? = nil, campaigns: [ID<Campaign>], stage: Stage,
                recognised: LocalDate, featured: Bool = false, achievements: Localized<[String]> = .init(),
                initiatives: [Initiative] = [], photo: MediaPath? = nil, photoAlt: LocalizedText = .init(),
                summary: LocalizedText = .init()) {
        self.unit = unit; self.field = field; self.district = district; self.campaigns = campaigns; self.stage = stage
        self.recognised = recognised; self.featured = featured; self.achievements = achievements
        self.initiatives = initiatives; self.photo = photo; self.photoAlt = photoAlt; self.summary = summary
    }
}

/// An exemplary collective (tập thể điển hình tiên tiến).
public struct Collective: Entity, Hashable {
    public static let kind = EntityKind.collectives
    public var id: ID<Collective>
    public var name: LocalizedText
    public var members: Int?
    public var profile: ExemplaryProfile
    public var entry: Entry
    public init(id: ID<Collective>, name: LocalizedText, members: Int? = nil, profile: ExemplaryProfile, entry: Entry = .init()) {
        self.id = id; self.name = name; self.members = members; self.profile = profile; self.entry = entry
    }
}

/// An exemplary individual (cá nhân điển hình tiên tiến). Holds nothing from `private`:
/// the loader never reads it into the model, so no renderer can leak it.
public struct Individual: Entity, Hashable {
    public static let kind = EntityKind.individuals
    public var id: ID<Individual>
    /// Family–middle–given, the same in every language (Lò Thị Mai).
    public var name: String
    /// The part lists sort by (Mai; Trường Sơn).
    public var givenName: String
    public var position: LocalizedText
    public var directWorker: Bool?
    public var gender: Gender?
    /// The person agreed in writing to be published; without it they appear nowhere.
    public var consent: Bool
    public var profile: ExemplaryProfile
    public var entry: Entry
    public init(id: ID<Individual>, name: String, givenName: String? = nil, position: LocalizedText,
                directWorker: Bool? = nil, gender: Gender? = nil, consent: Bool, profile: ExemplaryProfile, entry: Entry = .init()) {
        self.id = id; self.name = name
        self.givenName = givenName ?? String(name.split(separator: " ").last ?? Substring(name))
        self.position = position; self.directWorker = directWorker; self.gender = gender
        self.consent = consent; self.profile = profile; self.entry = entry
    }
}

/// A commendation decision (quyết định khen thưởng), one per file.
public struct AwardDecision: Entity, Hashable {
    public static let kind = EntityKind.awards
    public var id: ID<AwardDecision>
    public var title: LocalizedText
    /// Its number, e.g. `125/QĐ-LĐLĐ`.
    public var decision: String
    public var date: LocalDate
    public var issuer: LocalizedText
    public var level: AwardLevel
    public var form: AwardForm
    public var campaign: ID<Campaign>?
    public var individuals: [ID<Individual>]
    public var collectives: [ID<Collective>]
    /// The signed decision, a PDF under `content/media/` (an extension of the content model).
    public var attachment: MediaPath?
    public var entry: Entry
    public init(id: ID<AwardDecision>, title: LocalizedText, decision: String, date: LocalDate, issuer: LocalizedText,
                level: AwardLevel, form: AwardForm, campaign: ID<Campaign>? = nil, individuals: [ID<Individual>] = [],
                collectives: [ID<Collective>] = [], attachment: MediaPath? = nil, entry: Entry = .init()) {
        self.id = id; self.title = title; self.decision = decision; self.date = date; self.issuer = issuer
        self.level = level; self.form = form; self.campaign = campaign; self.individuals = individuals
        self.collectives = collectives; self.attachment = attachment; self.entry = entry
    }
}

/// A news or feature story (tin bài tuyên truyền).
public struct Story: Entity, Hashable {
    public static let kind = EntityKind.stories
    public var id: ID<Story>
    public var title: LocalizedText
    public var date: LocalDate
    public var summary: LocalizedText
    public var about: [EntityRef]
    public var image: MediaPath?
    public var imageAlt: LocalizedText
    public var entry: Entry
    public init(id: ID<Story>, title: LocalizedText, date: LocalDate, summary: LocalizedText = .init(),
                about: [EntityRef] = [], image: MediaPath? = nil, imageAlt: LocalizedText = .init(), entry: Entry = .init()) {
        self.id = id; self.title = title; self.date = date; self.summary = summary; self.about = about
        self.image = image; self.imageAlt = imageAlt; self.entry = entry
    }
}

/// A free-standing page (giới thiệu, liên hệ).
public struct Page: Entity, Hashable {
    public static let kind = EntityKind.pages
    public var id: ID<Page>
    public var title: LocalizedText
    /// Position in the main menu; not in the menu when nil.
    public var menu: Int?
    public var summary: LocalizedText
    public var entry: Entry
    public init(id: ID<Page>, title: LocalizedText, menu: Int? = nil, summary: LocalizedText = .init(), entry: Entry = .init()) {
        self.id = id; self.title = title; self.menu = menu; self.summary = summary; self.entry = entry
    }
}

extension Collective { public var media: [MediaPath] { profile.photo.map { [$0] } ?? [] } }
extension Individual { public var media: [MediaPath] { profile.photo.map { [$0] } ?? [] } }
extension Story { public var media: [MediaPath] { image.map { [$0] } ?? [] } }
extension AwardDecision { public var media: [MediaPath] { attachment.map { [$0] } ?? [] } }

/// The proposing unit's submission (tờ trình) behind a nomination.
public struct Submission: Hashable, Sendable {
    public var number: String
    public var date: LocalDate?
    public init(number: String, date: LocalDate? = nil) { self.number = number; self.date = date }
}

/// What a nomination's file says became of it (`status`); absent, its comment window's dates decide.
public enum NominationOutcome: String, CaseIterable, Hashable, Sendable {
    case withdrawn, decided
}

/// Where a nomination stands on a given day (CONTENT-MODEL section 9).
public enum NominationStatus: String, CaseIterable, Hashable, Comparable, Sendable {
    /// Its window has not opened: not shown yet.
    case upcoming
    /// Open for public comment: `comment_from ≤ day ≤ comment_until`.
    case open
    /// The window has closed, no decision yet.
    case closed
    /// Decided: its `decision` names the award.
    case decided
    /// Withdrawn by its proposer.
    case withdrawn

    /// The order the public-comment page lists them in: open first, then awaiting decision, then the rest.
    public static func < (a: NominationStatus, b: NominationStatus) -> Bool {
        let order: [NominationStatus] = [.open, .closed, .decided, .withdrawn, .upcoming]
        return order.firstIndex(of: a)! < order.firstIndex(of: b)!
    }
}

/// A nomination for commendation (đề nghị khen thưởng) published for public comment (lấy ý kiến
/// nhân dân) before the award is decided, one per file in `nominations/`.
public struct Nomination: Entity, Hashable {
    public static let kind = EntityKind.nominations
    public var id: ID<Nomination>
    public var title: LocalizedText
    /// The individual or collective proposed (`individuals/<id>` or `collectives/<id>`).
    public var nominee: EntityRef
    public var form: AwardForm
    public var level: AwardLevel
    /// The proposing unit.
    public var proposer: ID<Unit>
    public var submission: Submission?
    /// The achievements put forward.
    public var reason: LocalizedText
    /// The public-comment window, both days included (`comment_from`, `comment_until`).
    public var comment: Period
    /// Where to send comments, when not the site's `contact` (free text, per language).
    public var contact: LocalizedText
    public var outcome: NominationOutcome?
    /// The award that decided it (required when `outcome` is `.decided`).
    public var decision: ID<AwardDecision>?
    public var entry: Entry
    public init(id: ID<Nomination>, title: LocalizedText, nominee: EntityRef, form: AwardForm, level: AwardLevel,
                proposer: ID<Unit>, submission: Submission? = nil, reason: LocalizedText = .init(), comment: Period,
                contact: LocalizedText = .init(), outcome: NominationOutcome? = nil, decision: ID<AwardDecision>? = nil,
                entry: Entry = .init()) {
        self.id = id; self.title = title; self.nominee = nominee; self.form = form; self.level = level
        self.proposer = proposer; self.submission = submission; self.reason = reason; self.comment = comment
        self.contact = contact; self.outcome = outcome; self.decision = decision; self.entry = entry
    }

    /// Where it stands on `date`: its outcome if it has one, else what its window says.
    public func status(on date: LocalDate) -> NominationStatus {
        switch outcome {
        case .withdrawn?: return .withdrawn
        case .decided?: return .decided
        case nil:
            if date < comment.from { return .upcoming }
            return date <= comment.to ? .open : .closed
        }
    }
}
