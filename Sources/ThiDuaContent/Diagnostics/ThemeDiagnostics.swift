import ThiDuaModel

// The theme: its Mustache templates, its interface strings, and exporting it.
extension DiagnosticCatalog {
    // MARK: Templates

    /// `problem` is the parser's error in plain words (the renderer knows the parser; the wording around it is here).
    public static func templateSyntax(file: String, at: Position?, problem: LocalizedText) -> Diagnostic {
        make(.error, .templateSyntax, file, at,
             vi: "Lỗi cú pháp Mustache: \(problem[.vi] ?? "").",
             en: "Mustache syntax error: \(problem[.en] ?? "").",
             fixVi: "Kiểm tra các thẻ {{#…}} và {{/…}} có đóng đúng cặp không.",
             fixEn: "Check that every {{#…}} is closed by a matching {{/…}}.")
    }

    public static func templateMissing(name: String) -> Diagnostic {
        make(.error, .templateMissing, "templates/\(name).mustache", nil,
             vi: "Thiếu mẫu giao diện '\(name)', cần để tạo trang.",
             en: "The template '\(name)' is missing; it is needed to make pages.",
             fixVi: "Tạo templates/\(name).mustache (thidua theme export ghi ra bộ giao diện mặc định để chép).",
             fixEn: "Create templates/\(name).mustache (thidua theme export writes out the default theme to copy from).")
    }

    public static func templatePartialMissing(file: String, at: Position, partial: String, suggestion: String?) -> Diagnostic {
        make(.error, .templatePartialMissing, file, at,
             vi: "Mẫu giao diện gọi phần '\(partial)' nhưng không có tệp templates/\(partial).mustache.",
             en: "The template uses the partial '\(partial)', but templates/\(partial).mustache does not exist.",
             fixVi: suggestion.map { "Có phải ý bạn là '\($0)'?" }, fixEn: suggestion.map { "Did you mean '\($0)'?" })
    }

    /// A theme file (template or strings) that is not UTF-8 text.
    public static func themeEncoding(file: String) -> Diagnostic {
        make(.error, .themeEncoding, file, nil,
             vi: "Tệp '\(file)' không phải văn bản UTF-8.", en: "'\(file)' is not UTF-8 text.",
             fixVi: "Lưu lại tệp với bảng mã UTF-8.", fixEn: "Save the file again as UTF-8.")
    }

    // MARK: Interface strings

    public static func i18nMissing(file: String, language: Language) -> Diagnostic {
        make(.error, .i18nMissing, file, nil,
             vi: "Không có tệp chuỗi giao diện cho ngôn ngữ '\(language.code)'.",
             en: "There is no interface-strings file for the language '\(language.code)'.",
             fixVi: "Tạo \(file) (chép từ tệp của ngôn ngữ khác rồi dịch).",
             fixEn: "Create \(file) (copy another language's file and translate it).")
    }

    /// `problem` is libyaml's own words ("did not find expected key"), which stay in English, as a detail after ours.
    public static func i18nYAML(file: String, at: Position?, problem: String) -> Diagnostic {
        let detail = problem.isEmpty ? "" : " (YAML: \(problem))"
        return make(.error, .i18nYAML, file, at,
                    vi: "Tệp chuỗi giao diện không phải YAML hợp lệ\(detail).",
                    en: "The interface-strings file is not valid YAML\(detail).",
                    fixVi: "Xem dòng này và dòng ngay trên: thụt lề bằng dấu cách (không dùng tab), mỗi dòng dạng 'khóa: giá trị', giá trị có dấu ':' thì đặt trong ngoặc kép.",
                    fixEn: "Look at this line and the one above: indent with spaces (not tabs), write each line as 'key: value', and put a value containing ':' in double quotes.")
    }

    /// `template` is where the key is used, when a template uses it; else every language lacks what another has.
    public static func i18nKeyMissing(key: String, language: Language, usedIn template: String? = nil) -> Diagnostic {
        let file = "templates/i18n/\(language.code).yml"
        return make(.error, .i18nKeyMissing, file, nil,
                    vi: "Thiếu chuỗi giao diện '\(key)' cho ngôn ngữ '\(language.code)'" + (template.map { " (dùng trong \($0))." } ?? "."),
                    en: "The interface string '\(key)' is missing for the language '\(language.code)'" + (template.map { " (used in \($0))." } ?? "."),
                    fixVi: "Thêm khóa '\(key)' vào \(file), như trong tệp của ngôn ngữ khác.",
                    fixEn: "Add the key '\(key)' to \(file), as in the other language's file.")
    }

    // MARK: Exporting the theme

    /// `thidua theme export` never overwrites: `existing` is a file already there, or, with `isFile`,
    /// a file standing where the theme needs a folder.
    public static func themeExists(_ existing: String, blocksFolder isFile: Bool = false) -> Diagnostic {
        themeExists([existing], blocksFolder: isFile)
    }

    /// The theme's files already there (or files where its folders go), said once: the count and the first few.
    public static func themeExists(_ existing: [String], blocksFolder isFile: Bool = false) -> Diagnostic {
        let shown = existing.prefix(3).map { "'\($0)'" }.joined(separator: ", ")
        let more: (vi: String, en: String) = existing.count > 3 ? (" và \(existing.count - 3) tệp khác", " and \(existing.count - 3) more") : ("", "")
        return make(.error, .themeExists, existing.first, nil,
             vi: isFile ? "Không ghi bộ giao diện: \(shown)\(more.vi) là tệp, nhưng cần là thư mục; chưa tệp nào được ghi."
                 : "Không ghi bộ giao diện: " + (existing.count == 1 ? "tệp \(shown) đã có" : "đã có \(existing.count) tệp (\(shown)\(more.vi))") + "; không tệp nào được ghi đè, và chưa tệp nào được ghi.",
             en: isFile ? "The theme was not written: \(shown)\(more.en) is a file where a folder is needed; none was written."
                 : "The theme was not written: " + (existing.count == 1 ? "\(shown) already exists" : "\(existing.count) files already exist (\(shown)\(more.en))") + "; no file is overwritten, and none was written.",
             fixVi: isFile ? "Chọn một thư mục khác, hoặc đổi tên tệp này."
                 : "Chọn một thư mục khác (thidua theme export THƯ-MỤC), hoặc đổi tên hay xóa các tệp đã có.",
             fixEn: isFile ? "Choose another folder, or rename this file."
                 : "Choose another folder (thidua theme export FOLDER), or rename or remove the existing files.")
    }

    /// Exporting stopped part way: the failure, and how many files it had written by then.
    public static func themeExportFailed(_ failure: SystemFailure, written: Int, of total: Int) -> Diagnostic {
        ioWrite(failure, note: LocalizedText([
            .vi: "Đã ghi \(written) trong \(total) tệp; xóa các tệp đã ghi rồi chạy lại.",
            .en: "\(written) of \(total) files were written; remove them, and run again.",
        ]))
    }
}
