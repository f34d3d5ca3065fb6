import Foundation
import Testing
import ThiDuaContent
import ThiDuaModel

/// A small valid site declared in memory; each rule's test changes one file of it and
/// asserts the one diagnostic that change must produce.
enum ContentFixture {
    static let siteYML = """
        title:
          vi: Điển hình tiên tiến
          en: Exemplary Models
        base_url: https://example.org/
        languages: [vi, en]
        publisher: ldld-tinh
        fields:
          education: {vi: Giáo dục, en: Education}
          health: {vi: Y tế, en: Health care}
        districts:
          tam-duong: {vi: Huyện Tam Đường, en: Tam Đường District}

        """

    static let unitRoot = """
        ---
        name: Liên đoàn Lao động tỉnh
        kind: province-federation
        ---

        """
    static let unitSchool = """
        ---
        name: Công đoàn Trường Tiểu học Bản Giang
        kind: grassroots-union
        parent: ldld-tinh
        district: tam-duong
        ---

        """
    static let campaign = """
        ---
        title: Thi đua 2021-2025
        organizer: ldld-tinh
        period: {from: 2021-08-11, to: 2025-12-31}
        status: active
        basis:
          - number: 09/CT-UBND
            date: 2021-08-11
            issuer: UBND tỉnh
            title: Về phát động thi đua
        ---

        Nội dung.

        """
    static let campaignEN = """
        ---
        title: Emulation 2021-2025
        basis:
          - number: 09/CT-UBND
            date: 2021-08-11
            issuer: Provincial People's Committee
            title: On launching emulation
        ---

        Text.

        """
    static let individual = """
        ---
        name: Lò Thị Mai
        position: Giáo viên
        unit: cd-truong
        field: education
        district: tam-duong
        campaigns: [thi-dua]
        stage: replicated
        recognised: 2023-07-05
        photo: media/mai.png
        photo_alt: Cô Mai
        consent: true
        private:
          phone: "0912 345 678"
        ---

        Cô Mai.

        """
    static let individualEN = """
        ---
        position: Teacher
        photo_alt: Ms Mai
        ---

        Ms Mai.

        """
    static let collective = """
        ---
        name: Tổ khối 1
        unit: cd-truong
        field: education
        campaigns: [thi-dua]
        stage: nurtured
        recognised: 2024-01-02
        ---

        """
    static let award = """
        ---
        title: Bằng khen
        decision: 125/QĐ-LĐLĐ
        date: 2023-07-05
        issuer: Ban Chấp hành LĐLĐ tỉnh
        level: provincial
        form: certificate-of-merit
        campaign: thi-dua
        individuals: [lo-thi-mai]
        collectives: [to-khoi-1]
        ---

        """
    static let story = """
        ---
        title: Cô giáo bám bản
        date: 2023-07-10
        about: [individuals/lo-thi-mai, campaigns/thi-dua]
        ---

        Đọc [hồ sơ](ref:individuals/lo-thi-mai).

        """
    static let page = """
        ---
        title: Giới thiệu
        menu: 1
        ---

        Trang giới thiệu.

        """

    /// A 2×3 PNG: signature and IHDR are all the loader reads.
    /// A real picture (libvips reads every photo's header): 600 × 400, wide enough for no warning.
    static let png: [UInt8] = TestPhotos.png()

    static let files: [String: String] = [
        "content/site.yml": siteYML,
        "content/units/ldld-tinh.vi.md": unitRoot,
        "content/units/cd-truong.vi.md": unitSchool,
        "content/campaigns/thi-dua.vi.md": campaign,
        "content/campaigns/thi-dua.en.md": campaignEN,
        "content/individuals/lo-thi-mai.vi.md": individual,
        "content/individuals/lo-thi-mai.en.md": individualEN,
        "content/collectives/to-khoi-1.vi.md": collective,
        "content/awards/qd-125.vi.md": award,
        "content/stories/co-giao.vi.md": story,
        "content/pages/gioi-thieu.vi.md": page,
    ]

    /// The fixture with some files replaced (a value) or removed (nil).
    static func load(_ changes: [String: String?] = [:], bytes extra: [String: [UInt8]] = [:]) -> LoadResult {
        var all = files.mapValues { Array($0.utf8) }
        all["content/media/mai.png"] = png
        for (path, text) in changes { all[path] = text.map { Array($0.utf8) } }
        for (path, b) in extra { all[path] = b }
        return SiteLoader.load(from: MemorySource(bytes: all))
    }

    /// The diagnostics of the fixture with `changes`, but for its photo said to be unused: an edit that
    /// breaks the person's file or photo field leaves `mai.png` unused, which is not what those tests are about.
    static func diagnostics(_ changes: [String: String?] = [:], bytes extra: [String: [UInt8]] = [:]) -> [Diagnostic] {
        load(changes, bytes: extra).diagnostics.filter { !($0.code == .mediaUnused && $0.file == "content/media/mai.png") }
    }
}

/// `content/x.md:3:7: error[code] message` — what a failing expectation shows.
func render(_ diagnostics: [Diagnostic]) -> String {
    diagnostics.map { "\($0.file ?? "-"):\($0.line ?? 0):\($0.column ?? 0): \($0.severity)[\($0.code)] \($0.message[.en] ?? "")" }
        .joined(separator: "\n")
}

/// The one diagnostic expected; records an issue (listing all of them) when there is not exactly one.
func single(_ diagnostics: [Diagnostic], sourceLocation: SourceLocation = #_sourceLocation) -> Diagnostic? {
    #expect(diagnostics.count == 1, "expected one diagnostic, got:\n\(render(diagnostics))", sourceLocation: sourceLocation)
    return diagnostics.count == 1 ? diagnostics[0] : nil
}

/// Asserts a diagnostic's code, severity, file and position.
func expectDiagnostic(_ d: Diagnostic?, _ severity: Diagnostic.Severity, _ code: DiagnosticCode, file: String?, line: Int?, column: Int? = nil,
                      sourceLocation: SourceLocation = #_sourceLocation) {
    guard let d else { Issue.record("no diagnostic", sourceLocation: sourceLocation); return }
    #expect(d.code == code, sourceLocation: sourceLocation)
    #expect(d.severity == severity, sourceLocation: sourceLocation)
    #expect(d.file == file, sourceLocation: sourceLocation)
    #expect(d.line == line, "line", sourceLocation: sourceLocation)
    if let column { #expect(d.column == column, "column", sourceLocation: sourceLocation) }
    #expect(d.message[.vi]?.isEmpty == false && d.message[.en]?.isEmpty == false, "message in both languages",
            sourceLocation: sourceLocation)
}
