import ArgumentParser
import Foundation
import ThiDuaContent
import ThiDuaModel
import ThiDuaSite
import Yams

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new entry from a template with every field explained. / Tạo một mục mới từ mẫu, mỗi trường có chú thích.",
        discussion: """
        Writes content/<kind>/<id>.<language>.md with every field of its kind, each explained in a comment \
        (Vietnamese; English with --lang en), today's date where a date is needed, and the id made from the \
        name (Đoàn Thị Được → doan-thi-duoc). Never overwrites a file. Then fill in the empty values: \
        thidua check names the ones still missing.
        Ghi content/<loại>/<mã>.<ngôn ngữ>.md có đủ các trường, mỗi trường có chú thích, ngày hôm nay ở chỗ \
        cần ngày, mã lấy từ tên. Không bao giờ ghi đè. Sau đó điền các giá trị còn trống: thidua check chỉ ra \
        những trường còn thiếu.

        Kinds / loại: \(EntityKind.allCases.map { NewEntry.singular($0) }.joined(separator: ", "))
        Example / ví dụ: thidua new individual --name "Đoàn Thị Được"
        """
    )

    @OptionGroup var options: SiteOptions

    @Argument(help: ArgumentHelp("What to create: individual, collective, unit, campaign, award, story, page… / Loại mục.", valueName: "kind"))
    var kind: String

    @Argument(help: ArgumentHelp("The file's id (default: made from --name). / Mã của tệp (mặc định: lấy từ --name).", valueName: "id"))
    var id: String?

    @Option(name: .long, help: ArgumentHelp("The name or title to fill in. / Tên hoặc tiêu đề.", valueName: "text"))
    var name: String?

    @Option(name: .long, help: ArgumentHelp("The date to fill in (default: today). / Ngày điền vào (mặc định: hôm nay).", valueName: "YYYY-MM-DD"))
    var date: String?

    func run() throws {
        let printer = DiagnosticPrinter(language: options.messageLanguage)
        func fail(vi: String, en: String) -> ExitCode {
            printer.say(vi: vi, en: en)
            return ExitCode(2)
        }
        let kinds = EntityKind.allCases.map { NewEntry.singular($0) }.joined(separator: ", ")
        guard let entityKind = NewEntry.kind(named: kind) else {
            throw fail(vi: "Không có loại mục '\(kind)'. Các loại: \(kinds).", en: "There is no kind '\(kind)'. The kinds: \(kinds).")
        }
        let fileID = id ?? name.map(VietnameseText.slug) ?? ""
        guard !fileID.isEmpty else {
            throw fail(vi: "Hãy cho mã của tệp hoặc tên: thidua new \(kind) --name \"…\"", en: "Give the file's id or a name: thidua new \(kind) --name \"…\"")
        }
        guard fileID.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) else {
            throw fail(vi: "Mã '\(fileID)' chỉ được có chữ thường không dấu, chữ số và dấu '-', ví dụ \(VietnameseText.slug(fileID)).",
                       en: "The id '\(fileID)' may hold only lower-case ASCII letters, digits and '-', e.g. \(VietnameseText.slug(fileID)).")
        }
        let day: LocalDate
        if let date {
            guard let d = LocalDate(iso: date) else {
                throw fail(vi: "Ngày '\(date)' không đúng dạng NNNN-TT-NN.", en: "The date '\(date)' is not YYYY-MM-DD.")
            }
            day = d
        } else {
            let c = Calendar(identifier: .gregorian).dateComponents(in: .current, from: Date())
            day = LocalDate(year: c.year!, month: c.month!, day: c.day!)!
        }
        let language = Self.defaultLanguage(of: options.siteURL)
        let folder = options.siteURL.appendingPathComponent("content/\(entityKind.rawValue)", isDirectory: true)
        let relative = "content/\(entityKind.rawValue)/\(fileID).\(language.code).md"
        let file = options.siteURL.appendingPathComponent(relative)
        for existing in [file, folder.appendingPathComponent("\(fileID).md")] where FileManager.default.fileExists(atPath: existing.path) {
            printer.say(vi: "Đã có tệp \(existing.path): không ghi đè. Hãy chọn mã khác, ví dụ: thidua new \(kind) \(fileID)-2",
                        en: "\(existing.path) already exists: not overwritten. Choose another id, e.g.: thidua new \(kind) \(fileID)-2")
            throw ExitCode(1)
        }
        let text = NewEntry.text(kind: entityKind, name: name, date: day, comments: options.messageLanguage)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            // withoutOverwriting: a file made meanwhile is still never replaced.
            try Data(text.utf8).write(to: file, options: .withoutOverwriting)
        } catch {
            throw fail(vi: "Không ghi được \(file.path): \(error.localizedDescription)", en: "Could not write \(file.path): \(error.localizedDescription)")
        }
        printer.say(vi: "Đã tạo \(relative). Điền các giá trị còn trống rồi chạy: thidua check",
                    en: "Created \(relative). Fill in the empty values, then run: thidua check")
    }

    /// The site's first language from site.yml, Vietnamese when it cannot be read (check says why).
    static func defaultLanguage(of site: URL) -> Language {
        guard let text = try? String(contentsOf: site.appendingPathComponent("content/site.yml"), encoding: .utf8),
              let yaml = try? Yams.load(yaml: text) as? [String: Any],
              let first = (yaml["languages"] as? [String])?.first else { return .vi }
        return Language(first)
    }
}
