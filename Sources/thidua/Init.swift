import ArgumentParser
import Foundation
import ThiDuaContent
import ThiDuaModel
import ThiDuaSite
import ThiDuaTheme

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new site in an empty folder. / Tạo một trang web mới trong một thư mục trống.",
        discussion: """
        Writes content/site.yml (the title, the publishing union and the languages, from the options or asked \
        for on a terminal), the publishing union's page, one sample of each kind marked sample: true, a \
        .gitignore and the CI workflow files (GitHub Actions and GitLab CI Pages). No templates/: the built-in \
        look is used. thidua build works in it at once. Refuses a folder that is not empty.
        Ghi content/site.yml (tên trang, đơn vị xuất bản, ngôn ngữ), trang của đơn vị xuất bản, một mục mẫu cho \
        mỗi loại (sample: true), .gitignore và các tệp quy trình CI. thidua build chạy được ngay. Không ghi vào \
        thư mục đã có tệp.

        Example / ví dụ:
          thidua init lao-cai --title "Điển hình tiên tiến — Công đoàn tỉnh Lào Cai" --publisher "Liên đoàn Lao động tỉnh Lào Cai"
        """
    )

    @Option(name: .long, help: ArgumentHelp("Language of messages: vi or en. / Ngôn ngữ của thông báo.", valueName: "vi|en"))
    var lang: String?

    @Argument(help: ArgumentHelp("The new site's folder (made if missing; must be empty). / Thư mục của trang mới.", valueName: "folder"))
    var folder: String

    @Option(name: .long, help: ArgumentHelp("The site's title in its first language. / Tên trang web.", valueName: "text"))
    var title: String?

    @Option(name: .customLong("title-en"), help: ArgumentHelp("The title in English (default: the same). / Tên trang bằng tiếng Anh.", valueName: "text"))
    var titleEnglish: String?

    @Option(name: .long, help: ArgumentHelp("The union that publishes the site, e.g. Liên đoàn Lao động tỉnh Lào Cai. / Đơn vị xuất bản.", valueName: "name"))
    var publisher: String?

    @Option(name: .long, help: ArgumentHelp("The site's languages, the first the default. / Các ngôn ngữ, ngôn ngữ đầu là mặc định.", valueName: "vi,en"))
    var languages: String = "vi,en"

    @Option(name: .customLong("base-url"), help: ArgumentHelp("Where the site will be published. / Địa chỉ trang web.", valueName: "url"))
    var baseURL: String = "https://example.org/"

    var messageLanguage: Language {
        SiteOptions.language(lang)
    }

    func run() throws {
        let printer = DiagnosticPrinter(language: messageLanguage)
        let root = URL(fileURLWithPath: folder, isDirectory: true).standardizedFileURL
        let fm = FileManager.default
        // A folder made by `git init` alone is still empty for this purpose.
        let present = ((try? fm.contentsOfDirectory(atPath: root.path)) ?? []).filter { $0 != ".git" }
        guard present.isEmpty else {
            printer.say(vi: "Thư mục \(root.path) đã có tệp (\(present.sorted().prefix(3).joined(separator: ", "))…): không ghi gì. Hãy chọn một thư mục trống hoặc chưa có.",
                        en: "\(root.path) is not empty (\(present.sorted().prefix(3).joined(separator: ", "))…): nothing was written. Choose an empty or new folder.")
            throw ExitCode(1)
        }
        let codes = languages.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !codes.isEmpty, codes.allSatisfy({ $0.count >= 2 && $0.allSatisfy { ("a"..."z").contains($0) } }) else {
            printer.say(vi: "--languages cần các mã ngôn ngữ, ví dụ vi,en.", en: "--languages takes language codes, e.g. vi,en.")
            throw ExitCode(2)
        }
        guard let title = try value(title, option: "--title", vi: "Tên trang web", en: "The site's title", printer: printer),
              let publisher = try value(publisher, option: "--publisher", vi: "Đơn vị xuất bản (ví dụ Liên đoàn Lao động tỉnh Lào Cai)",
                                        en: "The publishing union (e.g. Liên đoàn Lao động tỉnh Lào Cai)", printer: printer)
        else { throw ExitCode(2) }
        let publisherID = VietnameseText.slug(publisher)

        var files: [String: [UInt8]] = [:]
        for (path, bytes) in StarterSite.files {
            let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "{{publisher}}", with: publisherID)
            files[path] = Array(text.utf8)
        }
        files["content/site.yml"] = Array(siteYAML(title: title, publisherID: publisherID, codes: codes).utf8)
        files["content/units/\(publisherID).md"] = Array("""
        ---
        name: \(NewEntry.yamlString(publisher))
        kind: province-federation
        ---

        Giới thiệu đơn vị xuất bản trang web.

        """.utf8)
        do {
            for (path, bytes) in files.sorted(by: { $0.key < $1.key }) {
                let url = root.appendingPathComponent(path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(bytes).write(to: url, options: .withoutOverwriting)
            }
        } catch {
            printer.say(vi: "Không ghi được trang mới vào \(root.path): \(error.localizedDescription)",
                        en: "Could not write the new site into \(root.path): \(error.localizedDescription)")
            throw ExitCode(2)
        }
        printer.say(vi: """
            Đã tạo trang web mới trong \(root.path) (\(files.count) tệp). Tiếp theo:
              cd \(folder) && thidua serve      xem trước trên trình duyệt
              thidua new individual --name "…"  thêm một cá nhân điển hình
            Các mục mẫu có sample: true: sửa thành nội dung thật hoặc xóa đi.
            """,
            en: """
            Made a new site in \(root.path) (\(files.count) files). Next:
              cd \(folder) && thidua serve      preview it in a browser
              thidua new individual --name "…"  add an exemplary individual
            The samples have sample: true: make them real or delete them.
            """)
    }

    /// The option's value, or the answer to a question when standard input is a terminal.
    func value(_ given: String?, option: String, vi: String, en: String, printer: DiagnosticPrinter) throws -> String? {
        if let given, !given.trimmingCharacters(in: .whitespaces).isEmpty { return given }
        guard isatty(STDIN_FILENO) == 1 else {
            printer.say(vi: "Thiếu \(option): \(vi).", en: "\(option) is missing: \(en).")
            return nil
        }
        FileHandle.standardError.write(Data("\(messageLanguage == .vi ? vi : en): ".utf8))
        guard let line = readLine(), !line.trimmingCharacters(in: .whitespaces).isEmpty else {
            printer.say(vi: "Thiếu \(option): \(vi).", en: "\(option) is missing: \(en).")
            return nil
        }
        return line.trimmingCharacters(in: .whitespaces)
    }

    func siteYAML(title: String, publisherID: String, codes: [String]) -> String {
        let titles = codes.map { code in "  \(code): \(NewEntry.yamlString(code == "en" ? (titleEnglish ?? title) : title))" }
        return """
        # Cài đặt chung của trang web / site-wide settings (CONTENT-MODEL.md §3).
        title:
        \(titles.joined(separator: "\n"))
        # Địa chỉ trang web khi đã xuất bản / where the site is published.
        base_url: \(NewEntry.yamlString(baseURL))
        # Ngôn ngữ đầu tiên là mặc định / the first language is the default.
        languages: [\(codes.joined(separator: ", "))]
        # Đơn vị xuất bản (mã trong content/units/) / the publishing union.
        publisher: \(publisherID)

        # Lĩnh vực (field): mã → tên trong từng ngôn ngữ.
        fields:
          education: {vi: "Giáo dục và đào tạo", en: "Education and training"}
          health: {vi: "Y tế", en: "Health care"}
          industry: {vi: "Công nghiệp, năng lượng", en: "Industry and energy"}
          agriculture: {vi: "Nông, lâm nghiệp", en: "Agriculture and forestry"}
          construction: {vi: "Xây dựng", en: "Construction"}
          transport: {vi: "Giao thông vận tải", en: "Transport"}
          trade-services: {vi: "Thương mại, dịch vụ", en: "Trade and services"}
          public-administration: {vi: "Hành chính nhà nước", en: "Public administration"}

        # Huyện, thành phố (district): mã → tên, ví dụ
        #   tam-duong: {vi: "Huyện Tam Đường", en: "Tam Đường District"}
        districts: {}

        """
    }
}
