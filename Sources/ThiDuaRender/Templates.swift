import Foundation
import Mustache
import ThiDuaContent
import ThiDuaModel

/// The site's templates (`templates/**/*.mustache`, over the built-in theme's), loaded once and checked
/// before any page is rendered: a template or partial that does not exist is an error, never empty output.
public struct TemplateSet: Sendable {
    let library: MustacheLibrary
    /// Templates that exist but could not be read or did not parse.
    let failed: [String]
    /// Template name (path under templates/ without `.mustache`) → its text, for the checks.
    public let sources: [String: String]
    /// Names whose file is the built-in theme's (the site does not override it), for naming files in diagnostics.
    let builtin: Set<String>

    /// Loads every `.mustache` file of the theme (the site's `templates/` over the built-in theme) except `assets/`.
    public static func load(from theme: SourceTree) -> (TemplateSet, [Diagnostic]) {
        HTMLEscaping.register()
        var library = MustacheLibrary(), sources: [String: String] = [:], diagnostics: [Diagnostic] = [], builtin: Set<String> = []
        let paths: [String]
        do { paths = try theme.themeFiles() } catch {
            diagnostics.append(DiagnosticCatalog.readFailure(error, file: (error as? ContentSourceError)?.path ?? "templates"))
            paths = []
        }
        let folder = SourceTree.themeFolder
        let files = paths.map { String($0.dropFirst(folder.count)) }
            .filter { $0.hasSuffix(".mustache") && !$0.hasPrefix("assets/") }
        for file in files {
            let name = String(file.dropLast(".mustache".count))
            let source: SourceFile
            do { source = try theme.file(folder + file) } catch {
                diagnostics.append(DiagnosticCatalog.readFailure(error, file: folder + file))
                continue
            }
            let relative = source.displayName
            if source.builtin { builtin.insert(name) }
            guard let text = String(validating: source.bytes, as: UTF8.self) else {
                diagnostics.append(DiagnosticCatalog.themeEncoding(file: relative))
                continue
            }
            do {
                try library.register(HTMLEscaping.pragma + text, named: name)
                sources[name] = text
            } catch let error as MustacheTemplate.ParserError {
                var problem = Self.describe(error.error)
                // The pragma line before the staff's text is not theirs: lines count from their first.
                var line = max(1, error.context.lineNumber - 1), column = error.context.columnNumber
                // A section never closed: the parser stops at the end of the file; point at the section instead.
                if case .expectedSectionEnd? = error.error as? MustacheTemplate.Error, let open = Self.unclosedSection(in: text) {
                    (line, column) = (open.line, open.column)
                    problem = LocalizedText([.vi: "phần {{\(open.tag)}} mở ở đây nhưng không bao giờ đóng",
                                             .en: "the section {{\(open.tag)}} opened here is never closed"])
                }
                diagnostics.append(DiagnosticCatalog.templateSyntax(file: relative, at: Position(line: line, column: column), problem: problem))
            } catch {
                diagnostics.append(DiagnosticCatalog.templateSyntax(file: relative, at: nil, problem: Self.describe(error)))
            }
        }
        let failed = files.map { String($0.dropLast(".mustache".count)) }.filter { sources[$0] == nil }
        return (TemplateSet(library: library, sources: sources, failed: failed, builtin: builtin), diagnostics)
    }

    /// `templates/<name>.mustache`, marked when the file is the built-in theme's.
    func file(_ name: String) -> String {
        SourceTree.displayName("templates/\(name).mustache", builtin: builtin.contains(name))
    }

    /// The parser's error in plain words (its case names mean nothing to the staff who edit templates).
    static func describe(_ error: Error) -> LocalizedText {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?:
            LocalizedText([.vi: "thẻ đóng {{/…}} không cùng tên với thẻ {{#…}} đang mở", .en: "a closing {{/…}} tag does not match the name of the open {{#…}} section"])
        case .expectedSectionEnd?:
            LocalizedText([.vi: "một phần {{#…}} hoặc {{^…}} được mở nhưng không bao giờ đóng", .en: "a {{#…}} or {{^…}} section is opened but never closed"])
        case .unfinishedName?:
            LocalizedText([.vi: "một thẻ chưa viết xong (thiếu '}}' hoặc tên)", .en: "a tag is not finished (its name or its '}}' is missing)"])
        case .invalidSetDelimiter?:
            LocalizedText([.vi: "thẻ đổi dấu phân cách {{=… …=}} viết sai", .en: "a {{=… …=}} delimiter tag is malformed"])
        case .transformAppliedToInheritanceSection?, .illegalTokenInsideInheritSection?, .textInsideInheritSection?:
            LocalizedText([.vi: "bên trong {{<…}} chỉ được có các khối {{$…}}", .en: "only {{$…}} blocks may stand inside a {{<…}} parent"])
        case .invalidConfigVariableSyntax?, .unrecognisedConfigVariable?:
            LocalizedText([.vi: "thẻ cấu hình {{%…}} không hợp lệ", .en: "a {{%…}} configuration tag is not valid"])
        case nil:
            LocalizedText([.vi: "\(error)", .en: "\(error)"])
        }
    }

    init(library: MustacheLibrary, sources: [String: String], failed: [String], builtin: Set<String>) {
        self.library = library; self.sources = sources; self.failed = failed; self.builtin = builtin
    }

    /// Checks that the named templates exist, that every partial or parent a template names
    /// exists, and that every `t.` key a template uses is in every language's strings.
    public func check(required: [String], strings: [Language: Strings]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let unparsable = Set(failed)
        for name in required where sources[name] == nil && !unparsable.contains(name) {
            diagnostics.append(DiagnosticCatalog.templateMissing(name: name))
        }
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
            let file = file(name)
            // A partial that exists but could not be read or parsed has its own error already.
            for (line, column, partial) in Self.partialReferences(in: text) where sources[partial] == nil && !unparsable.contains(partial) {
                diagnostics.append(DiagnosticCatalog.templatePartialMissing(file: file, at: Position(line: line, column: column),
                                                                            partial: partial, suggestion: nearest(partial, in: Array(sources.keys))))
            }
            for (line, column, key) in Self.stringReferences(in: text) {
                for (language, s) in strings.sorted(by: { $0.key < $1.key }) where s.lookup(key) == nil {
                    var d = DiagnosticCatalog.i18nKeyMissing(key: key, language: language,
                        usedIn: SourceTree.displayName("templates/\(name).mustache:\(line)", builtin: builtin.contains(name)))
                    d.file = file; d.line = line; d.column = column
                    diagnostics.append(d)
                }
            }
        }
        return diagnostics
    }

    /// Renders `template` with `context`; the caller has checked that it exists.
    public func render(_ template: String, _ context: TemplateValue) -> String {
        library.render(context, withTemplate: template) ?? ""
    }

    /// The last `{{#…}}`, `{{^…}}`, `{{$…}}` or `{{<…}}` left open, with the line and column of its tag.
    static func unclosedSection(in text: String) -> (line: Int, column: Int, tag: String)? {
        var open: [(line: Int, column: Int, tag: String, name: String)] = []
        for (line, column, tag) in tags(in: text) {
            guard let first = tag.first else { continue }
            let name = tag.dropFirst().trimmingCharacters(in: .whitespaces)
            if "#^$<".contains(first) {
                open.append((line, column, tag, name))
            } else if first == "/", let i = open.lastIndex(where: { $0.name == name }) {
                open.removeSubrange(i...)
            }
        }
        return open.last.map { ($0.line, $0.column, $0.tag) }
    }

    /// `{{> name}}` and `{{< name}}` with their line and column.
    static func partialReferences(in text: String) -> [(Int, Int, String)] {
        tags(in: text).compactMap { line, column, tag in
            guard let first = tag.first, first == ">" || first == "<" else { return nil }
            let name = tag.dropFirst().trimmingCharacters(in: .whitespaces)
            return name.isEmpty ? nil : (line, column, name)
        }
    }

    /// `{{t.some.key}}` (also `{{{…}}}` and sections) with their line and column.
    static func stringReferences(in text: String) -> [(Int, Int, String)] {
        tags(in: text).compactMap { line, column, tag in
            var name = Substring(tag)
            if let f = name.first, "#^/&{".contains(f) { name = name.dropFirst() }
            name = Substring(name.trimmingCharacters(in: .whitespaces))
            if name.hasSuffix("}") { name = name.dropLast() }
            guard name.hasPrefix("t.") else { return nil }
            return (line, column, String(name.dropFirst(2)))
        }
    }

    /// The inside of every `{{…}}` tag, with the 1-based line and column of its `{{`.
    static func tags(in text: String) -> [(Int, Int, String)] {
        var out: [(Int, Int, String)] = []
        var line = 1, column = 1
        var i = text.startIndex
        while i < text.endIndex {
            if text[i...].hasPrefix("{{"), let close = text[i...].range(of: "}}") {
                let inner = text[text.index(i, offsetBy: 2)..<close.lowerBound]
                out.append((line, column, inner.trimmingCharacters(in: .whitespaces)))
                for ch in text[i..<close.upperBound] {
                    if ch == "\n" { line += 1; column = 1 } else { column += 1 }
                }
                i = close.upperBound
                continue
            }
            if text[i] == "\n" { line += 1; column = 1 } else { column += 1 }
            i = text.index(after: i)
        }
        return out
    }
}

/// The closest candidate by edit distance, when close enough to be a likely typo.
public func nearest(_ word: String, in candidates: [String]) -> String? {
    func distance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, ca) in a.enumerated() {
            var current = [i + 1]
            for (j, cb) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
    let w = Array(word)
    let best = candidates.sorted().map { ($0, distance(w, Array($0))) }.min { $0.1 < $1.1 }
    guard let (name, d) = best, d <= max(2, word.count / 3) else { return nil }
    return name
}

/// HTML escaping exactly as swift-mustache's own (`<`, `>`, `&`, `"`, `'`), over UTF-8 bytes.
/// Its escaper walks Characters through a dictionary and was a sixth of a whole build; most
/// values have nothing to escape and are returned as they are. It reaches the engine through
/// the engine's documented way to change escaping: a registered content type, named by a
/// `{{% CONTENT_TYPE: … }}` pragma that each template is given on a line of its own.
enum HTMLEscaping: MustacheContentType {
    case html

    static let name = "THIDUA_HTML"
    /// A standalone tag on its own line, so the engine drops the line from the output.
    static let pragma = "{{% CONTENT_TYPE: \(name) }}\n"

    /// Registers the content type (once; the engine looks it up by name while parsing).
    static func register() { _ = registration }
    private static let registration: Void = MustacheContentTypes.register(HTMLEscaping.html, named: name)

    func escapeText(_ text: String) -> String { Self.escape(text) }

    static func escape(_ text: String) -> String {
        var utf8 = text
        return utf8.withUTF8 { bytes -> String in
            guard let first = bytes.firstIndex(where: needsEscape) else { return text }
            var out = [UInt8]()
            out.reserveCapacity(bytes.count + 16)
            out.append(contentsOf: bytes[..<first])
            for b in bytes[first...] {
                switch b {
                case 0x3C: out.append(contentsOf: "&lt;".utf8)
                case 0x3E: out.append(contentsOf: "&gt;".utf8)
                case 0x26: out.append(contentsOf: "&amp;".utf8)
                case 0x22: out.append(contentsOf: "&quot;".utf8)
                case 0x27: out.append(contentsOf: "&#39;".utf8)
                default: out.append(b)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    @inline(__always) static func needsEscape(_ b: UInt8) -> Bool {
        b == 0x3C || b == 0x3E || b == 0x26 || b == 0x22 || b == 0x27
    }
}

/// Text made safe inside HTML, escaped as the templates escape values (for HTML built outside a template: serve's error box).
public func htmlEscaped(_ text: String) -> String { HTMLEscaping.escape(text) }
