import Foundation
import ThiDuaModel

/// Prints diagnostics once, sorted, like a compiler (`file:line:col: error[code]: message`),
/// with colour only on a terminal, followed by a count.
struct DiagnosticPrinter {
    let language: Language
    let colour = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil

    func print(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        var out = ""
        for d in diagnostics.sorted() {
            var location = d.file ?? "thidua"
            if let line = d.line { location += ":\(line)"; if let c = d.column { location += ":\(c)" } }
            let label = d.severity == .error ? (language == .vi ? "lỗi" : "error") : (language == .vi ? "cảnh báo" : "warning")
            let coloured = colour ? (d.severity == .error ? "\u{1B}[1;31m\(label)\u{1B}[0m" : "\u{1B}[1;33m\(label)\u{1B}[0m") : label
            out += "\(location): \(coloured)[\(d.code)]: \(text(d.message))\n"
            if let fix = d.fix { out += "    \(language == .vi ? "cách sửa" : "fix"): \(text(fix))\n" }
        }
        let errors = diagnostics.filter { $0.severity == .error }.count, warnings = diagnostics.count - errors
        out += language == .vi ? "\(errors) lỗi, \(warnings) cảnh báo.\n" : "\(errors) error(s), \(warnings) warning(s).\n"
        FileHandle.standardError.write(Data(out.utf8))
    }

    func say(vi: String, en: String) {
        FileHandle.standardError.write(Data(((language == .vi ? vi : en) + "\n").utf8))
    }

    func text(_ t: LocalizedText) -> String { t[language] ?? t[.en] ?? t[.vi] ?? "" }

    /// 2 for problems with the folder or the environment, 1 for content errors, 0 otherwise.
    func exitCode(_ diagnostics: [Diagnostic], strict: Bool) -> Int32 {
        if diagnostics.contains(where: { $0.severity == .error && $0.code.hasPrefix("io.") }) { return 2 }
        if diagnostics.hasErrors || (strict && !diagnostics.isEmpty) { return 1 }
        return 0
    }
}
