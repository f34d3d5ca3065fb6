import ThiDuaModel

/// What a field should have held, for a "wrong type" message.
enum ExpectedType {
    case text, line, textList, date, period, bool, count, integer, choice([String]), ref, refs, about, media
    case records(RecordSchema), localizedText, languages, vocabulary, url

    var words: (vi: String, en: String) {
        switch self {
        case .text, .line: return ("một dòng chữ", "a line of text")
        case .textList: return ("một danh sách, mỗi dòng bắt đầu bằng '- '", "a list, one item per line starting with '- '")
        case .date: return ("một ngày dạng YYYY-MM-DD, ví dụ 2023-07-05", "a date written YYYY-MM-DD, e.g. 2023-07-05")
        case .period: return ("một khoảng thời gian dạng {from: YYYY-MM-DD, to: YYYY-MM-DD}", "a period written {from: YYYY-MM-DD, to: YYYY-MM-DD}")
        case .bool: return ("true (có) hoặc false (không)", "true or false")
        case .count: return ("một số nguyên từ 0 trở lên, chỉ gồm chữ số, ví dụ 120000000", "a whole number, 0 or more, digits only, e.g. 120000000")
        case .integer: return ("một số nguyên, chỉ gồm chữ số", "a whole number, digits only")
        case .choice(let allowed): return ("một trong các giá trị: " + allowed.joined(separator: ", "), "one of: " + allowed.joined(separator: ", "))
        case .ref: return ("một mã (chữ thường không dấu, chữ số và dấu '-')", "an id (lower-case letters without accents, digits and '-')")
        case .refs: return ("một danh sách mã, ví dụ [ma-thu-nhat, ma-thu-hai]", "a list of ids, e.g. [first-id, second-id]")
        case .about: return ("một danh sách dạng loại/mã, ví dụ [individuals/lo-thi-mai]", "a list of kind/id references, e.g. [individuals/lo-thi-mai]")
        case .media: return ("đường dẫn tới một tệp trong content/media/, ví dụ media/anh.jpg", "the path of a file in content/media/, e.g. media/photo.jpg")
        case .records(let r):
            let keys = r.fields.map(\.key).joined(separator: ", ")
            return ("một danh sách mục, mỗi mục bắt đầu bằng '- ' và có các trường: \(keys)", "a list of entries, each starting with '- ' and holding: \(keys)")
        case .localizedText: return ("chữ theo từng ngôn ngữ, ví dụ {vi: …, en: …}", "text per language, e.g. {vi: …, en: …}")
        case .languages: return ("danh sách mã ngôn ngữ, ngôn ngữ mặc định đứng đầu, ví dụ [vi, en]", "a list of language codes, the default first, e.g. [vi, en]")
        case .vocabulary: return ("một bảng mã → {vi: …, en: …}", "a table of id → {vi: …, en: …}")
        case .url: return ("một địa chỉ web đầy đủ, ví dụ https://example.org/", "a full web address, e.g. https://example.org/")
        }
    }
}

/// Every message the loader can give, in Vietnamese and English, one function per stable code,
/// so that the wording lives in one place. Messages say what is wrong; the fix says what to do.
public enum DiagnosticCatalog {
    // MARK: Words

    static func noun(_ kind: EntityKind) -> (vi: String, en: String) {
        switch kind {
        case .campaigns: return ("phong trào thi đua", "campaign")
        case .units: return ("đơn vị", "unit")
        case .collectives: return ("tập thể", "collective")
        case .individuals: return ("cá nhân", "individual")
        case .awards: return ("quyết định khen thưởng", "commendation decision")
        case .stories: return ("tin bài", "story")
        case .pages: return ("trang", "page")
        }
    }

    static func noun(_ target: RefTarget) -> (vi: String, en: String) {
        switch target {
        case .entity(let k): return noun(k)
        case .field: return ("lĩnh vực", "field")
        case .district: return ("huyện/thành phố", "district")
        }
    }

    public static func languageName(_ code: String) -> (vi: String, en: String) {
        switch code {
        case "vi": return ("tiếng Việt", "Vietnamese")
        case "en": return ("tiếng Anh", "English")
        default: return ("ngôn ngữ '\(code)'", "language '\(code)'")
        }
    }

    private static func make(_ severity: Diagnostic.Severity, _ code: String, _ file: String?, _ at: Position?,
                             vi: String, en: String, fixVi: String? = nil, fixEn: String? = nil) -> Diagnostic {
        let fix = fixVi.map { LocalizedText([.vi: $0, .en: fixEn ?? $0]) }
        return Diagnostic(severity, code, file: file, line: at?.line, column: at?.column,
                          message: LocalizedText([.vi: vi, .en: en]), fix: fix)
    }

    private static func list(_ items: [String]) -> String { items.map { "'\($0)'" }.joined(separator: ", ") }

    // MARK: io.*

    static func ioMissingSite(folder: String) -> Diagnostic {
        make(.error, "io.missing-site", nil, nil,
             vi: "Không tìm thấy thư mục trang web '\(folder)' (cần có thư mục content/ bên trong).",
             en: "The site folder '\(folder)' was not found (it must contain a content/ folder).",
             fixVi: "Kiểm tra lại đường dẫn truyền cho --site, hoặc chạy lệnh trong thư mục của trang web.",
             fixEn: "Check the path given to --site, or run the command inside the site folder.")
    }

    static func ioMissingSettings(alternative: String?) -> Diagnostic {
        make(.error, "io.missing-settings", "content/site.yml", nil,
             vi: "Thiếu tệp thiết lập chung content/site.yml.",
             en: "The settings file content/site.yml is missing.",
             fixVi: alternative.map { "Đổi tên tệp '\($0)' thành 'site.yml'." } ?? "Tạo tệp content/site.yml với title, base_url và languages.",
             fixEn: alternative.map { "Rename '\($0)' to 'site.yml'." } ?? "Create content/site.yml with title, base_url and languages.")
    }

    // MARK: Files and text

    static func fileEmpty(file: String) -> Diagnostic {
        make(.error, "file.empty", file, nil,
             vi: "Tệp trống.", en: "The file is empty.",
             fixVi: "Viết nội dung cho tệp, hoặc xóa tệp nếu không dùng.",
             fixEn: "Write the file's content, or delete the file if it is not needed.")
    }

    static func fileIgnored(file: String, suggestion: String?) -> Diagnostic {
        make(.warning, "file.ignored", file, nil,
             vi: "Tệp này nằm ngoài các thư mục nội dung đã biết nên không được đọc" + (suggestion.map { "; có phải ý bạn là thư mục '\($0)'?" } ?? "."),
             en: "This file is not in a known content folder, so it is not read" + (suggestion.map { "; did you mean the folder '\($0)'?" } ?? "."),
             fixVi: "Nội dung đặt trong content/<loại>/<mã>.<ngôn ngữ>.md; ảnh và tệp đặt trong content/media/.",
             fixEn: "Content goes in content/<kind>/<id>.<language>.md; photos and files go in content/media/.")
    }

    static func utf8Invalid(file: String, offset: Int, line: Int, column: Int) -> Diagnostic {
        make(.error, "utf8.invalid", file, Position(line: line, column: column),
             vi: "Tệp không phải văn bản UTF-8 hợp lệ: byte thứ \(offset) (tính từ 0) bị lỗi mã hóa.",
             en: "The file is not valid UTF-8 text: the byte at offset \(offset) (counting from 0) is malformed.",
             fixVi: "Mở tệp bằng trình soạn thảo và lưu lại với bảng mã UTF-8.",
             fixEn: "Open the file in an editor and save it again as UTF-8.")
    }

    static func textNFD(file: String, line: Int) -> Diagnostic {
        make(.warning, "text.nfd", file, Position(line: line, column: 1),
             vi: "Chữ tiếng Việt trong tệp được gõ ở dạng tổ hợp (NFD); đã tự chuyển sang dạng dựng sẵn (NFC).",
             en: "The file's accented letters are in decomposed form (NFD); they were converted to composed form (NFC).",
             fixVi: "Lưu lại tệp ở dạng Unicode dựng sẵn (NFC) để cảnh báo này không xuất hiện nữa.",
             fixEn: "Save the file in composed Unicode (NFC) to silence this warning.")
    }

    // MARK: Body

    static func bodyTooDeep(file: String, _ problem: BodyLimits.Problem, bodyStartLine: Int) -> Diagnostic {
        switch problem {
        case .tooDeep(let line, let column, let depth):
            return make(.error, "body.too-deep", file, Position(line: bodyStartLine + line - 1, column: column),
                        vi: "Nội dung lồng nhau quá sâu: dòng này mở \(depth) tầng trích dẫn ('>') hoặc danh sách (tối đa \(BodyLimits.maxDepth)).",
                        en: "The text is nested too deeply: this line opens \(depth) levels of quotes ('>') or lists (at most \(BodyLimits.maxDepth)).",
                        fixVi: "Bớt các dấu '>', '-', '*' ở đầu dòng; văn bản thông thường chỉ cần vài tầng.",
                        fixEn: "Remove some of the '>', '-' or '*' markers at the start of the line; ordinary text needs only a few levels.")
        case .tooManyBrackets(let line, let column):
            return make(.error, "body.too-deep", file, Position(line: bodyStartLine + line - 1, column: column),
                        vi: "Đoạn văn có quá nhiều dấu '[' chưa đóng (quá \(BodyLimits.maxOpenBrackets)).",
                        en: "The paragraph has too many '[' that are never closed (more than \(BodyLimits.maxOpenBrackets)).",
                        fixVi: "Xóa các dấu '[' thừa, hoặc viết '\\[' nếu cần hiện dấu ngoặc.",
                        fixEn: "Delete the stray '[', or write '\\[' to show a bracket.")
        }
    }

    // MARK: Front matter and YAML

    static func frontMatterMissing(file: String, line: Int) -> Diagnostic {
        make(.error, "frontmatter.missing", file, Position(line: line, column: 1),
             vi: "Tệp không bắt đầu bằng phần thông tin (front matter) đặt giữa hai dòng '---'.",
             en: "The file does not start with front matter between two '---' lines.",
             fixVi: "Thêm dòng '---' ở đầu tệp, các dòng 'trường: giá trị', rồi một dòng '---' nữa trước phần nội dung.",
             fixEn: "Put a '---' line first, then the 'field: value' lines, then another '---' line before the text.")
    }

    static func frontMatterUnclosed(file: String, line: Int) -> Diagnostic {
        make(.error, "frontmatter.unclosed", file, Position(line: line, column: 1),
             vi: "Phần thông tin (front matter) mở bằng '---' ở dòng \(line) nhưng không có dòng '---' đóng lại.",
             en: "The front matter opened with '---' on line \(line) is never closed by another '---' line.",
             fixVi: "Thêm một dòng chỉ có '---' sau dòng thông tin cuối cùng.",
             fixEn: "Add a line holding only '---' after the last field.")
    }

    static func frontMatterNotMapping(file: String, at: Position) -> Diagnostic {
        make(.error, "frontmatter.type", file, at,
             vi: "Phần thông tin phải là các dòng 'trường: giá trị'.",
             en: "The front matter must be a set of 'field: value' lines.",
             fixVi: "Viết mỗi thông tin trên một dòng, ví dụ 'title: Giới thiệu'.",
             fixEn: "Write one field per line, e.g. 'title: About'.")
    }

    static func yamlSyntax(file: String, at: Position, problem: String, tabs: Bool = false) -> Diagnostic {
        make(.error, "yaml.syntax", file, at,
                    vi: tabs ? "Dòng này thụt lề bằng phím Tab; YAML chỉ chấp nhận dấu cách." : "Lỗi cú pháp YAML: \(problem).",
                    en: tabs ? "This line is indented with a tab; YAML accepts only spaces." : "YAML syntax error: \(problem).",
                    fixVi: tabs ? "Dùng dấu cách thay cho phím Tab để thụt lề." :
                        "Kiểm tra dòng này: mỗi dòng là 'trường: giá trị', thụt lề bằng dấu cách; đặt chữ có dấu ':' hoặc '#' trong ngoặc kép.",
                    fixEn: tabs ? "Indent with spaces, not tabs." :
                        "Check this line: each line is 'field: value', indented with spaces; put text containing ':' or '#' in double quotes.")
    }

    static func yamlDuplicateKey(file: String, at: Position, keys: [String]) -> Diagnostic {
        make(.error, "yaml.duplicate-key", file, at,
             vi: "Trường \(list(keys)) được viết hai lần.",
             en: "The field \(list(keys)) is written twice.",
             fixVi: "Giữ lại một lần và xóa lần còn lại.", fixEn: "Keep one and delete the other.")
    }

    static func yamlAlias(file: String, at: Position) -> Diagnostic {
        make(.error, "yaml.alias", file, at,
             vi: "Tệp dùng neo/bí danh YAML ('&' hoặc '*'), ThiDua không chấp nhận cách viết này.",
             en: "The file uses a YAML anchor or alias ('&' or '*'), which ThiDua does not accept.",
             fixVi: "Viết đầy đủ giá trị; nếu chữ bắt đầu bằng '&' hoặc '*', đặt nó trong ngoặc kép.",
             fixEn: "Write the value out in full; if the text starts with '&' or '*', put it in double quotes.")
    }

    static func yamlTooDeep(file: String, at: Position, limit: Int) -> Diagnostic {
        make(.error, "yaml.too-deep", file, at,
             vi: "Phần thông tin lồng nhau quá sâu (quá \(limit) tầng).",
             en: "The front matter is nested too deeply (more than \(limit) levels).",
             fixVi: "Kiểm tra thụt lề và các dấu ngoặc [ { của tệp.", fixEn: "Check the file's indentation and its [ and { brackets.")
    }

    static func yamlTooLarge(file: String, at: Position, limit: Int) -> Diagnostic {
        make(.error, "yaml.too-large", file, at,
             vi: "Phần thông tin có quá nhiều mục (quá \(limit)).",
             en: "The front matter holds too many values (more than \(limit)).",
             fixVi: "Chuyển phần văn bản dài xuống phần nội dung sau dòng '---' thứ hai.",
             fixEn: "Move long text into the body, after the second '---' line.")
    }

    static func yamlComplexKey(file: String, at: Position) -> Diagnostic {
        make(.error, "yaml.syntax", file, at,
             vi: "Tên trường phải là một từ, không phải danh sách hay bảng.",
             en: "A field name must be a word, not a list or a table.",
             fixVi: "Viết dạng 'trường: giá trị'.", fixEn: "Write 'field: value'.")
    }

    // MARK: Fields

    private static func owned(_ key: String, _ owner: String?) -> String { owner.map { "\($0).\(key)" } ?? key }

    static func fieldRequired(file: String, at: Position, key: String, owner: String?) -> Diagnostic {
        let k = owned(key, owner)
        return make(.error, "field.required", file, at,
                    vi: "Thiếu trường bắt buộc '\(k)' (hoặc trường này đang để trống).",
                    en: "The required field '\(k)' is missing (or empty).",
                    fixVi: "Thêm dòng '\(key): …' với giá trị phù hợp.", fixEn: "Add a line '\(key): …' with its value.")
    }

    static func fieldUnknown(file: String, at: Position, key: String, suggestion: String?, known: [String], owner: String?) -> Diagnostic {
        if let s = suggestion {
            return make(.warning, "field.unknown", file, at,
                        vi: "Trường '\(owned(key, owner))' không có trong mô hình nội dung nên bị bỏ qua; có phải ý bạn là '\(s)'?",
                        en: "The field '\(owned(key, owner))' is not part of the content model and is ignored; did you mean '\(s)'?",
                        fixVi: "Đổi '\(key)' thành '\(s)'.", fixEn: "Rename '\(key)' to '\(s)'.")
        }
        return make(.warning, "field.unknown", file, at,
                    vi: "Trường '\(owned(key, owner))' không có trong mô hình nội dung nên bị bỏ qua. Các trường được dùng: \(known.joined(separator: ", ")).",
                    en: "The field '\(owned(key, owner))' is not part of the content model and is ignored. Known fields: \(known.joined(separator: ", ")).",
                    fixVi: "Xóa dòng này hoặc sửa tên trường.", fixEn: "Delete the line or correct the field's name.")
    }

    static func fieldType(file: String, at: Position, key: String, expected: ExpectedType, guess: String? = nil) -> Diagnostic {
        let w = expected.words
        return make(.error, "field.type", file, at,
                    vi: "Giá trị của trường '\(key)' không đúng kiểu: cần \(w.vi).",
                    en: "The value of '\(key)' has the wrong type: it must be \(w.en).",
                    fixVi: guess.map { "Viết '\(key): \($0)'." } ?? "Sửa giá trị thành \(w.vi).",
                    fixEn: guess.map { "Write '\(key): \($0)'." } ?? "Write \(w.en).")
    }

    static func dateInvalid(file: String, at: Position, key: String, value: String, guess: String?) -> Diagnostic {
        if let (month, year, days) = DateReading.daysInMonth(value), LocalDate(iso: value) == nil, value.count == 10 {
            return make(.error, "date.invalid", file, at,
                        vi: "Ngày '\(value)' của trường '\(key)' không tồn tại: tháng \(month) năm \(year) có \(days) ngày.",
                        en: "The date '\(value)' in '\(key)' does not exist: month \(month) of \(year) has \(days) days.",
                        fixVi: "Sửa lại ngày cho đúng.", fixEn: "Correct the date.")
        }
        return make(.error, "date.invalid", file, at,
                    vi: "Ngày '\(value)' của trường '\(key)' không đúng dạng YYYY-MM-DD (năm-tháng-ngày, ví dụ 2023-07-05).",
                    en: "The date '\(value)' in '\(key)' is not written YYYY-MM-DD (year-month-day, e.g. 2023-07-05).",
                    fixVi: guess.map { "Viết '\(key): \($0)'." } ?? "Viết ngày dạng YYYY-MM-DD.",
                    fixEn: guess.map { "Write '\(key): \($0)'." } ?? "Write the date as YYYY-MM-DD.")
    }

    static func periodInvalid(file: String, at: Position, from: LocalDate, to: LocalDate) -> Diagnostic {
        make(.error, "period.invalid", file, at,
             vi: "Khoảng thời gian kết thúc (\(to.iso)) trước khi bắt đầu (\(from.iso)).",
             en: "The period ends (\(to.iso)) before it starts (\(from.iso)).",
             fixVi: "Kiểm tra lại 'from' và 'to'.", fixEn: "Check 'from' and 'to'.")
    }

    static func enumInvalid(file: String, at: Position, key: String, value: String, allowed: [String], suggestion: String?) -> Diagnostic {
        make(.error, "enum.invalid", file, at,
             vi: "Giá trị '\(value)' của trường '\(key)' không hợp lệ; chỉ dùng một trong: \(allowed.joined(separator: ", "))" + (suggestion.map { ". Có phải ý bạn là '\($0)'?" } ?? "."),
             en: "'\(value)' is not a valid '\(key)'; use one of: \(allowed.joined(separator: ", "))" + (suggestion.map { ". Did you mean '\($0)'?" } ?? "."),
             fixVi: suggestion.map { "Viết '\(key): \($0)'." } ?? "Chọn một giá trị trong danh sách.",
             fixEn: suggestion.map { "Write '\(key): \($0)'." } ?? "Choose a value from the list.")
    }

    // MARK: Ids, languages, translations

    static func idMalformed(file: String, at: Position?, value: String, suggestion: String?) -> Diagnostic {
        make(.error, "id.malformed", file, at,
             vi: "Mã '\(value)' không hợp lệ: mã chỉ gồm chữ thường không dấu (a–z), chữ số và dấu '-', không bắt đầu hay kết thúc bằng '-'.",
             en: "The id '\(value)' is malformed: an id holds only lower-case letters a–z, digits and '-', and does not start or end with '-'.",
             fixVi: suggestion.map { "Dùng mã '\($0)'." } ?? "Đặt lại mã theo quy tắc trên.",
             fixEn: suggestion.map { "Use the id '\($0)'." } ?? "Rename it following the rule above.")
    }

    static func idDuplicate(file: String, other: String, id: String, language: String) -> Diagnostic {
        let l = languageName(language)
        return make(.error, "id.duplicate", file, nil,
                    vi: "Mã '\(id)' có hai tệp \(l.vi): '\(other)' và tệp này.",
                    en: "The id '\(id)' has two \(l.en) files: '\(other)' and this one.",
                    fixVi: "Giữ một tệp và xóa tệp còn lại (tệp không có đuôi ngôn ngữ là \(l.vi)).",
                    fixEn: "Keep one file and delete the other (a file with no language suffix is \(l.en)).")
    }

    static func languageUnknown(file: String, suffix: String, languages: [String], suggestion: String?) -> Diagnostic {
        make(.error, "lang.unknown", file, nil,
             vi: "Đuôi ngôn ngữ '.\(suffix)' trong tên tệp không có trong danh sách ngôn ngữ của trang (\(languages.joined(separator: ", ")))" + (suggestion.map { "; có phải ý bạn là '.\($0)'?" } ?? "."),
             en: "The language suffix '.\(suffix)' in the file name is not one of the site's languages (\(languages.joined(separator: ", ")))" + (suggestion.map { "; did you mean '.\($0)'?" } ?? "."),
             fixVi: "Đặt tên tệp dạng <mã>.<ngôn ngữ>.md, ví dụ lo-thi-mai.en.md, hoặc thêm ngôn ngữ vào 'languages' trong site.yml.",
             fixEn: "Name the file <id>.<language>.md, e.g. lo-thi-mai.en.md, or add the language to 'languages' in site.yml.")
    }

    static func languageInvalid(file: String, at: Position, value: String) -> Diagnostic {
        make(.error, "lang.invalid", file, at,
             vi: "'\(value)' không phải mã ngôn ngữ hợp lệ, hoặc bị lặp lại.",
             en: "'\(value)' is not a valid language code, or is listed twice.",
             fixVi: "Dùng mã ngôn ngữ hai chữ cái viết thường, mỗi mã một lần, ví dụ [vi, en].",
             fixEn: "Use two-letter lower-case language codes, each once, e.g. [vi, en].")
    }

    static func languageLabelUnknown(file: String, at: Position, code: String, languages: [String]) -> Diagnostic {
        make(.warning, "lang.unknown", file, at,
             vi: "Ngôn ngữ '\(code)' không có trong 'languages' (\(languages.joined(separator: ", "))) nên bị bỏ qua.",
             en: "The language '\(code)' is not in 'languages' (\(languages.joined(separator: ", "))) and is ignored.",
             fixVi: "Sửa mã ngôn ngữ hoặc thêm nó vào 'languages'.", fixEn: "Correct the code or add it to 'languages'.")
    }

    static func translationOrphan(file: String, id: String, expected: String) -> Diagnostic {
        make(.error, "translation.orphan", file, nil,
             vi: "Đây là bản dịch của '\(id)' nhưng không có tệp gốc '\(expected)'.",
             en: "This is a translation of '\(id)', but its original file '\(expected)' does not exist.",
             fixVi: "Tạo tệp '\(expected)' (bản gốc là chuẩn), hoặc sửa tên tệp này cho khớp với mã của bản gốc.",
             fixEn: "Create '\(expected)' (the original is canonical), or rename this file to match the original's id.")
    }

    static func translationConflict(file: String, at: Position?, key: String, value: String, original: String, originalFile: String) -> Diagnostic {
        make(.error, "translation.conflict", file, at,
             vi: "Bản dịch ghi '\(key)' là '\(value)', khác với bản gốc '\(originalFile)' ('\(original)'). Bản dịch chỉ dịch phần chữ; các thông tin khác lấy từ bản gốc.",
             en: "The translation gives '\(key)' as '\(value)', unlike the original '\(originalFile)' ('\(original)'). A translation translates text only; everything else comes from the original.",
             fixVi: "Xóa dòng '\(key)' khỏi bản dịch (hoặc sửa bản gốc nếu bản gốc sai).",
             fixEn: "Delete the '\(key)' line from the translation (or correct the original if it is wrong).")
    }

    static func translationStale(file: String, at: Position, key: String, originalFile: String) -> Diagnostic {
        make(.warning, "translation.stale", file, at,
             vi: "Danh sách '\(key)' trong bản dịch không còn khớp với bản gốc '\(originalFile)' (khác số mục hoặc khác số hiệu, ngày, năm); đang dùng danh sách của bản gốc.",
             en: "The translated list '\(key)' no longer matches the original '\(originalFile)' (a different number of entries, or different numbers, dates or years); the original's list is used.",
             fixVi: "Cập nhật bản dịch theo bản gốc: cùng số mục, cùng thứ tự, chỉ dịch phần chữ.",
             fixEn: "Bring the translation up to date: the same entries in the same order, with only the text translated.")
    }

    // MARK: References and structure

    static func refUnknown(file: String, at: Position?, target: (vi: String, en: String), id: String, suggestion: String?) -> Diagnostic {
        make(.error, "ref.unknown", file, at,
             vi: "Không có \(target.vi) nào có mã '\(id)'" + (suggestion.map { "; có phải ý bạn là '\($0)'?" } ?? "."),
             en: "No \(target.en) '\(id)'" + (suggestion.map { " exists; did you mean '\($0)'?" } ?? " exists."),
             fixVi: suggestion.map { "Viết '\($0)'." } ?? "Kiểm tra lại mã, hoặc tạo \(target.vi) này trước.",
             fixEn: suggestion.map { "Write '\($0)'." } ?? "Check the id, or create that \(target.en) first.")
    }

    static func parentCycle(file: String, at: Position?, kind: EntityKind, chain: [String]) -> Diagnostic {
        let n = noun(kind), path = chain.joined(separator: " → ")
        return make(.error, "parent.cycle", file, at,
                    vi: "Trường 'parent' tạo thành vòng lặp giữa các \(n.vi): \(path).",
                    en: "'parent' goes round in a circle among \(kind.rawValue): \(path).",
                    fixVi: "Sửa 'parent' để mỗi \(n.vi) thuộc về một \(n.vi) cấp trên, không quay vòng.",
                    fixEn: "Correct 'parent' so that each \(n.en) belongs to one above it, with no circle.")
    }

    static func unitRoot(file: String, at: Position?, publisher: String) -> Diagnostic {
        make(.warning, "unit.root", file, at,
             vi: "Đơn vị này không có 'parent': chỉ đơn vị phát hành trang ('\(publisher)') mới được không có đơn vị cấp trên.",
             en: "This unit has no 'parent': only the publisher ('\(publisher)') may have no parent.",
             fixVi: "Thêm dòng 'parent: \(publisher)', hoặc mã của đơn vị cấp trên trực tiếp.",
             fixEn: "Add the line 'parent: \(publisher)', or the id of the unit directly above it.")
    }

    /// A page whose address another output of the site already has (a section, a language's
    /// home, the shared folders): found once, when the site's outputs are planned.
    public static func pageCollision(file: String, id: String, address: String, taken: LocalizedText) -> Diagnostic {
        make(.error, "page.collision", file, nil,
             vi: "Trang '\(id)' sẽ có địa chỉ \(address), trùng với địa chỉ của \(taken[.vi] ?? "").",
             en: "The page '\(id)' would live at \(address), the address of \(taken[.en] ?? "").",
             fixVi: "Đổi tên tệp để trang có mã khác, ví dụ 'trang-\(id)'.",
             fixEn: "Rename the file to give the page another id, e.g. 'page-\(id)'.")
    }

    // MARK: Media and people

    static func mediaOutside(file: String, at: Position, key: String, value: String) -> Diagnostic {
        make(.error, "media.outside", file, at,
             vi: "Đường dẫn '\(value)' của '\(key)' nằm ngoài thư mục content/media/.",
             en: "The path '\(value)' in '\(key)' leads outside content/media/.",
             fixVi: "Chép tệp vào content/media/ và viết '\(key): media/<tên tệp>'.",
             fixEn: "Copy the file into content/media/ and write '\(key): media/<file name>'.")
    }

    static func mediaMissing(file: String, at: Position, key: String, value: String, suggestion: String?) -> Diagnostic {
        make(.error, "media.missing", file, at,
             vi: "Không có tệp 'content/\(value)' mà '\(key)' trỏ tới" + (suggestion.map { "; có phải ý bạn là '\($0)'?" } ?? "."),
             en: "'\(key)' names 'content/\(value)', which does not exist" + (suggestion.map { "; did you mean '\($0)'?" } ?? "."),
             fixVi: suggestion.map { "Viết '\(key): \($0)'." } ?? "Chép tệp vào content/media/, hoặc sửa lại tên tệp (phân biệt chữ hoa, chữ thường).",
             fixEn: suggestion.map { "Write '\(key): \($0)'." } ?? "Copy the file into content/media/, or correct its name (capitals matter).")
    }

    static func mediaAltMissing(file: String, at: Position, key: String, altKey: String) -> Diagnostic {
        make(.warning, "media.alt-missing", file, at,
             vi: "Ảnh '\(key)' chưa có lời mô tả '\(altKey)' cho người khiếm thị.",
             en: "The image '\(key)' has no description '\(altKey)' for readers who cannot see it.",
             fixVi: "Thêm dòng '\(altKey): …' mô tả ngắn gọn nội dung ảnh.",
             fixEn: "Add a line '\(altKey): …' briefly describing the picture.")
    }

    static func consentMissing(file: String, at: Position?, name: String) -> Diagnostic {
        make(.warning, "consent.missing", file, at,
             vi: "Chưa có 'consent: true' cho '\(name)': người này sẽ không xuất hiện ở bất cứ đâu trên trang web.",
             en: "'\(name)' has no 'consent: true': this person will not appear anywhere on the site.",
             fixVi: "Khi đã có sự đồng ý bằng văn bản của người này, thêm dòng 'consent: true'.",
             fixEn: "Once the person has agreed in writing, add the line 'consent: true'.")
    }
}
