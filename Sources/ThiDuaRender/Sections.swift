import ThiDuaModel

/// The parts of the site a reader can go to, owned here and nowhere else: every entity kind,
/// the home page, and the sections without entities of their own. Each has one address per
/// language, its slug from that language's i18n file (`sections.<key>.slug`), so renaming a
/// slug there moves the section and everything that checks addresses sees the new one.
///
/// To add a section: a case here (its key, its noun), its slug and title in `i18n/*.yml`, and
/// the outputs it plans in `SitePlan` (ThiDuaSite). A section declared before its pages exist
/// (reports, search…) already reserves its address, so no page takes it meanwhile.
public enum Section: Hashable, Sendable, CustomStringConvertible {
    case home
    case entities(EntityKind)
    case reports
    case publicComment
    case search
    case data

    public static let all: [Section] = [.home] + EntityKind.allCases.filter { $0 != .nominations }.map(Section.entities)
        + [.reports, .publicComment, .search, .data]

    /// The section an entity kind's pages live in: its own, except nominations, which are the
    /// public-comment section's entries (`/lay-y-kien/<id>/`).
    public static func of(_ kind: EntityKind) -> Section { kind == .nominations ? .publicComment : .entities(kind) }

    /// The key of its strings (`sections.<key>.…`) and of `data-section` in the templates.
    public var key: String {
        switch self {
        case .home: "home"
        case .entities(let kind): kind.rawValue
        case .reports: "reports"
        case .publicComment: "public_comment"
        case .search: "search"
        case .data: "data"
        }
    }

    /// Whether the section has a folder of its own under each language's home (pages live
    /// directly under the home, one folder each, and have no list).
    public var hasFolder: Bool {
        switch self {
        case .home, .entities(.pages): false
        default: true
        }
    }

    /// What the section is, in words, for a message that says an address is taken.
    public var noun: LocalizedText {
        switch self {
        case .home: LocalizedText([.vi: "trang chủ", .en: "the home page"])
        case .entities(let kind):
            switch kind {
            case .campaigns: LocalizedText([.vi: "mục phong trào thi đua", .en: "the campaigns section"])
            case .units: LocalizedText([.vi: "mục đơn vị", .en: "the units section"])
            case .collectives: LocalizedText([.vi: "mục tập thể", .en: "the collectives section"])
            case .individuals: LocalizedText([.vi: "mục cá nhân", .en: "the individuals section"])
            case .awards: LocalizedText([.vi: "mục khen thưởng", .en: "the awards section"])
            case .stories: LocalizedText([.vi: "mục tin bài", .en: "the stories section"])
            case .pages: LocalizedText([.vi: "trang thông tin", .en: "an information page"])
            case .nominations: Section.publicComment.noun
            }
        case .reports: LocalizedText([.vi: "mục báo cáo", .en: "the reports section"])
        case .publicComment: LocalizedText([.vi: "mục lấy ý kiến", .en: "the public comment section"])
        case .search: LocalizedText([.vi: "trang tìm kiếm", .en: "the search page"])
        case .data: LocalizedText([.vi: "mục dữ liệu mở", .en: "the open data section"])
        }
    }

    public var description: String { key }
}

/// Folders at a language's home that no section or page may take: the files every language
/// shares, and the other languages' homes.
public enum SharedFolder: String, CaseIterable, Sendable {
    case media, assets

    public var noun: LocalizedText {
        switch self {
        case .media: LocalizedText([.vi: "thư mục ảnh và tệp đính kèm", .en: "the media files"])
        case .assets: LocalizedText([.vi: "thư mục giao diện", .en: "the theme's files"])
        }
    }
}
