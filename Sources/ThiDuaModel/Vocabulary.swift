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

public enum AwardForm: String, CaseIterable, Hashable, Sendable {
    case certificateOfMerit = "certificate-of-merit"
    case certificate
    case emulationFlag = "emulation-flag"
    case title
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
