import ArgumentParser
import Foundation
import ThiDuaModel
import ThiDuaSite

@main
struct ThiDua: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "thidua",
        abstract: "Build the website of a trade union's emulation movements, exemplary models and commendations. / Tạo trang web về phong trào thi đua, điển hình tiên tiến và khen thưởng.",
        discussion: """
        A site is a folder with content/ (what the site says) and templates/ (how it looks).
        Run the commands from that folder, or name it with --site.

        Examples:
          thidua build                      build the site in this folder into output/
          thidua build --site ../site       build another site
          thidua check                      find mistakes in the content without writing anything
        """,
        subcommands: [Build.self, Check.self]
    )
}

/// Options every command shares.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site folder (the one holding content/ and templates/). Default: the current folder.", valueName: "folder"))
    var site: String = "."

    @Option(name: .long, help: ArgumentHelp("Language of messages: vi or en. Default: from LANG, Vietnamese when unsure.", valueName: "vi|en"))
    var lang: String?

    var siteURL: URL { URL(fileURLWithPath: site, isDirectory: true) }
    var messageLanguage: Language {
        if let lang { return Language(lang) }
        let env = ProcessInfo.processInfo.environment
        let locale = env["LC_ALL"] ?? env["LC_MESSAGES"] ?? env["LANG"] ?? ""
        return locale.hasPrefix("en") ? .en : .vi
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the content and write the whole site to the output folder.",
        discussion: """
        Nothing is written when the content has an error: the site published before stays exactly as it was.
        The new site is written beside the output folder and swapped in only when complete.
        """
    )

    @OptionGroup var options: SiteOptions

    @Option(name: .long, help: ArgumentHelp("Where to write the site. Default: output/ inside the site folder. It is replaced entirely on every build.", valueName: "folder"))
    var output: String?

    @Flag(name: .long, help: "Include entries marked draft: true (to preview them; never for publishing).")
    var drafts = false

    @Flag(name: .long, help: "Print how long each step of the build took.")
    var timings = false

    @Flag(name: .long, help: "Make every page anew, ignoring what the last build left (by default only the pages whose inputs changed are rendered again).")
    var full = false

    func run() throws {
        let buildOptions = BuildOptions(siteDirectory: options.siteURL,
                                        outputDirectory: output.map { URL(fileURLWithPath: $0, isDirectory: true) },
                                        includeDrafts: drafts, full: full)
        let report = SiteBuilder.build(buildOptions)
        let printer = DiagnosticPrinter(language: options.messageLanguage)
        printer.print(report.diagnostics)
        for note in report.notes { printer.say(vi: note[.vi] ?? "", en: note[.en] ?? "") }
        if report.published {
            let kept = report.pagesKept
            printer.say(vi: "Đã tạo \(report.pagesWritten) trang (\(report.pagesRendered) dựng mới, \(kept) không đổi) và chép \(report.filesCopied) tệp vào \(buildOptions.outputDirectory.path).",
                        en: "Wrote \(report.pagesWritten) pages (\(report.pagesRendered) rendered, \(kept) unchanged) and copied \(report.filesCopied) files to \(buildOptions.outputDirectory.path).")
        } else if !report.diagnostics.isEmpty {
            printer.say(vi: "Chưa tạo trang: hãy sửa các lỗi trên. Trang đã xuất bản trước đó được giữ nguyên.",
                        en: "Nothing was written: fix the errors above. The previously published site is unchanged.")
        }
        if timings {
            for t in report.timings {
                let seconds = String(format: "%8.3f s  ", t.seconds)
                printer.say(vi: seconds + t.step.title[.vi]!, en: seconds + t.step.title[.en]!)
            }
        }
        throw ExitCode(printer.exitCode(report.diagnostics, strict: false))
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find mistakes in the content and templates, without writing anything.",
        discussion: """
        Exit status: 0 when there is no error (warnings allowed unless --strict), 1 when the content has errors, \
        2 when the folder cannot be read or the command is wrong.

        --format json prints one JSON object to standard output:
          {"diagnostics": [{"file", "line", "column", "severity", "code", "message", "fix"}], "errors": N, "warnings": N}
        (file, line, column and fix may be null; message and fix are in the --lang language).
        --format github prints GitHub Actions annotations (::error file=…,line=…,col=…,title=…::message).
        """
    )

    @OptionGroup var options: SiteOptions

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    @Flag(name: .long, help: "Check entries marked draft: true as well.")
    var drafts = false

    @Option(name: .long, help: ArgumentHelp("How to print problems: text (for people), json (for tools) or github (workflow annotations).", valueName: "text|json|github"))
    var format: DiagnosticPrinter.Format = .text

    @Flag(name: .long, help: "Also report, per language, which entries are translated, missing or stale.")
    var translations = false

    func run() throws {
        let buildOptions = BuildOptions(siteDirectory: options.siteURL, includeDrafts: drafts)
        let report = SiteBuilder.check(buildOptions)
        let printer = DiagnosticPrinter(language: options.messageLanguage, format: format)
        printer.print(report.diagnostics)
        if translations, let coverage = report.translations {
            printer.printTranslations(coverage)
        }
        if report.diagnostics.isEmpty && format == .text {
            printer.say(vi: "Không có lỗi.", en: "No problems found.")
        }
        throw ExitCode(printer.exitCode(report.diagnostics, strict: strict))
    }
}
