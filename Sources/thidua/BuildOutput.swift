import ArgumentParser
import Foundation
import ThiDuaContent
import ThiDuaModel
import ThiDuaSite

/// How much a build says while it runs and when it ends.
struct Verbosity: ParsableArguments {
    @Flag(name: .long, help: "Print only errors. / Chỉ in lỗi.")
    var quiet = false

    @Flag(name: .long, help: "Print every warning (not only the first few of each kind) and how long each step took. / In mọi cảnh báo và thời gian từng bước.")
    var verbose = false

    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together. / Không dùng --quiet cùng --verbose.") }
    }
}

/// The progress of a build: a bar redrawn in place on a terminal, one plain line per step in CI
/// or when the output goes to a file or a pipe (where a redrawn line would be noise), nothing
/// with `--quiet`.
struct BuildProgress: Sendable {
    enum Style { case bar, lines, silent }
    let style: Style
    let language: Language
    let write: @Sendable (String) -> Void

    init(quiet: Bool, language: Language, write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
        let env = ProcessInfo.processInfo.environment
        let terminal = isatty(STDERR_FILENO) == 1 && env["CI"] == nil && env["TERM"] != "dumb"
        style = quiet ? .silent : (terminal ? .bar : .lines)
        self.language = language; self.write = write
    }

    /// Called as each step ends (`BuildOptions.progress`).
    func stepEnded(_ t: StepTiming) {
        let steps = BuildStep.allCases
        let done = (steps.firstIndex(of: t.step) ?? 0) + 1
        let title = t.step.title[language] ?? t.step.rawValue
        let counted = t.count.map { " (\(Numbers.grouped($0, language)))" } ?? ""
        switch style {
        case .silent: break
        case .lines:
            write(String(format: "[%d/%d] ", done, steps.count) + title + counted + String(format: " — %.2f s\n", t.seconds))
        case .bar:
            let width = 24, filled = width * done / steps.count
            let next = done < steps.count ? (steps[done].title[language] ?? "") : title
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            // \r and "erase to the end of the line": the bar is redrawn where it stands.
            write("\r\u{1B}[2K\(bar) \(min(done + 1, steps.count))/\(steps.count) \(next)" + (done == steps.count ? "\r\u{1B}[2K" : ""))
        }
    }
}

/// Numbers as each language groups them: 15.586 in Vietnamese, 15,586 in English.
enum Numbers {
    static func grouped(_ n: Int, _ language: Language) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(language == .vi ? "." : ",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }
}

/// What a build says when it ends: pages per language, files written and unchanged, warnings, time.
enum BuildSummary {
    static func lines(_ report: BuildReport, output: String, seconds: Double, language l: Language) -> String {
        func n(_ x: Int) -> String { Numbers.grouped(x, l) }
        let perLanguage = report.pagesByLanguage.map { lang, count in
            let names = DiagnosticCatalog.languageName(lang.code), name = l == .vi ? names.vi : names.en
            return l == .vi ? "\(name) \(n(count)) trang" : "\(name) \(n(count)) pages"
        }.joined(separator: ", ")
        let warnings = report.diagnostics.filter { $0.severity == .warning }.count
        let time = String(format: "%.2f s", seconds)
        if l == .vi {
            return """
            Đã tạo trang web trong \(output) (\(time)): \(perLanguage).
              \(n(report.pagesRendered)) trang dựng mới, \(n(report.pagesKept)) trang không đổi, \(n(report.photosPublished)) ảnh (\(n(report.photosEncoded)) ảnh mã hóa mới), \(n(report.filesCopied)) tệp giao diện và tệp đính kèm; \(n(warnings)) cảnh báo.

            """
        }
        return """
        Built the site into \(output) (\(time)): \(perLanguage).
          \(n(report.pagesRendered)) pages rendered anew, \(n(report.pagesKept)) unchanged, \(n(report.photosPublished)) photos (\(n(report.photosEncoded)) encoded now), \(n(report.filesCopied)) asset and media files; \(n(warnings)) warning(s).

        """
    }
}

extension Build {
    /// The build with its progress, its diagnostics (a few of each kind of warning unless
    /// `--verbose`) and its summary; exits with the build's status.
    func runBuild(_ buildOptions: BuildOptions) -> Never {
        var buildOptions = buildOptions
        let language = options.messageLanguage
        let progress = BuildProgress(quiet: verbosity.quiet, language: language)
        buildOptions.progress = { progress.stepEnded($0) }
        let started = ContinuousClock.now
        let report = SiteBuilder.build(buildOptions)
        let elapsed = ContinuousClock.now - started
        var printer = DiagnosticPrinter(language: language)
        printer.warningsPerCode = verbosity.verbose ? nil : 3
        printer.print(verbosity.quiet ? report.diagnostics.filter { $0.severity == .error } : report.diagnostics)
        if !verbosity.quiet {
            for note in report.notes { printer.say(vi: note[.vi] ?? "", en: note[.en] ?? "") }
        }
        if report.published {
            if !verbosity.quiet {
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                printer.sink(BuildSummary.lines(report, output: buildOptions.outputDirectory.path, seconds: seconds, language: language), false)
            }
        } else if !report.diagnostics.isEmpty {
            printer.say(vi: "Chưa tạo trang: hãy sửa các lỗi trên. Trang đã xuất bản trước đó được giữ nguyên.",
                        en: "Nothing was written: fix the errors above. The previously published site is unchanged.")
        }
        if timings || verbosity.verbose {
            for t in report.timings {
                let seconds = String(format: "%8.3f s  ", t.seconds)
                printer.say(vi: seconds + t.step.title[.vi]!, en: seconds + t.step.title[.en]!)
            }
        }
        // Exits here, with the built site still held (`BuildReport.built`): nothing left to free.
        withExtendedLifetime(report) { Foundation.exit(printer.exitCode(report.diagnostics, strict: false)) }
    }
}
