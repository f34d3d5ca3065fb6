import Foundation
import ThiDuaModel

/// The text of a new entity file (`thidua new`): every field its kind has (the same table the
/// loader reads, `Schema`), each explained in a comment in the language asked for, filled in
/// where a value can be known (the name, today's date, `consent: false`) and left empty where
/// the person must write it, so that `thidua check` names exactly those.
public enum NewEntry {
    /// The kind named on the command line, singular or plural (`individual`, `individuals`, `story`).
    public static func kind(named name: String) -> EntityKind? {
        EntityKind.allCases.first { $0.rawValue == name || singular($0) == name }
    }

    /// `stories` → `story`, `individuals` → `individual`.
    public static func singular(_ kind: EntityKind) -> String {
        let plural = kind.rawValue
        if plural.hasSuffix("ies") { return String(plural.dropLast(3)) + "y" }
        return plural.hasSuffix("s") ? String(plural.dropLast()) : plural
    }

    /// The field that names an entity of `kind` (a person's or a unit's `name`, a decision's `title`).
    static func nameKey(_ kind: EntityKind) -> String {
        Schema.of(kind).spec("name") != nil ? "name" : "title"
    }

    /// The file's text. `name` fills the naming field; `date` every date (a period starts on it).
    public static func text(kind: EntityKind, name: String?, date: LocalDate, comments language: Language) -> String {
        let l = language == .en ? Language.en : .vi
        var out = "---\n"
        out += comment(l == .vi
            ? "Tệp mới: điền các giá trị còn trống rồi chạy 'thidua check'; lệnh này chỉ ra những trường còn phải điền. Dòng bắt đầu bằng # là chú thích."
            : "A new file: fill in the empty values, then run 'thidua check', which names the fields still to fill in. Lines starting with # are comments.")
        for spec in Schema.of(kind).fields {
            out += comment(help(kind, spec, l))
            out += "\(spec.key):\(value(kind, spec, name: name, date: date))\n"
        }
        out += "---\n\n"
        out += l == .vi ? "Viết nội dung ở đây, bằng Markdown.\n" : "Write the text here, in Markdown.\n"
        return out
    }

    private static func comment(_ text: String) -> String { "# \(text)\n" }

    private static func value(_ kind: EntityKind, _ spec: FieldSpec, name: String?, date: LocalDate) -> String {
        if spec.key == nameKey(kind), let name, !name.isEmpty { return " " + yamlString(name) }
        switch spec.type {
        case .date: return " \(date.iso)"
        case .period: return " {from: \(date.iso), to: }"
        case .bool: return " false"
        case .refs, .about, .textList, .records: return " []"
        case .anything: return " {}"
        default: return ""
        }
    }

    /// A YAML scalar that stays a string whatever it holds (a name with a colon, a number).
    public static func yamlString(_ s: String) -> String {
        let plain = s.allSatisfy { $0.isLetter || $0 == " " || $0 == "-" || $0 == "." } && !s.hasPrefix("-") && !s.hasPrefix(" ")
        if plain && !["true", "false", "null", "yes", "no", "on", "off", "~"].contains(s.lowercased()) { return s }
        return "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// What a field is for, and what it takes.
    static func help(_ kind: EntityKind, _ spec: FieldSpec, _ l: Language) -> String {
        let what = FieldHelp.text(kind: kind, key: spec.key)
        var parts = [l == .vi ? what.vi : what.en]
        parts.append(spec.required ? (l == .vi ? "Bắt buộc." : "Required.") : (l == .vi ? "Không bắt buộc." : "Optional."))
        switch spec.type {
        case .choice(let values): parts.append((l == .vi ? "Một trong: " : "One of: ") + values.joined(separator: ", ") + ".")
        case .date: parts.append(l == .vi ? "Ngày dạng NNNN-TT-NN." : "A date, YYYY-MM-DD.")
        case .period: parts.append(l == .vi ? "Từ ngày, đến ngày (NNNN-TT-NN)." : "From and to dates (YYYY-MM-DD).")
        case .ref(.entity(let target)): parts.append((l == .vi ? "Mã của một mục trong content/" : "The id of an entry in content/") + target.rawValue + "/.")
        case .refs(.entity(let target), _): parts.append((l == .vi ? "Danh sách mã trong content/" : "A list of ids in content/") + target.rawValue + "/, [a, b].")
        case .ref(.field), .refs(.field, _): parts.append(l == .vi ? "Một mã trong 'fields' của site.yml." : "An id from site.yml's 'fields'.")
        case .ref(.district), .refs(.district, _): parts.append(l == .vi ? "Một mã trong 'districts' của site.yml." : "An id from site.yml's 'districts'.")
        case .media: parts.append(l == .vi ? "Đường dẫn trong content/, ví dụ media/anh.jpg." : "A path in content/, e.g. media/photo.jpg.")
        case .records(let record):
            let keys = record.fields.map { "\($0.key): …" }.joined(separator: ", ")
            parts.append((l == .vi ? "Mỗi mục: " : "Each item: ") + "- {\(keys)}")
        case .textList: parts.append(l == .vi ? "Danh sách: [\"…\", \"…\"]." : "A list: [\"…\", \"…\"].")
        default: break
        }
        return parts.joined(separator: " ")
    }
}

/// What each field of the content model is for, in both languages (for `thidua new`'s comments).
/// A kind's own meaning (`kind.key`) comes before the meaning the key has everywhere.
enum FieldHelp {
    typealias Words = (vi: String, en: String)

    static func text(kind: EntityKind, key: String) -> Words {
        byKindAndKey["\(kind.rawValue).\(key)"] ?? byKey[key] ?? ("Trường '\(key)'.", "The field '\(key)'.")
    }

    static let byKindAndKey: [String: Words] = [
        "campaigns.title": ("Tên phong trào thi đua.", "The emulation movement's name."),
        "campaigns.summary": ("Một câu giới thiệu phong trào.", "One sentence about the movement."),
        "campaigns.parent": ("Phong trào lớn mà phong trào này thuộc về.", "The movement this one is part of."),
        "units.name": ("Tên đầy đủ của đơn vị công đoàn.", "The union body's full name."),
        "units.parent": ("Đơn vị cấp trên (chỉ đơn vị gốc không có).", "The body above it (only the root has none)."),
        "units.district": ("Huyện, thành phố của đơn vị.", "The district or city it is in."),
        "units.kind": ("Loại đơn vị công đoàn.", "What kind of union body it is."),
        "collectives.name": ("Tên tập thể điển hình.", "The exemplary collective's name."),
        "individuals.name": ("Họ và tên, viết họ – tên đệm – tên (ví dụ Lò Thị Mai); giống nhau ở mọi ngôn ngữ.", "Full name, family – middle – given (e.g. Lò Thị Mai); the same in every language."),
        "awards.title": ("Tên quyết định, ví dụ: Bằng khen của Ban Chấp hành LĐLĐ tỉnh.", "The decision's title, e.g. Certificate of Merit of the Provincial Federation's Executive Committee."),
        "awards.date": ("Ngày ký quyết định.", "The date the decision was signed."),
        "awards.campaign": ("Phong trào mà quyết định khen thưởng.", "The movement the decision rewards."),
        "awards.individuals": ("Các cá nhân được khen thưởng.", "The individuals commended."),
        "awards.collectives": ("Các tập thể được khen thưởng.", "The collectives commended."),
        "stories.title": ("Tiêu đề bài viết.", "The story's headline."),
        "stories.date": ("Ngày đăng.", "The date it is published."),
        "stories.summary": ("Một hai câu tóm tắt bài viết.", "A sentence or two summing up the story."),
        "pages.title": ("Tiêu đề trang.", "The page's title."),
        "pages.summary": ("Một câu giới thiệu trang.", "One sentence about the page."),
    ]

    static let byKey: [String: Words] = [
        "theme": ("Chủ đề, khẩu hiệu của phong trào.", "The movement's slogan."),
        "summary": ("Một câu giới thiệu ngắn, hiện trong danh sách.", "A short sentence shown in lists."),
        "organizer": ("Đơn vị phát động.", "The union body that launched it."),
        "period": ("Thời gian triển khai.", "When it runs."),
        "status": ("Tình trạng: planned (sắp triển khai), active (đang triển khai), closed (đã kết thúc).", "Status: planned, active or closed."),
        "basis": ("Các văn bản làm căn cứ (chỉ thị, kế hoạch): số, ngày, cơ quan ban hành, tên.", "The documents it implements (directives, plans): number, date, issuer, title."),
        "short_name": ("Tên viết tắt.", "A short name."),
        "members": ("Số thành viên.", "How many members it has."),
        "unit": ("Công đoàn cơ sở (đơn vị) của tập thể hoặc người này.", "The union body it belongs to."),
        "field": ("Lĩnh vực.", "The field of work."),
        "district": ("Huyện, thành phố.", "The district or city."),
        "campaigns": ("Các phong trào thi đua mà điển hình này tham gia; ít nhất một.", "The movements it is an example in; at least one."),
        "stage": ("Bước xây dựng điển hình: discovered (phát hiện), nurtured (bồi dưỡng), summarised (tổng kết), replicated (nhân rộng).", "Where the model stands: discovered, nurtured, summarised or replicated."),
        "recognised": ("Ngày được ghi nhận là điển hình.", "The date it was recognised as a model."),
        "featured": ("true để đưa lên trang chủ.", "true to show it on the home page."),
        "achievements": ("Các thành tích, mỗi thành tích một dòng.", "Achievements, one per item."),
        "initiatives": ("Sáng kiến, cải tiến: tên, năm, giá trị làm lợi (đồng).", "Initiatives: title, year, value gained (VND)."),
        "photo": ("Ảnh chân dung hoặc ảnh hoạt động, trong content/media/.", "A portrait or a photo at work, in content/media/."),
        "photo_alt": ("Mô tả ảnh cho người không nhìn thấy ảnh (cần có khi có ảnh).", "What the photo shows, for people who cannot see it (needed when there is a photo)."),
        "given_name": ("Tên dùng để xếp thứ tự (mặc định: chữ cuối của họ tên; cần khi tên có hai chữ, như Trường Sơn).", "The name lists sort by (default: the last word of the name; needed for two-word given names such as Trường Sơn)."),
        "position": ("Chức vụ, công việc.", "Position or job."),
        "direct_worker": ("true nếu là người lao động trực tiếp.", "true for a front-line (direct) worker."),
        "gender": ("Giới tính.", "Gender."),
        "consent": ("Chỉ đổi thành true khi người này đã đồng ý bằng văn bản cho đăng; khi chưa có, người này không xuất hiện ở đâu trên trang.", "Set to true only once the person has agreed in writing to be published; until then they appear nowhere on the site."),
        "decision": ("Số quyết định, ví dụ 125/QĐ-LĐLĐ.", "The decision's number, e.g. 125/QĐ-LĐLĐ."),
        "issuer": ("Cơ quan ban hành.", "Who issued it."),
        "level": ("Cấp khen thưởng.", "The level of the commendation."),
        "form": ("Hình thức khen thưởng.", "The form of commendation."),
        "about": ("Bài viết nói về ai, viết dạng loại/mã, ví dụ individuals/lo-thi-mai.", "Who the story is about, as kind/id, e.g. individuals/lo-thi-mai."),
        "image": ("Ảnh minh họa, trong content/media/.", "The story's image, in content/media/."),
        "image_alt": ("Mô tả ảnh cho người không nhìn thấy ảnh.", "What the image shows, for people who cannot see it."),
        "menu": ("Thứ tự trên trình đơn chính (để trống: không lên trình đơn).", "Its place in the main menu (empty: not in the menu)."),
        "draft": ("true khi chưa muốn đăng (bản nháp).", "true while it is not ready to publish (a draft)."),
        "sample": ("true nếu đây là dữ liệu mẫu, không có thật; trang sẽ ghi rõ.", "true for invented sample data; its page says so."),
        "private": ("Ghi chú nội bộ; không bao giờ được đăng lên trang.", "Internal notes; never published."),
    ]
}
