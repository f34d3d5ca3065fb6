import Foundation
import ThiDuaModel

/// A front-matter value read to its type. Text is kept per file; pairing files into
/// one entity per id happens later, in `Assembly`.
indirect enum FieldValue: Hashable, Sendable {
    case text(String)
    case textList([String])
    case string(String)
    case date(LocalDate)
    case period(Period)
    case bool(Bool)
    case int(Int)
    case choice(String)
    case ref(String)
    case refs([String])
    case about([String])
    case media(MediaPath)
    case records([Record])
    case localizedText([String: String])
    case languages([String])
    case vocabulary([VocabularyTerm])
    case url(String)
    case dates([LocalDate])
}

struct Record: Hashable, Sendable {
    var values: [String: FieldValue]
}

struct VocabularyTerm: Hashable, Sendable {
    var id: String
    var labels: [String: String]
    var position: Position
    /// Where each label's language code is written, for a warning about that code.
    var labelPositions: [String: Position] = [:]
    static func == (a: VocabularyTerm, b: VocabularyTerm) -> Bool { a.id == b.id && a.labels == b.labels }
    func hash(into h: inout Hasher) { h.combine(id); h.combine(labels) }
}

/// A decoded field and where it was written; `items` holds the position of each
/// element of a list, so a bad reference in a list is reported where it stands.
struct Field: Sendable {
    var value: FieldValue
    var position: Position
    var items: [Position] = []
    /// For a map of languages (`title: {vi: …, en: …}`): where each key is written.
    var keys: [String: Position] = [:]
}

/// Reads a YAML mapping against a `Schema`, collecting a diagnostic for every problem.
struct FieldDecoder {
    let file: String
    /// Checks that apply only to the canonical (default-language) file: required fields.
    let isCanonical: Bool
    var diagnostics: [Diagnostic] = []

    init(file: String, isCanonical: Bool) {
        self.file = file; self.isCanonical = isCanonical
    }

    /// The fields of a mapping. `failedKeys` holds keys that were written but could not be read,
    /// so that later checks do not report them twice.
    mutating func decodeMapping(_ root: YAMLValue?, schema: Schema, owner: String?, missingAt: Position)
        -> (fields: [String: Field], failedKeys: Set<String>) {
        var fields: [String: Field] = [:]
        var failed: Set<String> = []
        var written: Set<String> = []
        let entries: [YAMLValue.Entry]
        switch root {
        case nil: entries = []
        case .mapping(let e, _)?: entries = e
        case let other?:
            if other.isNull { entries = [] } else {
                diagnostics.append(DiagnosticCatalog.frontMatterNotMapping(file: file, at: other.position))
                return ([:], [])
            }
        }
        for entry in entries {
            guard let spec = schema.spec(entry.key) else {
                diagnostics.append(DiagnosticCatalog.fieldUnknown(
                    file: file, at: entry.keyPosition, key: entry.key,
                    suggestion: Suggest.closest(to: entry.key, in: schema.keys), known: schema.keys, owner: owner))
                continue
            }
            if entry.value.isNull { continue }
            written.insert(entry.key)
            if case .anything = spec.type { continue }  // `private`: never read into the model
            if let field = decode(entry.value, spec: spec) { fields[entry.key] = field } else { failed.insert(entry.key) }
        }
        for spec in schema.fields where spec.required && isCanonical && !written.contains(spec.key) {
            diagnostics.append(DiagnosticCatalog.fieldRequired(file: file, at: missingAt, key: spec.key, owner: owner))
        }
        return (fields, failed)
    }

    mutating func decode(_ v: YAMLValue, spec: FieldSpec) -> Field? {
        let key = spec.key, p = v.position
        func typeError(_ expected: ExpectedType) -> Field? {
            diagnostics.append(DiagnosticCatalog.fieldType(file: file, at: p, key: key, expected: expected))
            return nil
        }
        switch spec.type {
        case .text, .string:
            guard let s = v.scalarText else { return typeError(spec.isText ? .text : .line) }
            if s.isEmpty {
                if spec.required && isCanonical { diagnostics.append(DiagnosticCatalog.fieldRequired(file: file, at: p, key: key, owner: nil)) }
                return nil
            }
            return Field(value: spec.isText ? .text(s) : .string(s), position: p)
        case .textList:
            switch v {
            case .scalar:
                guard let s = v.scalarText else { return nil }
                return Field(value: .textList([s]), position: p)
            case .sequence(let items, _):
                var out: [String] = []
                for item in items where !item.isNull {
                    guard let s = item.scalarText else {
                        diagnostics.append(DiagnosticCatalog.fieldType(file: file, at: item.position, key: key, expected: .textList))
                        return nil
                    }
                    out.append(s)
                }
                return Field(value: .textList(out), position: p)
            case .mapping: return typeError(.textList)
            }
        case .date:
            guard let s = v.scalarText else { return typeError(.date) }
            guard let d = DateReading.read(s) else {
                diagnostics.append(DiagnosticCatalog.dateInvalid(file: file, at: p, key: key, value: s, guess: DateReading.guess(s)))
                return nil
            }
            return Field(value: .date(d), position: p)
        case .period:
            guard case .mapping = v else { return typeError(.period) }
            let schema = Schema([FieldSpec("from", .date, required: true), FieldSpec("to", .date, required: true)])
            var inner = FieldDecoder(file: file, isCanonical: true)
            let (fields, _) = inner.decodeMapping(v, schema: schema, owner: key, missingAt: p)
            diagnostics += inner.diagnostics
            guard case .date(let from)? = fields["from"]?.value, case .date(let to)? = fields["to"]?.value else { return nil }
            guard from <= to else {
                diagnostics.append(DiagnosticCatalog.periodInvalid(file: file, at: p, from: from, to: to))
                return nil
            }
            return Field(value: .period(Period(from: from, to: to)), position: p)
        case .bool:
            switch v.scalarText {
            case "true", "True", "TRUE": return Field(value: .bool(true), position: p)
            case "false", "False", "FALSE": return Field(value: .bool(false), position: p)
            default: return typeError(.bool)
            }
        case .count, .integer:
            guard let s = v.scalarText else { return typeError(.count) }
            let allowNegative: Bool
            if case .integer = spec.type { allowNegative = true } else { allowNegative = false }
            let digits = s.hasPrefix("-") && allowNegative ? s.dropFirst() : Substring(s)
            guard !digits.isEmpty, digits.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let n = Int(s) else {
                diagnostics.append(DiagnosticCatalog.fieldType(
                    file: file, at: p, key: key, expected: allowNegative ? .integer : .count,
                    guess: NumberReading.guess(s)))
                return nil
            }
            return Field(value: .int(n), position: p)
        case .choice(let allowed):
            guard let s = v.scalarText else { return typeError(.choice(allowed)) }
            guard allowed.contains(s) else {
                diagnostics.append(DiagnosticCatalog.enumInvalid(
                    file: file, at: p, key: key, value: s, allowed: allowed,
                    suggestion: allowed.first { $0 == s.lowercased() } ?? Suggest.closest(to: s.lowercased(), in: allowed)))
                return nil
            }
            return Field(value: .choice(s), position: p)
        case .ref:
            guard let s = v.scalarText else { return typeError(.ref) }
            guard checkID(s, at: p) else { return nil }
            return Field(value: .ref(s), position: p)
        case .refs(_, let atLeastOne):
            let items: [YAMLValue]
            switch v {
            case .scalar: items = [v]
            case .sequence(let s, _): items = s.filter { !$0.isNull }
            case .mapping: return typeError(.refs)
            }
            var ids: [String] = [], positions: [Position] = []
            var ok = true
            for item in items {
                guard let s = item.scalarText else {
                    diagnostics.append(DiagnosticCatalog.fieldType(file: file, at: item.position, key: key, expected: .refs))
                    ok = false; continue
                }
                if checkID(s, at: item.position) { ids.append(s); positions.append(item.position) } else { ok = false }
            }
            if ok, ids.isEmpty, atLeastOne, isCanonical {
                diagnostics.append(DiagnosticCatalog.fieldRequired(file: file, at: p, key: key, owner: nil))
                return nil
            }
            guard ok else { return nil }
            return Field(value: .refs(ids), position: p, items: positions)
        case .entityRef(let kinds):
            guard let s = v.scalarText else { return typeError(.entityRef(kinds)) }
            let parts = s.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, let kind = EntityKind(rawValue: parts[0]), kinds.contains(kind) else {
                return typeError(.entityRef(kinds))
            }
            guard checkID(parts[1], at: p) else { return nil }
            return Field(value: .ref(s), position: p)
        case .dates:
            let items: [YAMLValue]
            switch v {
            case .scalar: items = [v]
            case .sequence(let s, _): items = s.filter { !$0.isNull }
            case .mapping: return typeError(.dates)
            }
            var dates: [LocalDate] = [], positions: [Position] = [], ok = true
            for item in items {
                guard let s = item.scalarText else {
                    diagnostics.append(DiagnosticCatalog.fieldType(file: file, at: item.position, key: key, expected: .dates))
                    ok = false; continue
                }
                guard let d = DateReading.read(s) else {
                    diagnostics.append(DiagnosticCatalog.dateInvalid(file: file, at: item.position, key: key, value: s, guess: DateReading.guess(s)))
                    ok = false; continue
                }
                dates.append(d); positions.append(item.position)
            }
            guard ok else { return nil }
            return Field(value: .dates(dates), position: p, items: positions)
        case .about:
            let items: [YAMLValue]
            switch v {
            case .scalar: items = [v]
            case .sequence(let s, _): items = s.filter { !$0.isNull }
            case .mapping: return typeError(.about)
            }
            var refs: [String] = [], positions: [Position] = []
            for item in items {
                guard let s = item.scalarText else { return typeError(.about) }
                refs.append(s); positions.append(item.position)
            }
            return Field(value: .about(refs), position: p, items: positions)
        case .media:
            guard let s = v.scalarText else { return typeError(.media) }
            guard let path = MediaPathRule.normalise(s) else {
                diagnostics.append(DiagnosticCatalog.mediaOutside(file: file, at: p, key: key, value: s))
                return nil
            }
            return Field(value: .media(path), position: p)
        case .records(let schema):
            let items: [YAMLValue]
            switch v {
            case .sequence(let s, _): items = s.filter { !$0.isNull }
            case .mapping: items = [v]
            case .scalar: return typeError(.records(schema))
            }
            var records: [Record] = []
            var ok = true
            for item in items {
                guard case .mapping = item else {
                    diagnostics.append(DiagnosticCatalog.fieldType(file: file, at: item.position, key: key, expected: .records(schema)))
                    ok = false; continue
                }
                var inner = FieldDecoder(file: file, isCanonical: isCanonical)
                let (fields, failed) = inner.decodeMapping(item, schema: Schema(schema.fields), owner: key, missingAt: item.position)
                diagnostics += inner.diagnostics
                if !failed.isEmpty || inner.diagnostics.contains(where: { $0.severity == .error }) { ok = false }
                records.append(Record(values: fields.mapValues(\.value)))
            }
            guard ok else { return nil }
            return Field(value: .records(records), position: p)
        case .anything:
            return nil
        case .localizedText:
            switch v {
            case .scalar:
                guard let s = v.scalarText else { return nil }
                return Field(value: .localizedText(["": s]), position: p)  // "" = the default language
            case .mapping(let entries, _):
                var out: [String: String] = [:]
                for e in entries {
                    guard let s = e.value.scalarText else {
                        diagnostics.append(DiagnosticCatalog.fieldType(file: file, at: e.value.position, key: key, expected: .localizedText))
                        return nil
                    }
                    out[e.key] = s
                }
                return Field(value: .localizedText(out), position: p, items: entries.map(\.keyPosition),
                             keys: Dictionary(entries.map { ($0.key, $0.keyPosition) }, uniquingKeysWith: { a, _ in a }))
            case .sequence: return typeError(.localizedText)
            }
        case .languages:
            guard case .sequence(let items, _) = v else { return typeError(.languages) }
            var codes: [String] = [], positions: [Position] = []
            for item in items {
                guard let s = item.scalarText, LanguageCode.isValid(s), !codes.contains(s) else {
                    diagnostics.append(DiagnosticCatalog.languageInvalid(file: file, at: item.position, value: item.scalarText ?? ""))
                    continue
                }
                codes.append(s); positions.append(item.position)
            }
            if codes.isEmpty {
                diagnostics.append(DiagnosticCatalog.fieldRequired(file: file, at: p, key: key, owner: nil))
                return nil
            }
            return Field(value: .languages(codes), position: p, items: positions)
        case .vocabulary:
            guard case .mapping(let entries, _) = v else { return typeError(.vocabulary) }
            var terms: [VocabularyTerm] = []
            for e in entries {
                guard checkID(e.key, at: e.keyPosition) else { continue }
                switch e.value {
                case .scalar:
                    guard let s = e.value.scalarText else { continue }
                    terms.append(VocabularyTerm(id: e.key, labels: ["": s], position: e.keyPosition))
                case .mapping(let labels, _):
                    var out: [String: String] = [:]
                    for l in labels {
                        guard let s = l.value.scalarText else {
                            diagnostics.append(DiagnosticCatalog.fieldType(file: file, at: l.value.position, key: key, expected: .vocabulary))
                            continue
                        }
                        out[l.key] = s
                    }
                    terms.append(VocabularyTerm(id: e.key, labels: out, position: e.keyPosition,
                                                labelPositions: Dictionary(labels.map { ($0.key, $0.keyPosition) }, uniquingKeysWith: { a, _ in a })))
                case .sequence:
                    diagnostics.append(DiagnosticCatalog.fieldType(file: file, at: e.value.position, key: key, expected: .vocabulary))
                }
            }
            return Field(value: .vocabulary(terms), position: p)
        case .url:
            guard var s = v.scalarText else { return typeError(.url) }
            guard s.hasPrefix("https://") || s.hasPrefix("http://"), s.count > 8, !s.contains(" ") else { return typeError(.url) }
            if !s.hasSuffix("/") { s += "/" }
            return Field(value: .url(s), position: p)
        }
    }

    private mutating func checkID(_ s: String, at p: Position) -> Bool {
        if IDSyntax.isValid(s) { return true }
        let slug = VietnameseText.slug(s)
        diagnostics.append(DiagnosticCatalog.idMalformed(file: file, at: p, value: s, suggestion: slug.isEmpty ? nil : slug))
        return false
    }
}

/// Language codes as site.yml lists them: `vi`, `en`, `zh-hant`.
enum LanguageCode {
    static func isValid(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.utf8.allSatisfy({ (0x61...0x7a).contains($0) }) else { return false }
        return parts.dropFirst().allSatisfy { !$0.isEmpty && $0.count <= 8 && $0.utf8.allSatisfy { (0x61...0x7a).contains($0) || (0x30...0x39).contains($0) } }
    }
}

/// Dates are written exactly `YYYY-MM-DD`; anything else is refused, with a guess at what was meant.
enum DateReading {
    static func read(_ s: String) -> LocalDate? { LocalDate(iso: s) }

    /// `05/07/2023` (day first, as Vietnamese write it), `2023-7-5`, `2023-07-05T10:00:00Z` → `2023-07-05`.
    static func guess(_ s: String) -> String? {
        let t = s.trimmingCharacters(in: .whitespaces)
        if t.count > 10, let d = LocalDate(iso: String(t.prefix(10))) { return d.iso }
        let parts = t.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." }).map(String.init)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2]) else { return nil }
        let date = parts[0].count == 4 ? LocalDate(year: a, month: b, day: c)
            : parts[2].count == 4 ? LocalDate(year: c, month: b, day: a) : nil
        return date?.iso
    }

    /// For an impossible date with the right shape: the number of days in that month.
    static func daysInMonth(_ s: String) -> (month: Int, year: Int, days: Int)? {
        let parts = s.split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), (1...12).contains(m), Int(parts[2]) != nil else { return nil }
        return (m, y, LocalDate.daysIn(month: m, year: y))
    }
}

/// `120.000.000` or `120,000,000` (thousands grouped) → `120000000`.
enum NumberReading {
    static func guess(_ s: String) -> String? {
        let digits = s.filter { $0 != "." && $0 != "," && $0 != " " && $0 != "_" && $0 != "\u{00A0}" }
        guard digits != s, !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return digits
    }
}

/// `photo` and `image` name files under `content/media/`, written relative to `content/`.
enum MediaPathRule {
    /// `media/a.jpg` (also `content/media/a.jpg`, `./media/a.jpg`, `/media/a.jpg`) → `media/a.jpg`;
    /// nil when the path leaves `content/media/`.
    static func normalise(_ s: String) -> MediaPath? {
        if s.contains("://") || s.hasPrefix("//") || s.contains("\\") { return nil }
        var stack: [Substring] = []
        for part in s.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                guard !stack.isEmpty else { return nil }
                stack.removeLast(); continue
            }
            stack.append(part)
        }
        if stack.first == "content" { stack.removeFirst() }
        guard stack.count >= 2, stack[0] == "media" else { return nil }
        return MediaPath(stack.joined(separator: "/"))
    }
}
