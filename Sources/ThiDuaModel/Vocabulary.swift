/// The four steps of building an exemplary model (phát hiện – bồi dưỡng – tổng kết – nhân rộng).
public enum Stage: String, CaseIterable, Hashable, Comparable, Sendable {
    case discovered, nurtured, summarised, replicated
    public static func < (a: Stage, b: Stage) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
}

public enum CampaignStatus: String, CaseIterable, Hashable, Sendable {
    case planned, active, closed
}

public enum UnitKind: String, CaseIterable, Hashable, Sendable {
    case provinceFederation = "province-federation"
    case districtFederation = "district-federation"
    case sectorUnion = "sector-union"
    case publicServantsUnion = "public-servants-union"
    case grassrootsUnion = "grassroots-union"
}

public enum AwardLevel: String, CaseIterable, Hashable, Comparable, Sendable {
    case national, provincial, district, grassroots
    public static func < (a: AwardLevel, b: AwardLevel) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
}

/// A form of commendation (hình thức khen thưởng): one of the four built in, or one a site adds in
/// `site.yml`'s `award_forms` (CONTENT-MODEL section 9). An id, not an enum, because the vocabulary
/// is the site's; the loader accepts only forms the site knows.
public struct AwardForm: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public static let certificateOfMerit = AwardForm("certificate-of-merit")
    public static let certificate = AwardForm("certificate")
    public static let emulationFlag = AwardForm("emulation-flag")
    public static let title = AwardForm("title")
    /// The four every site has, in the order the interface lists them; their labels are the theme's strings.
    public static let builtIn: [AwardForm] = [.certificateOfMerit, .certificate, .emulationFlag, .title]
    public var isBuiltIn: Bool { Self.builtIn.contains(self) }
    public var description: String { rawValue }
    public static func < (a: AwardForm, b: AwardForm) -> Bool { a.rawValue < b.rawValue }
}

/// Whom a form of commendation may go to (`collective_only`, `individual_only` in `award_forms`).
public enum AwardFormRecipients: String, Hashable, Sendable {
    case any, collectivesOnly, individualsOnly
}

/// A form of commendation a site adds (or relabels) in `award_forms`: its id, its label in each
/// language, and whom it may go to.
public struct AwardFormTerm: Hashable, Sendable {
    public let id: AwardForm
    public let label: LocalizedText
    public let recipients: AwardFormRecipients
    public init(id: AwardForm, label: LocalizedText, recipients: AwardFormRecipients = .any) {
        self.id = id; self.label = label; self.recipients = recipients
    }
}

/// Where the public sends comments and questions (`site.yml`'s `contact`).
public struct Contact: Hashable, Sendable {
    public var email: String?
    /// The postal address, per language.
    public var address: LocalizedText
    public var phone: String?
    public init(email: String? = nil, address: LocalizedText = .init(), phone: String? = nil) {
        self.email = email; self.address = address; self.phone = phone
    }
}

public enum Gender: String, CaseIterable, Hashable, Sendable {
    case female, male
}

/// One entry of a shared vocabulary: an id and its label in each language.
public struct Term<Vocabulary>: Hashable, Sendable {
    public let id: TermID<Vocabulary>
    public let label: LocalizedText
    public init(id: TermID<Vocabulary>, label: LocalizedText) { self.id = id; self.label = label }
}
