import ThiDuaModel

/// Every message the tool can give, in Vietnamese and English: one function per stable code
/// (`DiagnosticCode`), used by the loader, the renderer and the site alike, so that each code
/// has one wording in one place. Messages say what is wrong; the fix says what to do.
/// The functions are split by theme: files, fields, references, theme.
public enum DiagnosticCatalog {
    // MARK: Words

    static func noun(_ kind: EntityKind) -> (vi: String, en: String) {
        switch kind {
        case .campaigns: return ("phong trào thi đua", "campaign")
        case .units: return ("đơn vị", "unit")
        case .collectives: return ("tập thể", "collective")
        case .individuals: return ("cá nhân", "individual")
        case .awards: return ("quyết định khen thưởng", "commendation decision")
        case .stories: return ("tin bài", "story")
        case .pages: return ("trang", "page")
        case .nominations: return ("đề nghị khen thưởng", "nomination")
        }
    }

    static func noun(_ target: RefTarget) -> (vi: String, en: String) {
        switch target {
        case .entity(let k): return noun(k)
        case .field: return ("lĩnh vực", "field")
        case .district: return ("huyện/thành phố", "district")
        case .awardForm: return ("hình thức khen thưởng", "award form")
        }
    }

    /// The site.yml key that declares a vocabulary; an entity kind is declared by its own files.
    static func declaredIn(_ target: RefTarget) -> String? {
        switch target {
        case .entity: return nil
        case .field: return "fields"
        case .district: return "districts"
        case .awardForm: return "award_forms"
        }
    }

    public static func languageName(_ code: String) -> (vi: String, en: String) {
        switch code {
        case "vi": return ("tiếng Việt", "Vietnamese")
        case "en": return ("tiếng Anh", "English")
        default: return ("ngôn ngữ '\(code)'", "language '\(code)'")
        }
    }

    static func make(_ severity: Diagnostic.Severity, _ code: DiagnosticCode, _ file: String?, _ at: Position?,
                     vi: String, en: String, fixVi: String? = nil, fixEn: String? = nil) -> Diagnostic {
        let fix = fixVi.map { LocalizedText([.vi: $0, .en: fixEn ?? $0]) }
        return Diagnostic(severity, code, file: file, line: at?.line, column: at?.column,
                          message: LocalizedText([.vi: vi, .en: en]), fix: fix)
    }

    static func list(_ items: [String]) -> String { items.map { "'\($0)'" }.joined(separator: ", ") }
}
