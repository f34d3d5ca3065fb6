import ThiDuaModel

/// Entity files as a previous build decoded them, by a digest of their bytes and of how they
/// are read (path, and whether it is the default language's file): decoding the YAML of
/// thousands of files is most of loading a site, and a rebuild after one edit needs only that
/// one file decoded again. Only files that decoded without a single diagnostic are kept, so a
/// file reused from here is one that would decode the same, silently, again. Every file is
/// still read and its digest taken; nothing is trusted on its name or its time.
public struct ParseCache: Sendable {
    struct Entry: Sendable {
        var fields: [String: Field]
        var failedKeys: Set<String>
        /// The body, unless it is the file's last bytes as they are (the usual file: no BOM, no CR),
        /// when `bodyFromEnd` says how many: the file is read anyway, so the cache need not hold it twice.
        var body: String?
        var bodyFromEnd: Int = 0
        var bodyStartLine: Int
        var openingLine: Int
    }
    var entries: [UInt64: Entry] = [:]

    public init() {}

    /// The entry for a file that decoded to `file`: its body kept as text only when it is not the
    /// file's own last bytes.
    static func entry(_ file: ParsedFile, bytes: [UInt8]) -> Entry {
        var e = Entry(fields: file.fields, failedKeys: file.failedKeys, body: file.body,
                      bodyStartLine: file.bodyStartLine, openingLine: file.openingLine)
        let n = file.body.utf8.count
        if n <= bytes.count, bytes[(bytes.count - n)...].elementsEqual(file.body.utf8) { e.body = nil; e.bodyFromEnd = n }
        return e
    }

    /// The body an entry stands for, from the bytes of its file.
    static func body(_ e: Entry, bytes: [UInt8]) -> String? {
        if let body = e.body { return body }
        guard e.bodyFromEnd <= bytes.count else { return nil }
        return String(decoding: bytes[(bytes.count - e.bodyFromEnd)...], as: UTF8.self)
    }

    static func key(bytes: [UInt8], job: EntityFileJob) -> UInt64 {
        var h = StableHasher()
        h.combine(bytes); h.combine(job.path); h.combine(job.isCanonical)
        return h.value
    }

    // MARK: Bytes

    public func encode(into w: inout ByteWriter) {
        w.u64(UInt64(entries.count))
        for (key, e) in entries.sorted(by: { $0.key < $1.key }) {
            w.u64(key)
            Self.encode(e.fields, into: &w)
            w.strings(e.failedKeys.sorted())
            w.bool(e.body != nil); w.string(e.body ?? ""); w.int(e.bodyFromEnd); w.int(e.bodyStartLine); w.int(e.openingLine)
        }
    }

    public static func decode(from r: inout ByteReader) -> ParseCache? {
        guard let n = r.count() else { return nil }
        var cache = ParseCache()
        for _ in 0..<n {
            guard let key = r.u64(), let fields = decodeFields(&r), let failed = r.strings(), let hasBody = r.bool(),
                  let body = r.string(), let fromEnd = r.int(), let start = r.int(), let opening = r.int() else { return nil }
            cache.entries[key] = Entry(fields: fields, failedKeys: Set(failed), body: hasBody ? body : nil, bodyFromEnd: fromEnd,
                                       bodyStartLine: start, openingLine: opening)
        }
        return cache
    }

    static func encode(_ fields: [String: Field], into w: inout ByteWriter) {
        w.u64(UInt64(fields.count))
        for (name, field) in fields.sorted(by: { $0.key < $1.key }) {
            w.string(name)
            encode(field.value, into: &w)
            encode(field.position, into: &w)
            w.u64(UInt64(field.items.count)); for p in field.items { encode(p, into: &w) }
            w.u64(UInt64(field.keys.count))
            for (k, p) in field.keys.sorted(by: { $0.key < $1.key }) { w.string(k); encode(p, into: &w) }
        }
    }

    static func decodeFields(_ r: inout ByteReader) -> [String: Field]? {
        guard let n = r.count() else { return nil }
        var fields: [String: Field] = [:]
        for _ in 0..<n {
            guard let name = r.string(), let value = decodeValue(&r), let position = decodePosition(&r), let m = r.count() else { return nil }
            var field = Field(value: value, position: position)
            for _ in 0..<m { guard let p = decodePosition(&r) else { return nil }; field.items.append(p) }
            guard let k = r.count() else { return nil }
            for _ in 0..<k { guard let key = r.string(), let p = decodePosition(&r) else { return nil }; field.keys[key] = p }
            fields[name] = field
        }
        return fields
    }

    static func encode(_ p: Position, into w: inout ByteWriter) { w.int(p.line); w.int(p.column) }
    static func decodePosition(_ r: inout ByteReader) -> Position? {
        guard let line = r.int(), let column = r.int() else { return nil }
        return Position(line: line, column: column)
    }

    static func encode(_ d: LocalDate, into w: inout ByteWriter) { w.int(d.year); w.int(d.month); w.int(d.day) }
    static func decodeDate(_ r: inout ByteReader) -> LocalDate? {
        guard let y = r.int(), let m = r.int(), let d = r.int() else { return nil }
        return LocalDate(year: y, month: m, day: d)
    }

    static func encode(_ map: [String: String], into w: inout ByteWriter) {
        let sorted = map.sorted { $0.key < $1.key }
        w.strings(sorted.map(\.key)); w.strings(sorted.map(\.value))
    }
    static func decodeMap(_ r: inout ByteReader) -> [String: String]? {
        guard let keys = r.strings(), let values = r.strings(), keys.count == values.count else { return nil }
        return Dictionary(zip(keys, values), uniquingKeysWith: { $1 })
    }

    /// One tag per case, then its payload. The tags are this file's format: a new case takes a new number.
    static func encode(_ value: FieldValue, into w: inout ByteWriter) {
        switch value {
        case .text(let s): w.u64(1); w.string(s)
        case .textList(let l): w.u64(2); w.strings(l)
        case .string(let s): w.u64(3); w.string(s)
        case .date(let d): w.u64(4); encode(d, into: &w)
        case .period(let p): w.u64(5); encode(p.from, into: &w); encode(p.to, into: &w)
        case .bool(let b): w.u64(6); w.bool(b)
        case .int(let i): w.u64(7); w.int(i)
        case .choice(let s): w.u64(8); w.string(s)
        case .ref(let s): w.u64(9); w.string(s)
        case .refs(let l): w.u64(10); w.strings(l)
        case .about(let l): w.u64(11); w.strings(l)
        case .media(let m): w.u64(12); w.string(m.path)
        case .records(let records):
            w.u64(13); w.u64(UInt64(records.count))
            for record in records {
                let sorted = record.values.sorted { $0.key < $1.key }
                w.u64(UInt64(sorted.count))
                for (k, v) in sorted { w.string(k); encode(v, into: &w) }
            }
        case .localizedText(let map): w.u64(14); encode(map, into: &w)
        case .languages(let l): w.u64(15); w.strings(l)
        case .vocabulary(let terms):
            w.u64(16); w.u64(UInt64(terms.count))
            for t in terms {
                w.string(t.id); encode(t.labels, into: &w); encode(t.position, into: &w)
                let sorted = t.labelPositions.sorted { $0.key < $1.key }
                w.u64(UInt64(sorted.count)); for (k, p) in sorted { w.string(k); encode(p, into: &w) }
            }
        case .url(let s): w.u64(17); w.string(s)
        case .dates(let dates): w.u64(18); w.u64(UInt64(dates.count)); for d in dates { encode(d, into: &w) }
        }
    }

    static func decodeValue(_ r: inout ByteReader) -> FieldValue? {
        guard let tag = r.u64() else { return nil }
        switch tag {
        case 1: return r.string().map(FieldValue.text)
        case 2: return r.strings().map(FieldValue.textList)
        case 3: return r.string().map(FieldValue.string)
        case 4: return decodeDate(&r).map(FieldValue.date)
        case 5:
            guard let from = decodeDate(&r), let to = decodeDate(&r) else { return nil }
            return .period(Period(from: from, to: to))
        case 6: return r.bool().map(FieldValue.bool)
        case 7: return r.int().map(FieldValue.int)
        case 8: return r.string().map(FieldValue.choice)
        case 9: return r.string().map(FieldValue.ref)
        case 10: return r.strings().map(FieldValue.refs)
        case 11: return r.strings().map(FieldValue.about)
        case 12: return r.string().map { .media(MediaPath($0)) }
        case 13:
            guard let n = r.count() else { return nil }
            var records: [Record] = []
            for _ in 0..<n {
                guard let m = r.count() else { return nil }
                var values: [String: FieldValue] = [:]
                for _ in 0..<m { guard let k = r.string(), let v = decodeValue(&r) else { return nil }; values[k] = v }
                records.append(Record(values: values))
            }
            return .records(records)
        case 14: return decodeMap(&r).map(FieldValue.localizedText)
        case 15: return r.strings().map(FieldValue.languages)
        case 16:
            guard let n = r.count() else { return nil }
            var terms: [VocabularyTerm] = []
            for _ in 0..<n {
                guard let id = r.string(), let labels = decodeMap(&r), let p = decodePosition(&r), let m = r.count() else { return nil }
                var term = VocabularyTerm(id: id, labels: labels, position: p)
                for _ in 0..<m { guard let k = r.string(), let lp = decodePosition(&r) else { return nil }; term.labelPositions[k] = lp }
                terms.append(term)
            }
            return .vocabulary(terms)
        case 17: return r.string().map(FieldValue.url)
        case 18:
            guard let n = r.count() else { return nil }
            var dates: [LocalDate] = []
            for _ in 0..<n { guard let d = decodeDate(&r) else { return nil }; dates.append(d) }
            return .dates(dates)
        default: return nil
        }
    }
}
