import ArgumentParser
import Foundation
import ThiDuaModel
import ThiDuaSite

@main
struct ThiDua: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "thidua",
        abstract: "Build the website of a trade union's emulation movements, exemplary models and commendations. / Tạo trang web về phong trào thi đua, điển hình tiên tiến và khen thưởng.",
        discussion: """
        A site is a folder with content/ (what the site says) and, optionally, templates/ (how it
        looks): the default look is built in, and a file in templates/ replaces the built-in file of
        the same path. Run the commands from that folder, or name it with --site.

        Examples:
          thidua build                      build the site in this folder into output/
          thidua build --site ../site       build another site
          thidua check                      find mistakes in the content without writing anything
          thidua theme export               write the built-in look into templates/, to change it
        """,
        subcommands: [Build.self, Check.self, Serve.self, New.self, Init.self, Theme.self]
    )
}

/// Options every command shares.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site folder (the one holding content/ and, if any, templates/). Default: the current folder. / Thư mục trang web (chứa content/ và templates/ nếu có). Mặc định: thư mục hiện tại.", valueName: "folder"))
    var site: String = "."

    @Option(name: .long, help: ArgumentHelp("Language of messages: vi or en. Default: from LANG, Vietnamese when unsure.", valueName: "vi|en"))
    var lang: String?

    var siteURL: URL { URL(fileURLWithPath: site, isDirectory: true) }
    var messageLanguage: Language { Self.language(lang) }

    /// `--lang` when given, else the locale's language; Vietnamese when unsure.
    static func language(_ lang: String?) -> Language {
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

    @Option(name: .long, help: ArgumentHelp("Use this address instead of site.yml's base_url (a preview of a branch published elsewhere).", valueName: "url"))
    var baseURL: String?

    @OptionGroup var verbosity: Verbosity

    func run() throws {
        runBuild(BuildOptions(siteDirectory: options.siteURL,
                              outputDirectory: output.map { URL(fileURLWithPath: $0, isDirectory: true) },
                              includeDrafts: drafts, full: full, baseURL: baseURL))
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
        --format gitlab prints a GitLab Code Quality report (a JSON array; artifacts: reports: codequality).
        """
    )

    @OptionGroup var options: SiteOptions

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    @Flag(name: .long, help: "Check entries marked draft: true as well.")
    var drafts = false

    @Option(name: .long, help: ArgumentHelp("How to print problems: text (for people), json (for tools), github (workflow annotations) or gitlab (a Code Quality report).", valueName: "text|json|github|gitlab"))
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

struct Theme: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The built-in look (templates, CSS, interface strings). / Bộ giao diện có sẵn (mẫu trang, CSS, chuỗi giao diện).",
        discussion: """
        The built-in theme is part of thidua: a site needs no templates/ folder. To change the look, \
        export it and edit the files you want; a file in the site's templates/ replaces the built-in file \
        of the same path, file by file, and you may delete the files you leave as they are.
        Bộ giao diện có sẵn nằm trong thidua: trang web không cần thư mục templates/. Muốn đổi giao diện, \
        hãy xuất nó ra rồi sửa các tệp cần sửa; mỗi tệp trong templates/ của trang thay cho tệp có sẵn \
        cùng đường dẫn, và có thể xóa những tệp giữ nguyên.
        """,
        subcommands: [Export.self]
    )

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the built-in theme's files into a folder, to customise them. / Ghi các tệp của bộ giao diện có sẵn ra một thư mục để sửa.",
            discussion: """
            Never overwrites: when any of the files already exists, nothing is written and the exit status is 1.
            Không bao giờ ghi đè: nếu có tệp nào đã tồn tại thì không tệp nào được ghi, mã thoát là 1.
            """
        )

        @OptionGroup var options: SiteOptions

        @Argument(help: ArgumentHelp("Where to write the theme. Default: templates/ inside the site folder. / Nơi ghi bộ giao diện. Mặc định: templates/ trong thư mục trang web.", valueName: "folder"))
        var folder: String?

        func run() throws {
            let target = folder.map { URL(fileURLWithPath: $0, isDirectory: true) }
                ?? options.siteURL.appendingPathComponent("templates", isDirectory: true)
            let (written, diagnostics) = ThemeExport.export(to: target)
            let printer = DiagnosticPrinter(language: options.messageLanguage)
            printer.print(diagnostics)
            if diagnostics.isEmpty {
                printer.say(vi: "Đã ghi \(written.count) tệp của bộ giao diện có sẵn vào \(target.path). Sửa tệp nào thì tệp đó thay cho tệp có sẵn.",
                            en: "Wrote the built-in theme's \(written.count) files to \(target.path). Each file you edit replaces the built-in one.")
            }
            throw ExitCode(printer.exitCode(diagnostics, strict: false))
        }
    }
}
