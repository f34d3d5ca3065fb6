import ThiDuaContent
import ThiDuaModel

/// A small valid site (settings, two units, one individual) that a hostile file joins.
enum HostileSite {
    static let files: [String: [UInt8]] = [
        "content/site.yml": """
            title: {vi: Điển hình, en: Models}
            base_url: https://example.org/
            languages: [vi, en]
            publisher: ldld-tinh-lai-chau
            fields:
              education: {vi: Giáo dục, en: Education}
            districts:
              tam-duong: {vi: Huyện Tam Đường, en: Tam Đường District}
            """,
        "content/units/ldld-tinh-lai-chau.vi.md": """
            ---
            name: Liên đoàn Lao động tỉnh Lai Châu
            kind: province-federation
            district: tam-duong
            ---
            """,
        "content/units/cd-truong-th-ban-giang.vi.md": """
            ---
            name: Công đoàn Trường Tiểu học Bản Giang
            kind: grassroots-union
            parent: ldld-tinh-lai-chau
            district: tam-duong
            ---
            """,
        "content/campaigns/thi-dua.vi.md": """
            ---
            title: Thi đua 2021-2025
            organizer: ldld-tinh-lai-chau
            period: {from: 2021-08-11, to: 2025-12-31}
            status: active
            ---
            """,
        "content/individuals/lo-thi-mai.vi.md": """
            ---
            name: Lò Thị Mai
            position: Giáo viên
            unit: cd-truong-th-ban-giang
            campaigns: [thi-dua]
            stage: discovered
            field: education
            district: tam-duong
            recognised: 2023-07-05
            consent: true
            ---
            Cô Mai.
            """,
    ].mapValues { Array($0.utf8) }

    /// The site with one more file (or a replaced one).
    static func load(adding path: String, _ bytes: [UInt8]) -> LoadResult {
        var all = files
        all[path] = bytes
        return SiteLoader.load(from: MemorySource(bytes: all))
    }

    static func load(adding path: String, _ text: String) -> LoadResult {
        load(adding: path, Array(text.utf8))
    }

    /// The front matter of a valid individual, without its closing fence, for tests to extend.
    static let individualHead = """
        ---
        name: Lò Văn Hùng
        position: Giáo viên
        unit: cd-truong-th-ban-giang
        field: education
        campaigns: [thi-dua]
        stage: discovered
        recognised: 2023-07-05
        consent: true

        """

    /// The file line on which text appended to `individualHead` starts.
    static let appendedLine = individualHead.split(separator: "\n", omittingEmptySubsequences: false).count
}

extension LoadResult {
    var codes: [DiagnosticCode] { diagnostics.map(\.code) }
    func diagnostics(_ code: DiagnosticCode) -> [Diagnostic] { diagnostics.filter { $0.code == code } }
}
