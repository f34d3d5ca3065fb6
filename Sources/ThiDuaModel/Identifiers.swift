/// The kinds of entity a site holds, named as their content folders are.
public enum EntityKind: String, CaseIterable, Hashable, Comparable, Sendable {
    case campaigns, units, collectives, individuals, awards, stories, pages, nominations

    public static func < (a: EntityKind, b: EntityKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// A kind of entity that has a typed id (`ID<Campaign>`): a campaign id cannot be
/// passed where a unit id is expected.
public protocol Entity: Sendable {
    static var kind: EntityKind { get }
    var id: ID<Self> { get }
    /// Its body, translations, and whether it is a draft or sample data: what every kind has.
    var entry: Entry { get }
    /// The files of `content/media/` it shows (a portrait, a story's image).
    var media: [MediaPath] { get }
}

public extension Entity {
    var media: [MediaPath] { [] }
}

/// Any entity, its kind erased: what code that treats every kind alike reads (translations,
/// sample data, bodies), so that it needs no switch over the kinds.
public struct AnyEntity: Sendable {
    public let ref: EntityRef
    public let entry: Entry
    /// The entity itself, of the type `ref.kind` names.
    public let base: any Entity
    public init<E: Entity>(_ entity: E) { ref = entity.id.ref; entry = entity.entry; base = entity }
    public var media: [MediaPath] { base.media }
}

/// An entity's id: lower-case ASCII letters, digits and `-`, unique within its kind.
public struct ID<Kind>: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (a: ID, b: ID) -> Bool { a.rawValue < b.rawValue }
}

public extension ID where Kind: Entity {
    var ref: EntityRef { EntityRef(kind: Kind.kind, id: rawValue) }
}

/// A reference to any entity, written `kind/id` in content (`individuals/lo-thi-mai`).
public struct EntityRef: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let kind: EntityKind
    public let id: String
    public init(kind: EntityKind, id: String) { self.kind = kind; self.id = id }

    /// Parses `kind/id`; nil when the kind is unknown or the id malformed.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let kind = EntityKind(rawValue: String(parts[0])),
              IDSyntax.isValid(String(parts[1])) else { return nil }
        self.init(kind: kind, id: String(parts[1]))
    }
    public var description: String { "\(kind.rawValue)/\(id)" }
    public static func < (a: EntityRef, b: EntityRef) -> Bool { (a.kind, a.id) < (b.kind, b.id) }
}

/// The one rule for ids, used by the parser for file names and references alike.
public enum IDSyntax {
    public static func isValid(_ id: String) -> Bool {
        guard !id.isEmpty, id.first != "-", id.last != "-" else { return false }
        return id.utf8.allSatisfy { (0x61...0x7a).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2d }
    }
}

/// An id in one of the site's shared vocabularies (`fields`, `districts` in site.yml).
public struct TermID<Vocabulary>: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (a: TermID, b: TermID) -> Bool { a.rawValue < b.rawValue }
}
public enum FieldVocabulary {}
public enum DistrictVocabulary {}
public typealias FieldID = TermID<FieldVocabulary>
public typealias DistrictID = TermID<DistrictVocabulary>

/// A path to a file under `content/media/`, relative to `content/` (`media/lo-thi-mai.jpg`).
/// The loader only builds one after checking it stays inside that folder.
public struct MediaPath: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let path: String
    public init(_ path: String) { self.path = path }
    public var description: String { path }
    public static func < (a: MediaPath, b: MediaPath) -> Bool { a.path < b.path }
}
