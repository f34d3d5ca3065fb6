import ThiDuaModel

/// What a field should have held, for a "wrong type" message.
enum ExpectedType {
    case text, line, textList, date, period, bool, count, integer, choice([String]), ref, refs, about, media
    case records(RecordSchema), localizedText, languages, vocabulary, url
    case entityRef([EntityKind]), dates

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
        case .entityRef(let kinds):
            let forms = kinds.map { "\($0.rawValue)/<mã>" }.joined(separator: " hoặc "), formsEn = kinds.map { "\($0.rawValue)/<id>" }.joined(separator: " or ")
            return ("một tham chiếu dạng \(forms), ví dụ individuals/lo-thi-mai", "a reference written \(formsEn), e.g. individuals/lo-thi-mai")
        case .dates: return ("một danh sách ngày dạng YYYY-MM-DD, ví dụ [2025-01-01, 2025-04-30]", "a list of dates written YYYY-MM-DD, e.g. [2025-01-01, 2025-04-30]")
        }
    }
}

// A front-matter field's value, and the ids, languages and translations of files.
extension DiagnosticCatalog {
    // MARK: Fields

    private static func owned(_ key: String, _ owner: String?) -> String { owner.map { "\($0).\(key)" } ?? key }

    static func fieldRequired(file: String, at: Position, key: String, owner: String?) -> Diagnostic {
        let k = owned(key, owner)
        return make(.error, .fieldRequired, file, at,
                    vi: "Thiếu trường bắt buộc '\(k)' (hoặc trường này đang để trống).",
                    en: "The required field '\(k)' is missing (or empty).",
                    fixVi: "Thêm dòng '\(key): …' với giá trị phù hợp.", fixEn: "Add a line '\(key): …' with its value.")
    }

    static func fieldUnknown(file: String, at: Position, key: String, suggestion: String?, known: [String], owner: String?) -> Diagnostic {
        if let s = suggestion {
            return make(.warning, .fieldUnknown, file, at,
                        vi: "Trường '\(owned(key, owner))' không có trong mô hình nội dung nên bị bỏ qua; có phải ý bạn là '\(s)'?",
                        en: "The field '\(owned(key, owner))' is not part of the content model and is ignored; did you mean '\(s)'?",
                        fixVi: "Đổi '\(key)' thành '\(s)'.", fixEn: "Rename '\(key)' to '\(s)'.")
        }
        return make(.warning, .fieldUnknown, file, at,
                    vi: "Trường '\(owned(key, owner))' không có trong mô hình nội dung nên bị bỏ qua. Các trường được dùng: \(known.joined(separator: ", ")).",
                    en: "The field '\(owned(key, owner))' is not part of the content model and is ignored. Known fields: \(known.joined(separator: ", ")).",
                    fixVi: "Xóa dòng này hoặc sửa tên trường.", fixEn: "Delete the line or correct the field's name.")
    }

    static func fieldType(file: String, at: Position, key: String, expected: ExpectedType, guess: String? = nil) -> Diagnostic {
        let w = expected.words
        return make(.error, .fieldType, file, at,
                    vi: "Giá trị của trường '\(key)' không đúng kiểu: cần \(w.vi).",
                    en: "The value of '\(key)' has the wrong type: it must be \(w.en).",
                    fixVi: guess.map { "Viết '\(key): \($0)'." } ?? "Sửa giá trị thành \(w.vi).",
                    fixEn: guess.map { "Write '\(key): \($0)'." } ?? "Write \(w.en).")
    }

    static func dateInvalid(file: String, at: Position, key: String, value: String, guess: String?) -> Diagnostic {
        if let (month, year, days) = DateReading.daysInMonth(value), LocalDate(iso: value) == nil, value.count == 10 {
            return make(.error, .dateInvalid, file, at,
                        vi: "Ngày '\(value)' của trường '\(key)' không tồn tại: tháng \(month) năm \(year) có \(days) ngày.",
                        en: "The date '\(value)' in '\(key)' does not exist: month \(month) of \(year) has \(days) days.",
                        fixVi: "Sửa lại ngày cho đúng.", fixEn: "Correct the date.")
        }
        return make(.error, .dateInvalid, file, at,
                    vi: "Ngày '\(value)' của trường '\(key)' không đúng dạng YYYY-MM-DD (năm-tháng-ngày, ví dụ 2023-07-05).",
                    en: "The date '\(value)' in '\(key)' is not written YYYY-MM-DD (year-month-day, e.g. 2023-07-05).",
                    fixVi: guess.map { "Viết '\(key): \($0)'." } ?? "Viết ngày dạng YYYY-MM-DD.",
                    fixEn: guess.map { "Write '\(key): \($0)'." } ?? "Write the date as YYYY-MM-DD.")
    }

    static func periodInvalid(file: String, at: Position, from: LocalDate, to: LocalDate) -> Diagnostic {
        make(.error, .periodInvalid, file, at,
             vi: "Khoảng thời gian kết thúc (\(to.iso)) trước khi bắt đầu (\(from.iso)).",
             en: "The period ends (\(to.iso)) before it starts (\(from.iso)).",
             fixVi: "Kiểm tra lại 'from' và 'to'.", fixEn: "Check 'from' and 'to'.")
    }

    static func enumInvalid(file: String, at: Position, key: String, value: String, allowed: [String], suggestion: String?) -> Diagnostic {
        make(.error, .enumInvalid, file, at,
             vi: "Giá trị '\(value)' của trường '\(key)' không hợp lệ; chỉ dùng một trong: \(allowed.joined(separator: ", "))" + (suggestion.map { ". Có phải ý bạn là '\($0)'?" } ?? "."),
             en: "'\(value)' is not a valid '\(key)'; use one of: \(allowed.joined(separator: ", "))" + (suggestion.map { ". Did you mean '\($0)'?" } ?? "."),
             fixVi: suggestion.map { "Viết '\(key): \($0)'." } ?? "Chọn một giá trị trong danh sách.",
             fixEn: suggestion.map { "Write '\(key): \($0)'." } ?? "Choose a value from the list.")
    }

    // MARK: Ids, languages, translations

    static func idMalformed(file: String, at: Position?, value: String, suggestion: String?) -> Diagnostic {
        make(.error, .idMalformed, file, at,
             vi: "Mã '\(value)' không hợp lệ: mã chỉ gồm chữ thường không dấu (a–z), chữ số và dấu '-', không bắt đầu hay kết thúc bằng '-'.",
             en: "The id '\(value)' is malformed: an id holds only lower-case letters a–z, digits and '-', and does not start or end with '-'.",
             fixVi: suggestion.map { "Dùng mã '\($0)'." } ?? "Đặt lại mã theo quy tắc trên.",
             fixEn: suggestion.map { "Use the id '\($0)'." } ?? "Rename it following the rule above.")
    }

    static func idDuplicate(file: String, other: String, id: String, language: String) -> Diagnostic {
        let l = languageName(language)
        return make(.error, .idDuplicate, file, nil,
                    vi: "Mã '\(id)' có hai tệp \(l.vi): '\(other)' và tệp này.",
                    en: "The id '\(id)' has two \(l.en) files: '\(other)' and this one.",
                    fixVi: "Giữ một tệp và xóa tệp còn lại (tệp không có đuôi ngôn ngữ là \(l.vi)).",
                    fixEn: "Keep one file and delete the other (a file with no language suffix is \(l.en)).")
    }

    static func languageUnknown(file: String, suffix: String, languages: [String], suggestion: String?) -> Diagnostic {
        make(.error, .langUnknown, file, nil,
             vi: "Đuôi ngôn ngữ '.\(suffix)' trong tên tệp không có trong danh sách ngôn ngữ của trang (\(languages.joined(separator: ", ")))" + (suggestion.map { "; có phải ý bạn là '.\($0)'?" } ?? "."),
             en: "The language suffix '.\(suffix)' in the file name is not one of the site's languages (\(languages.joined(separator: ", ")))" + (suggestion.map { "; did you mean '.\($0)'?" } ?? "."),
             fixVi: "Đặt tên tệp dạng <mã>.<ngôn ngữ>.md, ví dụ lo-thi-mai.en.md, hoặc thêm ngôn ngữ vào 'languages' trong site.yml.",
             fixEn: "Name the file <id>.<language>.md, e.g. lo-thi-mai.en.md, or add the language to 'languages' in site.yml.")
    }

    static func languageInvalid(file: String, at: Position, value: String) -> Diagnostic {
        make(.error, .langInvalid, file, at,
             vi: "'\(value)' không phải mã ngôn ngữ hợp lệ, hoặc bị lặp lại.",
             en: "'\(value)' is not a valid language code, or is listed twice.",
             fixVi: "Dùng mã ngôn ngữ hai chữ cái viết thường, mỗi mã một lần, ví dụ [vi, en].",
             fixEn: "Use two-letter lower-case language codes, each once, e.g. [vi, en].")
    }

    static func languageLabelUnknown(file: String, at: Position, code: String, languages: [String]) -> Diagnostic {
        make(.warning, .langUnknown, file, at,
             vi: "Ngôn ngữ '\(code)' không có trong 'languages' (\(languages.joined(separator: ", "))) nên bị bỏ qua.",
             en: "The language '\(code)' is not in 'languages' (\(languages.joined(separator: ", "))) and is ignored.",
             fixVi: "Sửa mã ngôn ngữ hoặc thêm nó vào 'languages'.", fixEn: "Correct the code or add it to 'languages'.")
    }

    static func translationOrphan(file: String, id: String, expected: String) -> Diagnostic {
        make(.error, .translationOrphan, file, nil,
             vi: "Đây là bản dịch của '\(id)' nhưng không có tệp gốc '\(expected)'.",
             en: "This is a translation of '\(id)', but its original file '\(expected)' does not exist.",
             fixVi: "Tạo tệp '\(expected)' (bản gốc là chuẩn), hoặc sửa tên tệp này cho khớp với mã của bản gốc.",
             fixEn: "Create '\(expected)' (the original is canonical), or rename this file to match the original's id.")
    }

    static func translationConflict(file: String, at: Position?, key: String, value: String, original: String, originalFile: String) -> Diagnostic {
        make(.error, .translationConflict, file, at,
             vi: "Bản dịch ghi '\(key)' là '\(value)', khác với bản gốc '\(originalFile)' ('\(original)'). Bản dịch chỉ dịch phần chữ; các thông tin khác lấy từ bản gốc.",
             en: "The translation gives '\(key)' as '\(value)', unlike the original '\(originalFile)' ('\(original)'). A translation translates text only; everything else comes from the original.",
             fixVi: "Xóa dòng '\(key)' khỏi bản dịch (hoặc sửa bản gốc nếu bản gốc sai).",
             fixEn: "Delete the '\(key)' line from the translation (or correct the original if it is wrong).")
    }

    static func translationStale(file: String, at: Position, key: String, originalFile: String) -> Diagnostic {
        make(.warning, .translationStale, file, at,
             vi: "Danh sách '\(key)' trong bản dịch không còn khớp với bản gốc '\(originalFile)' (khác số mục hoặc khác số hiệu, ngày, năm); đang dùng danh sách của bản gốc.",
             en: "The translated list '\(key)' no longer matches the original '\(originalFile)' (a different number of entries, or different numbers, dates or years); the original's list is used.",
             fixVi: "Cập nhật bản dịch theo bản gốc: cùng số mục, cùng thứ tự, chỉ dịch phần chữ.",
             fixEn: "Bring the translation up to date: the same entries in the same order, with only the text translated.")
    }
}
