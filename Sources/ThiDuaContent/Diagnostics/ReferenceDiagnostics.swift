import ThiDuaModel

// What one entry says about another, and about media and people.
extension DiagnosticCatalog {
    // MARK: References and structure

    /// What an unknown reference was written as.
    public enum Reference: Sendable {
        /// A front-matter id, of the kind (or vocabulary) its field names (`unit: cd-truong`).
        /// `declaredIn`: the site.yml key that declares a vocabulary (`award_forms`), where the fix sends staff.
        case field(kind: (vi: String, en: String), id: String, declaredIn: String? = nil)
        /// A body's link, as written after `ref:` (`individuals/lo-thi-mai`); a suggestion is written as a link too.
        case link(String)
    }

    /// `ref.unknown`, one wording wherever the reference is written: the kind it asked for, the id, and a guess.
    public static func refUnknown(file: String?, at: Position?, _ reference: Reference, suggestion: String?) -> Diagnostic {
        let target: (vi: String, en: String), id: String, guess: String?
        // A link with no kind before its id (`ref:lo-thi-mai`) is fixed by its form, not by creating an entry.
        var unformed = false
        var declaredIn: String?
        switch reference {
        case .field(let kind, let name, let key): (target, id, guess, declaredIn) = (kind, name, suggestion, key)
        case .link(let written):
            let ref = EntityRef(written)
            unformed = ref == nil
            (target, id, guess) = (ref.map { noun($0.kind) } ?? anything, ref?.id ?? written, suggestion.map { "ref:\($0)" })
        }
        return make(.error, .refUnknown, file, at,
                    vi: "Không có \(target.vi) nào có mã '\(id)'" + (guess.map { "; có phải ý bạn là '\($0)'?" } ?? "."),
                    en: "No \(target.en) '\(id)'" + (guess.map { " exists; did you mean '\($0)'?" } ?? " exists."),
                    fixVi: guess.map { "Viết '\($0)'." }
                        ?? (unformed ? "Viết liên kết dạng ref:loại/mã, ví dụ ref:individuals/lo-thi-mai."
                            : declaredIn.map { "Kiểm tra lại mã, hoặc khai báo nó trong mục '\($0)' của content/site.yml." }
                            ?? "Kiểm tra lại mã, hoặc tạo \(target.vi) này trước."),
                    fixEn: guess.map { "Write '\($0)'." }
                        ?? (unformed ? "Write the link as ref:kind/id, for example ref:individuals/lo-thi-mai."
                            : declaredIn.map { "Check the id, or declare it under '\($0)' in content/site.yml." }
                            ?? "Check the id, or create that \(target.en) first."))
    }

    /// What a reference names when its kind is not known: any entry of the site.
    static let anything = (vi: "nội dung", en: "entry")

    /// A body link that could run code on the reader's device (`javascript:` and the like), dropped.
    public static func linkUnsafe(file: String?, at: Position?, target: String) -> Diagnostic {
        make(.warning, .linkUnsafe, file, at,
             vi: "Liên kết '\(target)' bị bỏ vì có thể chạy mã trên máy người đọc.",
             en: "The link '\(target)' was dropped because it could run code on the reader's device.",
             fixVi: "Dùng địa chỉ https://… hoặc ref:loại/mã.", fixEn: "Use an https://… address or ref:kind/id.")
    }

    static func parentCycle(file: String, at: Position?, kind: EntityKind, chain: [String]) -> Diagnostic {
        let n = noun(kind), path = chain.joined(separator: " → ")
        return make(.error, .parentCycle, file, at,
                    vi: "Trường 'parent' tạo thành vòng lặp giữa các \(n.vi): \(path).",
                    en: "'parent' goes round in a circle among \(kind.rawValue): \(path).",
                    fixVi: "Sửa 'parent' để mỗi \(n.vi) thuộc về một \(n.vi) cấp trên, không quay vòng.",
                    fixEn: "Correct 'parent' so that each \(n.en) belongs to one above it, with no circle.")
    }

    static func unitRoot(file: String, at: Position?, publisher: String) -> Diagnostic {
        make(.warning, .unitRoot, file, at,
             vi: "Đơn vị này không có 'parent': chỉ đơn vị phát hành trang ('\(publisher)') mới được không có đơn vị cấp trên.",
             en: "This unit has no 'parent': only the publisher ('\(publisher)') may have no parent.",
             fixVi: "Thêm dòng 'parent: \(publisher)', hoặc mã của đơn vị cấp trên trực tiếp.",
             fixEn: "Add the line 'parent: \(publisher)', or the id of the unit directly above it.")
    }

    /// A page whose address another output of the site already has (a section, a language's
    /// home, the shared folders): found once, when the site's outputs are planned.
    public static func pageCollision(file: String, id: String, address: String, taken: LocalizedText) -> Diagnostic {
        make(.error, .pageCollision, file, nil,
             vi: "Trang '\(id)' sẽ có địa chỉ \(address), trùng với địa chỉ của \(taken[.vi] ?? "").",
             en: "The page '\(id)' would live at \(address), the address of \(taken[.en] ?? "").",
             fixVi: "Đổi tên tệp để trang có mã khác, ví dụ 'trang-\(id)'.",
             fixEn: "Rename the file to give the page another id, e.g. 'page-\(id)'.")
    }

    // MARK: Media and people

    static func mediaOutside(file: String, at: Position, key: String, value: String) -> Diagnostic {
        make(.error, .mediaOutside, file, at,
             vi: "Đường dẫn '\(value)' của '\(key)' nằm ngoài thư mục content/media/.",
             en: "The path '\(value)' in '\(key)' leads outside content/media/.",
             fixVi: "Chép tệp vào content/media/ và viết '\(key): media/<tên tệp>'.",
             fixEn: "Copy the file into content/media/ and write '\(key): media/<file name>'.")
    }

    static func mediaMissing(file: String, at: Position, key: String, value: String, suggestion: String?) -> Diagnostic {
        make(.error, .mediaMissing, file, at,
             vi: "Không có tệp 'content/\(value)' mà '\(key)' trỏ tới" + (suggestion.map { "; có phải ý bạn là '\($0)'?" } ?? "."),
             en: "'\(key)' names 'content/\(value)', which does not exist" + (suggestion.map { "; did you mean '\($0)'?" } ?? "."),
             fixVi: suggestion.map { "Viết '\(key): \($0)'." } ?? "Chép tệp vào content/media/, hoặc sửa lại tên tệp (phân biệt chữ hoa, chữ thường).",
             fixEn: suggestion.map { "Write '\(key): \($0)'." } ?? "Copy the file into content/media/, or correct its name (capitals matter).")
    }

    static func mediaAltMissing(file: String, at: Position, key: String, altKey: String) -> Diagnostic {
        make(.warning, .mediaAltMissing, file, at,
             vi: "Ảnh '\(key)' chưa có lời mô tả '\(altKey)' cho người khiếm thị.",
             en: "The image '\(key)' has no description '\(altKey)' for readers who cannot see it.",
             fixVi: "Thêm dòng '\(altKey): …' mô tả ngắn gọn nội dung ảnh.",
             fixEn: "Add a line '\(altKey): …' briefly describing the picture.")
    }

    static func consentMissing(file: String, at: Position?, name: String) -> Diagnostic {
        make(.warning, .consentMissing, file, at,
             vi: "Chưa có 'consent: true' cho '\(name)': người này sẽ không xuất hiện ở bất cứ đâu trên trang web.",
             en: "'\(name)' has no 'consent: true': this person will not appear anywhere on the site.",
             fixVi: "Khi đã có sự đồng ý bằng văn bản của người này, thêm dòng 'consent: true'.",
             fixEn: "Once the person has agreed in writing, add the line 'consent: true'.")
    }
}
