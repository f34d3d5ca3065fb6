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
                    "number.vnd", "number.decimal_separator", "number.percent",
                    "number.vnd_billion", "number.vnd_million", "pagination.slug", "untranslated.notice", "sample.notice", "task.done", "task.not_done"]
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
                diagnostics.append(DiagnosticCatalog.i18nMissing(file: relative, language: language))
                continue
            } catch {
                diagnostics.append(DiagnosticCatalog.readFailure(error, file: relative))
                continue
            }
            relative = source.displayName
            guard let text = String(validating: source.bytes, as: UTF8.self) else {
                diagnostics.append(DiagnosticCatalog.themeEncoding(file: relative))
                continue
            }
            do {
                guard let node = try Yams.compose(yaml: text) else { throw YamlError.dataCouldNotBeDecoded(encoding: .utf8) }
                strings[language] = Strings(language: language, tree: convert(node))
            } catch {
                var line: Int? = nil, column: Int? = nil, problem = ""
                if case YamlError.scanner(_, let p, let mark, _) = error { line = mark.line; column = mark.column; problem = p }
                if case YamlError.parser(_, let p, let mark, _) = error { line = mark.line; column = mark.column; problem = p }
                diagnostics.append(DiagnosticCatalog.i18nYAML(file: relative, at: line.map { Position(line: $0, column: column ?? 1) }, problem: problem))
            }
        }
        // Every key in every language, and the keys the generator needs.
        let all = strings.values.reduce(into: Set(requiredKeys)) { $0.formUnion($1.keys) }
        for language in languages {
            guard let s = strings[language] else { continue }
            for key in all.subtracting(s.keys).sorted() {
                diagnostics.append(DiagnosticCatalog.i18nKeyMissing(key: key, language: language))
            }
        }
        return (strings, diagnostics)
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
