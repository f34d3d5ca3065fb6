import ThiDuaModel

/// What a reference points at: an entity of some kind, or a term of a shared vocabulary.
enum RefTarget: Hashable, Sendable {
    case entity(EntityKind)
    case field
    case district
    /// A form of commendation: the four built in and the site's `award_forms`.
    case awardForm
}

/// The type of a front-matter field, as CONTENT-MODEL section 3 gives it.
indirect enum FieldType: Sendable {
    case text                 // T: one piece of text per language
    case textList             // T: a list of text (achievements)
    case string               // the same in every language (a decision number, a person's name)
    case date
    case period
    case bool
    case count                // a whole number, 0 or more
    case integer
    case choice([String])
    case ref(RefTarget)
    case refs(RefTarget, atLeastOne: Bool)
    case entityRef([EntityKind])  // one `kind/id` of the kinds given (a nominee)
    case dates                // a list of dates (holidays)
    case about                // `kind/id` references
    case media
    case records(RecordSchema)
    case anything             // `private`: accepted, never read
    // site.yml only
    case localizedText        // {vi: …, en: …}
    case languages
    case vocabulary
    case url
}

struct FieldSpec: Sendable {
    let key: String
    let type: FieldType
    let required: Bool
    init(_ key: String, _ type: FieldType, required: Bool = false) {
        self.key = key; self.type = type; self.required = required
    }
    /// A translation file carries the text fields; anything else it restates must match.
    var isText: Bool {
        switch type {
        case .text, .textList: return true
        default: return false
        }
    }
}

/// The fields of one record in a list (`basis`, `initiatives`).
struct RecordSchema: Sendable {
    let name: String
    let fields: [FieldSpec]
}

/// The fields each kind of file may have: one table, read by the decoder, the
/// translation rules and the unknown-key check alike.
struct Schema: Sendable {
    let fields: [FieldSpec]
    private let byKey: [String: Int]
    init(_ fields: [FieldSpec]) {
        self.fields = fields
        var byKey: [String: Int] = [:]
        for (i, f) in fields.enumerated() { byKey[f.key] = i }
        self.byKey = byKey
    }
    func spec(_ key: String) -> FieldSpec? { byKey[key].map { fields[$0] } }
    var keys: [String] { fields.map(\.key) }

    static let basis = RecordSchema(name: "basis", fields: [
        FieldSpec("number", .string, required: true), FieldSpec("date", .date),
        FieldSpec("issuer", .text), FieldSpec("title", .text),
    ])
    static let initiatives = RecordSchema(name: "initiatives", fields: [
        FieldSpec("title", .text, required: true), FieldSpec("year", .integer), FieldSpec("benefit_vnd", .count),
    ])

    /// Extensions every kind accepts: `draft`, `sample` (invented for demonstration) and `private`.
    private static let common: [FieldSpec] = [
        FieldSpec("draft", .bool), FieldSpec("sample", .bool), FieldSpec("private", .anything),
    ]
    private static func exemplary() -> [FieldSpec] {
        [
            FieldSpec("unit", .ref(.entity(.units)), required: true),
            FieldSpec("field", .ref(.field), required: true),
            FieldSpec("district", .ref(.district)),
            FieldSpec("campaigns", .refs(.entity(.campaigns), atLeastOne: true), required: true),
            FieldSpec("stage", .choice(Stage.allCases.map(\.rawValue)), required: true),
            FieldSpec("recognised", .date, required: true),
            FieldSpec("featured", .bool),
            FieldSpec("achievements", .textList),
            FieldSpec("initiatives", .records(initiatives)),
            FieldSpec("photo", .media),
            FieldSpec("photo_alt", .text),
            FieldSpec("summary", .text),
        ]
    }

    static func of(_ kind: EntityKind) -> Schema {
        switch kind {
        case .campaigns: return campaigns
        case .units: return units
        case .collectives: return collectives
        case .individuals: return individuals
        case .awards: return awards
        case .stories: return stories
        case .pages: return pages
        case .nominations: return nominations
        }
    }

    static let campaigns = Schema([
        FieldSpec("title", .text, required: true), FieldSpec("theme", .text), FieldSpec("summary", .text),
        FieldSpec("organizer", .ref(.entity(.units)), required: true),
        FieldSpec("parent", .ref(.entity(.campaigns))),
        FieldSpec("period", .period, required: true),
        FieldSpec("status", .choice(CampaignStatus.allCases.map(\.rawValue)), required: true),
        FieldSpec("basis", .records(basis)),
    ] + common)

    static let units = Schema([
        FieldSpec("name", .text, required: true), FieldSpec("short_name", .text),
        FieldSpec("kind", .choice(UnitKind.allCases.map(\.rawValue)), required: true),
        FieldSpec("parent", .ref(.entity(.units))),
        FieldSpec("district", .ref(.district)),
    ] + common)

    static let collectives = Schema([
        FieldSpec("name", .text, required: true), FieldSpec("members", .count),
    ] + exemplary() + common)

    static let individuals = Schema([
        FieldSpec("name", .string, required: true), FieldSpec("given_name", .string),
        FieldSpec("position", .text, required: true),
        FieldSpec("direct_worker", .bool),
        FieldSpec("gender", .choice(Gender.allCases.map(\.rawValue))),
        FieldSpec("consent", .bool),
    ] + exemplary() + common)

    static let awards = Schema([
        FieldSpec("title", .text, required: true),
        FieldSpec("decision", .string, required: true),
        FieldSpec("date", .date, required: true),
        FieldSpec("issuer", .text, required: true),
        FieldSpec("level", .choice(AwardLevel.allCases.map(\.rawValue)), required: true),
        FieldSpec("form", .ref(.awardForm), required: true),
        FieldSpec("campaign", .ref(.entity(.campaigns))),
        FieldSpec("individuals", .refs(.entity(.individuals), atLeastOne: false)),
        FieldSpec("collectives", .refs(.entity(.collectives), atLeastOne: false)),
        // An extension of the content model: the signed decision as a PDF in content/media/ (README).
        FieldSpec("attachment", .media),
    ] + common)

    static let stories = Schema([
        FieldSpec("title", .text, required: true), FieldSpec("date", .date, required: true),
        FieldSpec("summary", .text), FieldSpec("about", .about),
        FieldSpec("image", .media), FieldSpec("image_alt", .text),
    ] + common)

    static let pages = Schema([
        FieldSpec("title", .text, required: true), FieldSpec("menu", .integer), FieldSpec("summary", .text),
    ] + common)

    static let submission = RecordSchema(name: "submission", fields: [
        FieldSpec("number", .string, required: true), FieldSpec("date", .date),
    ])

    static let nominations = Schema([
        FieldSpec("title", .text, required: true),
        FieldSpec("nominee", .entityRef([.individuals, .collectives]), required: true),
        FieldSpec("form", .ref(.awardForm), required: true),
        FieldSpec("level", .choice(AwardLevel.allCases.map(\.rawValue)), required: true),
        FieldSpec("proposer", .ref(.entity(.units)), required: true),
        FieldSpec("submission", .records(submission)),
        FieldSpec("reason", .text),
        FieldSpec("comment_from", .date, required: true),
        FieldSpec("comment_until", .date, required: true),
        FieldSpec("contact", .text),
        FieldSpec("status", .choice(NominationOutcome.allCases.map(\.rawValue))),
        FieldSpec("decision", .ref(.entity(.awards))),
    ] + common)

    static let contact = RecordSchema(name: "contact", fields: [
        FieldSpec("email", .string), FieldSpec("address", .localizedText), FieldSpec("phone", .string),
    ])

    static let site = Schema([
        FieldSpec("title", .localizedText, required: true),
        FieldSpec("base_url", .url, required: true),
        FieldSpec("languages", .languages, required: true),
        FieldSpec("publisher", .ref(.entity(.units))),
        FieldSpec("fields", .vocabulary),
        FieldSpec("districts", .vocabulary),
        // Version 2 (section 9), and `license`, a ThiDua extension (docs/CONTENT-MODEL-EXTENSIONS.md).
        FieldSpec("award_forms", .vocabulary),
        FieldSpec("holidays", .dates),
        FieldSpec("contact", .records(contact)),
        FieldSpec("license", .localizedText),
    ])
}

/// Which field holds the alt text of a media field.
let altTextKey: [String: String] = ["photo": "photo_alt", "image": "image_alt"]
/// Media fields that hold a document, not a picture: a PDF, with no alt text.
let documentKeys: Set<String> = ["attachment"]
