import Foundation
import ThiDuaContent
import ThiDuaModel
import Yams

/// The interface words of one language, from `templates/i18n/<lang>.yml`: every
/// user-visible string lives there, none in Swift code.
public struct Strings: Sendable {
    public let language: Language
    /// The whole file, as templates see it (`{{t.nav.home}}`).
    public let tree: TemplateValue

    public init(language: Language, tree: TemplateValue) {
        self.language = language; self.tree = tree
    }

    /// The string at a dotted key (`stage.replicated`); the key itself when missing,
    /// which the template check has already reported.
    public func callAsFunction(_ key: String) -> String {
        lookup(key).flatMap { if case .string(let s) = $0 { s } else { nil } } ?? key
    }

    public func list(_ key: String) -> [String] {
        guard case .list(let items)? = lookup(key) else { return [] }
        return items.map(\.description)
    }

    public func lookup(_ key: String) -> TemplateValue? {
        var node: TemplateValue? = tree
        for part in key.split(separator: ".") { node = node?[String(part)] }
        return node
    }

    /// Every dotted key that leads to a string or a list.
    public var keys: Set<String> {
        var out = Set<String>()
        func walk(_ v: TemplateValue, _ prefix: String) {
            switch v {
            case .object(let fields): for (k, c) in fields { walk(c, prefix.isEmpty ? k : "\(prefix).\(k)") }
            default: out.insert(prefix)
            }
        }
        walk(tree, "")
        return out
    }

    /// The names of task items' checkboxes in this language.
    public var taskListLabels: TaskListLabels { TaskListLabels(done: self("task.done"), notDone: self("task.not_done")) }
}

/// Reads the i18n files of every site language and checks they agree.
public enum StringsLoader {
    /// Keys the generator itself looks up (URL sections, vocabularies, date words); every language must have them.
    public static let requiredKeys: [String] = {
        var keys = ["language.name", "language.code", "date.long", "date.short", "date.months", "number.group_separator",
                    "number.vnd", "pagination.slug", "untranslated.notice", "sample.notice", "task.done", "task.not_done"]
        for kind in EntityKind.allCases { keys += ["sections.\(kind.rawValue).slug", "sections.\(kind.rawValue).title"] }
        keys += Stage.allCases.map { "stage.\($0.rawValue)" } + Stage.allCases.map { "stage_description.\($0.rawValue)" }
        keys += CampaignStatus.allCases.map { "status.\($0.rawValue)" }
        keys += UnitKind.allCases.map { "unit_kind.\($0.rawValue)" }
        keys += AwardLevel.allCases.map { "award_level.\($0.rawValue)" }
        keys += AwardForm.allCases.map { "award_form.\($0.rawValue)" }
        return keys
    }()

    /// Reads `templates/i18n/<lang>.yml` of every language, the site's file when it has one, else the built-in theme's.
    public static func load(from theme: SourceTree, languages: [Language]) -> (strings: [Language: Strings], diagnostics: [Diagnostic]) {
        var strings: [Language: Strings] = [:], diagnostics: [Diagnostic] = []
        for language in languages {
            var relative = "templates/i18n/\(language.code).yml"
            let source: SourceFile
            do { source = try theme.file(relative) } catch ContentSourceError.notFound {
                diagnostics.append(Diagnostic(.error, "i18n.missing", file: relative, message: LocalizedText([
                    .vi: "Không có tệp chuỗi giao diện cho ngôn ngữ '\(language.code)'.",
                    .en: "There is no interface-strings file for the language '\(language.code)'.",
                ]), fix: LocalizedText([
                    .vi: "Tạo \(relative) (chép từ tệp của ngôn ngữ khác rồi dịch).",
                    .en: "Create \(relative) (copy another language's file and translate it).",
                ])))
                continue
            } catch {
                diagnostics.append(SourceDiagnostics.readFailure(error, file: relative))
                continue
            }
            relative = source.displayName
            guard let text = String(validating: source.bytes, as: UTF8.self) else {
                diagnostics.append(TemplateSet.notUTF8(relative))
                continue
            }
            do {
                guard let node = try Yams.compose(yaml: text) else { throw YamlError.dataCouldNotBeDecoded(encoding: .utf8) }
                strings[language] = Strings(language: language, tree: convert(node))
            } catch {
                var line: Int? = nil, column: Int? = nil, problem = ""
                if case YamlError.scanner(_, let p, let mark, _) = error { line = mark.line; column = mark.column; problem = p }
                if case YamlError.parser(_, let p, let mark, _) = error { line = mark.line; column = mark.column; problem = p }
                // libyaml's own words ("did not find expected key") stay in English, as a detail after ours.
                let detail = problem.isEmpty ? "" : " (YAML: \(problem))"
                diagnostics.append(Diagnostic(.error, "i18n.yaml", file: relative, line: line, column: column, message: LocalizedText([
                    .vi: "Tệp chuỗi giao diện không phải YAML hợp lệ\(detail).",
                    .en: "The interface-strings file is not valid YAML\(detail).",
                ]), fix: LocalizedText([
                    .vi: "Xem dòng này và dòng ngay trên: thụt lề bằng dấu cách (không dùng tab), mỗi dòng dạng 'khóa: giá trị', giá trị có dấu ':' thì đặt trong ngoặc kép.",
                    .en: "Look at this line and the one above: indent with spaces (not tabs), write each line as 'key: value', and put a value containing ':' in double quotes.",
                ])))
            }
        }
        // Every key in every language, and the keys the generator needs.
        let all = strings.values.reduce(into: Set(requiredKeys)) { $0.formUnion($1.keys) }
        for language in languages {
            guard let s = strings[language] else { continue }
            for key in all.subtracting(s.keys).sorted() {
                diagnostics.append(missingKey(key, language: language))
            }
        }
        return (strings, diagnostics)
    }

    public static func missingKey(_ key: String, language: Language, usedIn template: String? = nil) -> Diagnostic {
        let file = "templates/i18n/\(language.code).yml"
        let whereVI = template.map { " (dùng trong \($0))" } ?? ""
        let whereEN = template.map { " (used in \($0))" } ?? ""
        return Diagnostic(.error, "i18n.key-missing", file: file, message: LocalizedText([
            .vi: "Thiếu chuỗi giao diện '\(key)' cho ngôn ngữ '\(language.code)'\(whereVI).",
            .en: "The interface string '\(key)' is missing for the language '\(language.code)'\(whereEN).",
        ]), fix: LocalizedText([
            .vi: "Thêm khóa '\(key)' vào \(file), như trong tệp của ngôn ngữ khác.",
            .en: "Add the key '\(key)' to \(file), as in the other language's file.",
        ]))
    }

    static func convert(_ node: Node) -> TemplateValue {
        switch node {
        case .scalar(let s): return .string(s.string.precomposedStringWithCanonicalMapping)
        case .sequence(let seq): return .list(seq.map(convert))
        case .mapping(let map):
            var fields: [String: TemplateValue] = [:]
            for (k, v) in map { fields[k.string ?? ""] = convert(v) }
            return .object(fields)
        case .alias: return .string("")
        }
    }
}
