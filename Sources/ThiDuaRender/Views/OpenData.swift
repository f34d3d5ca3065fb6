import ThiDuaModel

/// One value of an open-data table: what JSON gives its type, and CSV writes as text.
public enum DataValue: Hashable, Sendable, Encodable {
    case text(String)
    case number(Int)
    case flag(Bool)
    /// Ids, in order (a person's campaigns); CSV joins them with `; `.
    case list([String])
    case none

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .text(let s): try c.encode(s)
        case .number(let n): try c.encode(n)
        case .flag(let b): try c.encode(b)
        case .list(let l): try c.encode(l)
        case .none: try c.encodeNil()
        }
    }

    /// As a CSV field: `true`/`false`, a list joined with `; `, nothing for none.
    public var csvField: String {
        switch self {
        case .text(let s): s
        case .number(let n): String(n)
        case .flag(let b): b ? "true" : "false"
        case .list(let l): l.joined(separator: "; ")
        case .none: ""
        }
    }
}

/// The open-data files (dữ liệu mở): one table each, per language, published as JSON and CSV.
public enum DataSet: String, CaseIterable, Hashable, Sendable {
    case individuals, collectives, awards
    /// One row per recipient of each decision.
    case awardRecipients = "award-recipients"
    case nominations

    /// The columns of its table, in order; their meanings are the strings `data.column.<key>`.
    public var columns: [String] {
        switch self {
        case .individuals:
            ["id", "url", "name", "position", "unit", "unit_name", "field", "field_name", "district", "district_name",
             "direct_worker", "gender", "stage", "stage_name", "recognised", "campaigns", "summary", "awards"]
        case .collectives:
            ["id", "url", "name", "members", "unit", "unit_name", "field", "field_name", "district", "district_name",
             "stage", "stage_name", "recognised", "campaigns", "summary", "awards"]
        case .awards:
            ["id", "url", "decision", "date", "title", "issuer", "level", "level_name", "form", "form_name",
             "campaign", "campaign_name", "individuals", "collectives"]
        case .awardRecipients:
            ["award", "decision", "date", "level", "form", "form_name", "recipient_kind", "recipient", "recipient_name", "recipient_url"]
        case .nominations:
            ["id", "url", "title", "nominee_kind", "nominee", "nominee_name", "form", "form_name", "level", "level_name",
             "proposer", "proposer_name", "submission_number", "submission_date", "reason", "comment_from", "comment_until",
             "status", "award"]
        }
    }

    /// Whether its rows depend on the build date (a nomination's status does).
    public var dependsOnBuildDate: Bool { self == .nominations }
}

/// One table of open data in one language: its columns, and a row per published entry.
public struct DataTable: Sendable {
    public let set: DataSet
    public let columns: [String]
    public let rows: [[DataValue]]
}

extension Views {
    /// The table of `set` in `lang`: published entries only (the site the views hold has no draft, no
    /// one without consent, nothing `private`), in each kind's list order; text in `lang` where
    /// translated, else the default language's.
    public func dataTable(_ set: DataSet, _ lang: Language) -> DataTable {
        let v = data.inLanguage(lang), s = v.s
        func text(_ t: LocalizedText) -> DataValue { let x = v.text(t); return x.isEmpty ? .none : .text(x) }
        func opt(_ x: String?) -> DataValue { x.map(DataValue.text) ?? .none }
        func url(_ ref: EntityRef) -> DataValue { .text(routes.absolute(routes.entity(ref, lang))) }
        func unitName(_ id: ID<Unit>) -> DataValue { site[id].map { text($0.name) } ?? .none }
        func ordered<E: Entity>(_ kind: EntityKind, _ type: E.Type) -> [E] {
            (data.order[kind] ?? []).compactMap { site.entity($0)?.base as? E }
        }
        func profile(_ p: ExemplaryProfile, awards: [ID<AwardDecision>]) -> [String: DataValue] {
            ["unit": .text(p.unit.rawValue), "unit_name": unitName(p.unit), "field": .text(p.field.rawValue),
             "field_name": opt(v.field(p.field)), "district": opt(p.district?.rawValue), "district_name": opt(v.district(p.district)),
             "stage": .text(p.stage.rawValue), "stage_name": .text(s("stage.\(p.stage.rawValue)")), "recognised": .text(p.recognised.iso),
             "campaigns": .list(p.campaigns.map(\.rawValue)), "summary": text(p.summary),
             "awards": .list(awards.map(\.rawValue))]
        }
        var rows: [[String: DataValue]] = []
        switch set {
        case .individuals:
            rows = ordered(.individuals, Individual.self).map { i in
                profile(i.profile, awards: relations.awardsOfIndividual[i.id] ?? []).merging([
                    "id": .text(i.id.rawValue), "url": url(i.id.ref), "name": .text(i.name), "position": text(i.position),
                    "direct_worker": i.directWorker.map(DataValue.flag) ?? .none, "gender": opt(i.gender?.rawValue),
                ]) { $1 }
            }
        case .collectives:
            rows = ordered(.collectives, Collective.self).map { c in
                profile(c.profile, awards: relations.awardsOfCollective[c.id] ?? []).merging([
                    "id": .text(c.id.rawValue), "url": url(c.id.ref), "name": text(c.name), "members": c.members.map(DataValue.number) ?? .none,
                ]) { $1 }
            }
        case .awards:
            rows = ordered(.awards, AwardDecision.self).map { a in
                ["id": .text(a.id.rawValue), "url": url(a.id.ref), "decision": .text(a.decision), "date": .text(a.date.iso),
                 "title": text(a.title), "issuer": text(a.issuer), "level": .text(a.level.rawValue),
                 "level_name": .text(s("award_level.\(a.level.rawValue)")), "form": .text(a.form.rawValue), "form_name": .text(v.formLabel(a.form)),
                 "campaign": opt(a.campaign?.rawValue), "campaign_name": a.campaign.flatMap { site[$0] }.map { text($0.title) } ?? .none,
                 "individuals": .list(data.sorted(a.individuals).map(\.rawValue)), "collectives": .list(data.sorted(a.collectives).map(\.rawValue))]
            }
        case .awardRecipients:
            for a in ordered(.awards, AwardDecision.self) {
                let recipients: [(String, EntityRef, DataValue)] =
                    data.sorted(a.collectives).compactMap { id in site[id].map { ("collective", id.ref, text($0.name)) } }
                    + data.sorted(a.individuals).compactMap { id in site[id].map { ("individual", id.ref, .text($0.name)) } }
                for (kind, ref, name) in recipients {
                    rows.append(["award": .text(a.id.rawValue), "decision": .text(a.decision), "date": .text(a.date.iso),
                                 "level": .text(a.level.rawValue), "form": .text(a.form.rawValue), "form_name": .text(v.formLabel(a.form)),
                                 "recipient_kind": .text(kind), "recipient": .text(ref.id), "recipient_name": name,
                                 "recipient_url": url(ref)])
                }
            }
        case .nominations:
            rows = ordered(.nominations, Nomination.self).map { n in
                let nominee: DataValue
                switch site.entity(n.nominee)?.base {
                case let i as Individual: nominee = .text(i.name)
                case let c as Collective: nominee = text(c.name)
                default: nominee = .none
                }
                return ["id": .text(n.id.rawValue), "url": url(n.id.ref), "title": text(n.title),
                        "nominee_kind": .text(n.nominee.kind == .individuals ? "individual" : "collective"),
                        "nominee": .text(n.nominee.id), "nominee_name": nominee, "form": .text(n.form.rawValue),
                        "form_name": .text(v.formLabel(n.form)), "level": .text(n.level.rawValue),
                        "level_name": .text(s("award_level.\(n.level.rawValue)")), "proposer": .text(n.proposer.rawValue),
                        "proposer_name": unitName(n.proposer), "submission_number": opt(n.submission?.number),
                        "submission_date": opt(n.submission?.date?.iso), "reason": text(n.reason),
                        "comment_from": .text(n.comment.from.iso), "comment_until": .text(n.comment.to.iso),
                        "status": .text(n.status(on: site.buildDate).rawValue), "award": opt(n.decision?.rawValue)]
            }
        }
        return DataTable(set: set, columns: set.columns, rows: rows.map { r in set.columns.map { r[$0] ?? .none } })
    }
}
