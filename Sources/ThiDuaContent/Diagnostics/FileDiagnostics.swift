import ThiDuaModel

// The site's folders and files as files: reading them, their text, their front matter.
extension DiagnosticCatalog {
    // MARK: io.*

    static func ioMissingSite(folder: String) -> Diagnostic {
        make(.error, .ioMissingSite, nil, nil,
             vi: "Không tìm thấy thư mục trang web '\(folder)' (cần có thư mục content/ bên trong).",
             en: "The site folder '\(folder)' was not found (it must contain a content/ folder).",
             fixVi: "Kiểm tra lại đường dẫn truyền cho --site, hoặc chạy lệnh trong thư mục của trang web.",
             fixEn: "Check the path given to --site, or run the command inside the site folder.")
    }

    static func ioMissingSettings(alternative: String?) -> Diagnostic {
        make(.error, .ioMissingSettings, "content/site.yml", nil,
             vi: "Thiếu tệp thiết lập chung content/site.yml.",
             en: "The settings file content/site.yml is missing.",
             fixVi: alternative.map { "Đổi tên tệp '\($0)' thành 'site.yml'." } ?? "Tạo tệp content/site.yml với title, base_url và languages.",
             fixEn: alternative.map { "Rename '\($0)' to 'site.yml'." } ?? "Create content/site.yml with title, base_url and languages.")
    }

    /// An output folder whose replacement would destroy the site's own files or the system's.
    public static func ioOutputRefused(output: String) -> Diagnostic {
        make(.error, .ioOutputRefused, nil, nil,
             vi: "Không thể dùng '\(output)' làm thư mục xuất bản: mỗi lần tạo trang, thư mục này được thay mới hoàn toàn, nên nó không được là thư mục trang, content/, templates/, thư mục chứa chúng, / hoặc thư mục nhà.",
             en: "'\(output)' cannot be the output folder: every build replaces it entirely, so it must not be the site folder, content/, templates/, a folder containing them, / or the home folder.",
             fixVi: "Dùng thư mục riêng, ví dụ --output output.", fixEn: "Use a folder of its own, for example --output output.")
    }

    /// Writing failed: worded by `SystemFailure` (the errno's meaning and fix, for reading and writing alike),
    /// with what the failure left behind as `note`.
    public static func ioWrite(_ failure: SystemFailure, note: LocalizedText? = nil) -> Diagnostic {
        failure.diagnostic(code: .ioWrite, note: note)
    }

    // MARK: Reading

    /// A file that could not be read, content and theme alike: the file (`file`, as diagnostics
    /// show it), why it could not be read, and a fix.
    public static func readFailure(_ error: Error, file: String) -> Diagnostic {
        let text = ReadFailure(error)
        return Diagnostic(.error, text.code, file: file, message: LocalizedText([
            .vi: "Không đọc được '\(file)': \(text.vi).", .en: "Could not read '\(file)': \(text.en).",
        ]), fix: LocalizedText([.vi: text.fixVi, .en: text.fixEn]))
    }

    /// What went wrong and what to do, in both languages.
    struct ReadFailure {
        var code = DiagnosticCode.ioUnreadable, vi: String, en: String, fixVi: String, fixEn: String

        init(_ error: Error) {
            switch error {
            case ContentSourceError.linkOutside(let path):
                let folder = path.hasPrefix("content/media/") ? "content/media/" : path.hasPrefix("templates") ? "templates/" : "content/"
                code = folder == "content/media/" ? .mediaOutside : .linkOutside
                vi = "tệp này là một liên kết (symlink) trỏ ra ngoài thư mục \(folder); liên kết như vậy không được đi theo"
                en = "it is a symbolic link that points outside \(folder); such links are not followed"
                fixVi = "Thay liên kết bằng chính tệp cần dùng, đặt trong \(folder)."
                fixEn = "Replace the link with the file itself, placed inside \(folder)."
            case ContentSourceError.notFound:
                vi = "không có tệp này"; en = "there is no such file"
                fixVi = "Kiểm tra tên và vị trí của tệp."; fixEn = "Check the file's name and place."
            case ContentSourceError.missingSiteFolder(let folder):
                vi = "không có thư mục '\(folder)'"; en = "there is no folder '\(folder)'"
                fixVi = "Kiểm tra lại đường dẫn truyền cho --site."; fixEn = "Check the path given to --site."
            case ContentSourceError.notAFile:
                vi = "đây không phải tệp thường (là thư mục, thiết bị hoặc ống dẫn)"
                en = "it is not a regular file (it is a folder, a device or a pipe)"
                fixVi = "Đặt ở đây một tệp thường, hoặc xóa mục này."; fixEn = "Put a regular file here, or remove this entry."
            case ContentSourceError.unreadable(_, let code):
                (vi, en, fixVi, fixEn) = Self.errno(code)
            default:
                vi = "\(error)"; en = "\(error)"
                fixVi = "Kiểm tra quyền đọc của tệp."; fixEn = "Check that the file can be read."
            }
        }

        /// An errno's meaning in both languages, with what to do about it: worded once, in `SystemFailure`,
        /// for reading and writing alike.
        static func errno(_ code: Int32) -> (String, String, String, String) {
            let failure = SystemFailure(.read, path: "", errno: code)
            return (failure.meaning[.vi]!, failure.meaning[.en]!, failure.fix[.vi]!, failure.fix[.en]!)
        }
    }

    // MARK: Files and text

    static func fileEmpty(file: String) -> Diagnostic {
        make(.error, .fileEmpty, file, nil,
             vi: "Tệp trống.", en: "The file is empty.",
             fixVi: "Viết nội dung cho tệp, hoặc xóa tệp nếu không dùng.",
             fixEn: "Write the file's content, or delete the file if it is not needed.")
    }

    static func fileIgnored(file: String, suggestion: String?) -> Diagnostic {
        make(.warning, .fileIgnored, file, nil,
             vi: "Tệp này nằm ngoài các thư mục nội dung đã biết nên không được đọc" + (suggestion.map { "; có phải ý bạn là thư mục '\($0)'?" } ?? "."),
             en: "This file is not in a known content folder, so it is not read" + (suggestion.map { "; did you mean the folder '\($0)'?" } ?? "."),
             fixVi: "Nội dung đặt trong content/<loại>/<mã>.<ngôn ngữ>.md; ảnh và tệp đặt trong content/media/.",
             fixEn: "Content goes in content/<kind>/<id>.<language>.md; photos and files go in content/media/.")
    }

    static func utf8Invalid(file: String, offset: Int, line: Int, column: Int) -> Diagnostic {
        make(.error, .utf8Invalid, file, Position(line: line, column: column),
             vi: "Tệp không phải văn bản UTF-8 hợp lệ: byte thứ \(offset) (tính từ 0) bị lỗi mã hóa.",
             en: "The file is not valid UTF-8 text: the byte at offset \(offset) (counting from 0) is malformed.",
             fixVi: "Mở tệp bằng trình soạn thảo và lưu lại với bảng mã UTF-8.",
             fixEn: "Open the file in an editor and save it again as UTF-8.")
    }

    static func textNFD(file: String, line: Int) -> Diagnostic {
        make(.warning, .textNFD, file, Position(line: line, column: 1),
             vi: "Chữ tiếng Việt trong tệp được gõ ở dạng tổ hợp (NFD); đã tự chuyển sang dạng dựng sẵn (NFC).",
             en: "The file's accented letters are in decomposed form (NFD); they were converted to composed form (NFC).",
             fixVi: "Lưu lại tệp ở dạng Unicode dựng sẵn (NFC) để cảnh báo này không xuất hiện nữa.",
             fixEn: "Save the file in composed Unicode (NFC) to silence this warning.")
    }

    // MARK: Body

    static func bodyTooDeep(file: String, _ problem: BodyLimits.Problem, bodyStartLine: Int) -> Diagnostic {
        switch problem {
        case .tooDeep(let line, let column, let depth):
            return make(.error, .bodyTooDeep, file, Position(line: bodyStartLine + line - 1, column: column),
                        vi: "Nội dung lồng nhau quá sâu: dòng này mở \(depth) tầng trích dẫn ('>') hoặc danh sách (tối đa \(BodyLimits.maxDepth)).",
                        en: "The text is nested too deeply: this line opens \(depth) levels of quotes ('>') or lists (at most \(BodyLimits.maxDepth)).",
                        fixVi: "Bớt các dấu '>', '-', '*' ở đầu dòng; văn bản thông thường chỉ cần vài tầng.",
                        fixEn: "Remove some of the '>', '-' or '*' markers at the start of the line; ordinary text needs only a few levels.")
        case .tooManyBrackets(let line, let column):
            return make(.error, .bodyTooDeep, file, Position(line: bodyStartLine + line - 1, column: column),
                        vi: "Đoạn văn có quá nhiều dấu '[' chưa đóng (quá \(BodyLimits.maxOpenBrackets)).",
                        en: "The paragraph has too many '[' that are never closed (more than \(BodyLimits.maxOpenBrackets)).",
                        fixVi: "Xóa các dấu '[' thừa, hoặc viết '\\[' nếu cần hiện dấu ngoặc.",
                        fixEn: "Delete the stray '[', or write '\\[' to show a bracket.")
        }
    }

    // MARK: Front matter and YAML

    static func frontMatterMissing(file: String, line: Int) -> Diagnostic {
        make(.error, .frontMatterMissing, file, Position(line: line, column: 1),
             vi: "Tệp không bắt đầu bằng phần thông tin (front matter) đặt giữa hai dòng '---'.",
             en: "The file does not start with front matter between two '---' lines.",
             fixVi: "Thêm dòng '---' ở đầu tệp, các dòng 'trường: giá trị', rồi một dòng '---' nữa trước phần nội dung.",
             fixEn: "Put a '---' line first, then the 'field: value' lines, then another '---' line before the text.")
    }

    static func frontMatterUnclosed(file: String, line: Int) -> Diagnostic {
        make(.error, .frontMatterUnclosed, file, Position(line: line, column: 1),
             vi: "Phần thông tin (front matter) mở bằng '---' ở dòng \(line) nhưng không có dòng '---' đóng lại.",
             en: "The front matter opened with '---' on line \(line) is never closed by another '---' line.",
             fixVi: "Thêm một dòng chỉ có '---' sau dòng thông tin cuối cùng.",
             fixEn: "Add a line holding only '---' after the last field.")
    }

    static func frontMatterNotMapping(file: String, at: Position) -> Diagnostic {
        make(.error, .frontMatterType, file, at,
             vi: "Phần thông tin phải là các dòng 'trường: giá trị'.",
             en: "The front matter must be a set of 'field: value' lines.",
             fixVi: "Viết mỗi thông tin trên một dòng, ví dụ 'title: Giới thiệu'.",
             fixEn: "Write one field per line, e.g. 'title: About'.")
    }

    static func yamlSyntax(file: String, at: Position, problem: String, tabs: Bool = false) -> Diagnostic {
        make(.error, .yamlSyntax, file, at,
                    vi: tabs ? "Dòng này thụt lề bằng phím Tab; YAML chỉ chấp nhận dấu cách." : "Lỗi cú pháp YAML: \(problem).",
                    en: tabs ? "This line is indented with a tab; YAML accepts only spaces." : "YAML syntax error: \(problem).",
                    fixVi: tabs ? "Dùng dấu cách thay cho phím Tab để thụt lề." :
                        "Kiểm tra dòng này: mỗi dòng là 'trường: giá trị', thụt lề bằng dấu cách; đặt chữ có dấu ':' hoặc '#' trong ngoặc kép.",
                    fixEn: tabs ? "Indent with spaces, not tabs." :
                        "Check this line: each line is 'field: value', indented with spaces; put text containing ':' or '#' in double quotes.")
    }

    static func yamlDuplicateKey(file: String, at: Position, keys: [String]) -> Diagnostic {
        make(.error, .yamlDuplicateKey, file, at,
             vi: "Trường \(list(keys)) được viết hai lần.",
             en: "The field \(list(keys)) is written twice.",
             fixVi: "Giữ lại một lần và xóa lần còn lại.", fixEn: "Keep one and delete the other.")
    }

    static func yamlAlias(file: String, at: Position) -> Diagnostic {
        make(.error, .yamlAlias, file, at,
             vi: "Tệp dùng neo/bí danh YAML ('&' hoặc '*'), ThiDua không chấp nhận cách viết này.",
             en: "The file uses a YAML anchor or alias ('&' or '*'), which ThiDua does not accept.",
             fixVi: "Viết đầy đủ giá trị; nếu chữ bắt đầu bằng '&' hoặc '*', đặt nó trong ngoặc kép.",
             fixEn: "Write the value out in full; if the text starts with '&' or '*', put it in double quotes.")
    }

    static func yamlTooDeep(file: String, at: Position, limit: Int) -> Diagnostic {
        make(.error, .yamlTooDeep, file, at,
             vi: "Phần thông tin lồng nhau quá sâu (quá \(limit) tầng).",
             en: "The front matter is nested too deeply (more than \(limit) levels).",
             fixVi: "Kiểm tra thụt lề và các dấu ngoặc [ { của tệp.", fixEn: "Check the file's indentation and its [ and { brackets.")
    }

    static func yamlTooLarge(file: String, at: Position, limit: Int) -> Diagnostic {
        make(.error, .yamlTooLarge, file, at,
             vi: "Phần thông tin có quá nhiều mục (quá \(limit)).",
             en: "The front matter holds too many values (more than \(limit)).",
             fixVi: "Chuyển phần văn bản dài xuống phần nội dung sau dòng '---' thứ hai.",
             fixEn: "Move long text into the body, after the second '---' line.")
    }

    static func yamlComplexKey(file: String, at: Position) -> Diagnostic {
        make(.error, .yamlSyntax, file, at,
             vi: "Tên trường phải là một từ, không phải danh sách hay bảng.",
             en: "A field name must be a word, not a list or a table.",
             fixVi: "Viết dạng 'trường: giá trị'.", fixEn: "Write 'field: value'.")
    }
}
