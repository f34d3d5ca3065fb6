import Foundation
import ThiDuaModel

/// Prints diagnostics once, sorted: like a compiler for people
/// (`file:line:col: error[code]: message`, colour only on a terminal, then a count),
/// as JSON for tools, or as GitHub workflow annotations.
public struct DiagnosticPrinter: Sendable {
    public enum Format: String, CaseIterable, Sendable { case text, json, github, gitlab }

    public let language: Language
    public var format: Format
    public var colour: Bool
    /// Text only: how many warnings of one code are printed before the rest are summed up in a
    /// line (`… and 998 more consent.missing`); nil prints every one (`--verbose`, `thidua check`).
    public var warningsPerCode: Int?
    /// Where text goes; standard error and output by default, a buffer in tests.
    public var sink: @Sendable (_ text: String, _ toStandardOutput: Bool) -> Void

    public init(language: Language, format: Format = .text, colour: Bool? = nil,
                sink: @escaping @Sendable (String, Bool) -> Void = { text, out in
                    (out ? FileHandle.standardOutput : FileHandle.standardError).write(Data(text.utf8))
                }) {
        self.language = language; self.format = format; self.sink = sink; self.warningsPerCode = nil
        self.colour = colour ?? (isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
    }

    public func print(_ diagnostics: [Diagnostic]) {
        let sorted = diagnostics.sorted()
        switch format {
        case .text: printText(sorted)
        case .json: write(json(sorted), to: .standardOutput)
        case .github: write(sorted.map(annotation).joined(), to: .standardOutput)
        case .gitlab: write(codeQuality(sorted), to: .standardOutput)
        }
    }

    private func printText(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        var out = "", shown: [DiagnosticCode: Int] = [:], held: [DiagnosticCode: Int] = [:]
        for d in diagnostics {
            if d.severity == .warning, let limit = warningsPerCode {
                shown[d.code, default: 0] += 1
                if shown[d.code]! > limit { held[d.code, default: 0] += 1; continue }
            }
            let label = d.severity == .error ? (language == .vi ? "lỗi" : "error") : (language == .vi ? "cảnh báo" : "warning")
            let coloured = colour ? (d.severity == .error ? "\u{1B}[1;31m\(label)\u{1B}[0m" : "\u{1B}[1;33m\(label)\u{1B}[0m") : label
            out += "\(location(d)): \(coloured)[\(d.code.rawValue)]: \(text(d.message))\n"
            if let fix = d.fix { out += "    \(language == .vi ? "cách sửa" : "fix"): \(text(fix))\n" }
        }
        for (code, count) in held.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            out += language == .vi ? "… và \(count) cảnh báo \(code.rawValue) nữa\n" : "… and \(count) more \(code.rawValue)\n"
        }
        if !held.isEmpty {
            out += language == .vi ? "(--verbose hoặc thidua check liệt kê tất cả.)\n" : "(--verbose or thidua check lists them all.)\n"
        }
        let errors = diagnostics.filter { $0.severity == .error }.count, warnings = diagnostics.count - errors
        out += language == .vi ? "\(errors) lỗi, \(warnings) cảnh báo.\n" : "\(errors) error(s), \(warnings) warning(s).\n"
        write(out, to: .standardError)
    }

    private func location(_ d: Diagnostic) -> String {
        var location = d.file ?? "thidua"
        if let line = d.line { location += ":\(line)"; if let c = d.column { location += ":\(c)" } }
        return location
    }

    private func json(_ diagnostics: [Diagnostic]) -> String {
        func str(_ s: String?) -> String { s.map(jsonString) ?? "null" }
        func num(_ n: Int?) -> String { n.map(String.init) ?? "null" }
        let items = diagnostics.map { d in
            "{\"file\":\(str(d.file)),\"line\":\(num(d.line)),\"column\":\(num(d.column)),\"severity\":\(str(d.severity.rawValue)),"
                + "\"code\":\(str(d.code.rawValue)),\"message\":\(str(text(d.message))),\"fix\":\(str(d.fix.map(text)))}"
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        return "{\"diagnostics\":[\(items.joined(separator: ","))],\"errors\":\(errors),\"warnings\":\(diagnostics.count - errors)}\n"
    }

    /// `::error file=…,line=…,col=…,title=…::message`, escaped as the workflow-command syntax requires.
    private func annotation(_ d: Diagnostic) -> String {
        func property(_ s: String) -> String {
            s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
                .replacingOccurrences(of: "\n", with: "%0A").replacingOccurrences(of: ":", with: "%3A")
                .replacingOccurrences(of: ",", with: "%2C")
        }
        func data(_ s: String) -> String {
            s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
        }
        var props: [String] = []
        if let f = d.file { props.append("file=\(property(f))") }
        if let l = d.line { props.append("line=\(l)") }
        if let c = d.column { props.append("col=\(c)") }
        props.append("title=\(property(d.code.rawValue))")
        var message = text(d.message)
        if let fix = d.fix { message += " " + text(fix) }
        return "::\(d.severity == .error ? "error" : "warning") \(props.joined(separator: ","))::\(data(message))\n"
    }

    /// A GitLab Code Quality report: a JSON array, each problem with a stable fingerprint (GitLab
    /// matches problems across pipelines by it) and the file and line it is at.
    private func codeQuality(_ diagnostics: [Diagnostic]) -> String {
        let items = diagnostics.map { d -> String in
            var message = text(d.message)
            if let fix = d.fix { message += " " + text(fix) }
            var h = StableHasher()
            h.combine(d.code.rawValue); h.combine(d.file ?? ""); h.combine(d.line ?? 0); h.combine(d.message[.en] ?? "")
            let fingerprint = String(h.value, radix: 16)
            return "{\"description\":\(jsonString(message)),\"check_name\":\(jsonString(d.code.rawValue)),"
                + "\"fingerprint\":\(jsonString(fingerprint)),\"severity\":\(jsonString(d.severity == .error ? "major" : "minor")),"
                + "\"location\":{\"path\":\(jsonString(d.file ?? "content/site.yml")),\"lines\":{\"begin\":\(d.line ?? 1)}}}"
        }
        return "[" + items.joined(separator: ",") + "]\n"
    }

    /// Per language: how many entries are translated, missing and stale, then which.
    public func printTranslations(_ coverage: [TranslationCoverage]) {
        var out = ""
        for c in coverage {
            if format == .json {
                let list = { (refs: [EntityRef]) in "[" + refs.map { jsonString($0.description) }.joined(separator: ",") + "]" }
                out += "{\"language\":\(jsonString(c.language.code)),\"translated\":\(list(c.translated)),\"missing\":\(list(c.missing)),\"stale\":\(list(c.stale))}\n"
                continue
            }
            out += language == .vi
                ? "Bản dịch '\(c.language.code)': \(c.translated.count) đã dịch, \(c.missing.count) chưa dịch, \(c.stale.count) lỗi thời.\n"
                : "Translations '\(c.language.code)': \(c.translated.count) translated, \(c.missing.count) missing, \(c.stale.count) stale.\n"
            for ref in c.missing { out += "  \(language == .vi ? "chưa dịch" : "missing"): \(ref)\n" }
            for ref in c.stale { out += "  \(language == .vi ? "lỗi thời" : "stale"): \(ref)\n" }
        }
        write(out, to: format == .json ? Stream.standardOutput : Stream.standardError)
    }

    public func say(vi: String, en: String) {
        write((language == .vi ? vi : en) + "\n", to: .standardError)
    }

    func text(_ t: LocalizedText) -> String { t[language] ?? t[.en] ?? t[.vi] ?? "" }

    /// 2 for problems with the folder or the environment, 1 for content errors, 0 otherwise.
    public func exitCode(_ diagnostics: [Diagnostic], strict: Bool) -> Int32 {
        if diagnostics.contains(where: { $0.severity == .error && $0.code.isIO }) { return 2 }
        if diagnostics.hasErrors || (strict && !diagnostics.isEmpty) { return 1 }
        return 0
    }

    private enum Stream { case standardOutput, standardError }
    private func write(_ s: String, to stream: Stream) { sink(s, stream == .standardOutput) }
}

/// A JSON string literal, escaped (written by hand: a handful of lines, and the key order stays fixed).
func jsonString(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case let c where c.value < 0x20: out += String(format: "\\u%04x", c.value)
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}
