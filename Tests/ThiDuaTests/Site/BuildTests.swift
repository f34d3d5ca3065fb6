import Foundation
import Testing
import ThiDuaContent
import ThiDuaModel
import ThiDuaRender
import ThiDuaSite
import ThiDuaTheme

/// End to end: a real site folder in, a bilingual static site out.
@Suite("Building a site", .serialized)
struct BuildTests {
    @Test("the example site builds with no errors into pages at the addresses of section 7, in both languages")
    func exampleBuilds() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let report = site.build()
        #expect(!report.diagnostics.hasErrors, "\(report.diagnostics)")
        #expect(report.published)
        for path in ["", "en", "phong-trao", "en/campaigns", "phong-trao/thi-dua-2021-2025", "en/campaigns/thi-dua-2021-2025",
                     "don-vi/ldld-tinh-lai-chau", "en/units/ldld-tinh-lai-chau", "tap-the/to-1-truong-th-ban-giang",
                     "en/collectives/to-1-truong-th-ban-giang", "ca-nhan/lo-thi-mai", "en/individuals/lo-thi-mai",
                     "khen-thuong/qd-125-2023", "en/awards/qd-125-2023", "tin-tuc/co-giao-ban-giang",
                     "en/stories/co-giao-ban-giang", "gioi-thieu", "en/gioi-thieu", "ca-nhan", "en/individuals"] {
            #expect(site.exists(path.isEmpty ? "index.html" : "\(path)/index.html"), "missing page /\(path)/")
        }
        #expect(site.exists("media/lo-thi-mai.jpg/600.webp"))
        #expect(site.exists("assets/site.css"))
    }

    @Test("every page declares its language, both hreflang alternates, x-default and a canonical link")
    func languagesAndAlternates() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        site.build()
        let vi = try site.page("ca-nhan/lo-thi-mai"), en = try site.page("en/individuals/lo-thi-mai")
        #expect(vi.contains("<html lang=\"vi\">"))
        #expect(en.contains("<html lang=\"en\">"))
        for html in [vi, en] {
            #expect(html.contains("<link rel=\"alternate\" hreflang=\"vi\" href=\"https://example.org/ca-nhan/lo-thi-mai/\">"))
            #expect(html.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/en/individuals/lo-thi-mai/\">"))
            #expect(html.contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://example.org/ca-nhan/lo-thi-mai/\">"))
        }
        #expect(vi.contains("<link rel=\"canonical\" href=\"https://example.org/ca-nhan/lo-thi-mai/\">"))
        #expect(en.contains("<link rel=\"canonical\" href=\"https://example.org/en/individuals/lo-thi-mai/\">"))
        // The language switcher leads to the same person in the other language.
        #expect(vi.contains("<a href=\"/en/individuals/lo-thi-mai/\" hreflang=\"en\" lang=\"en\">English</a>"))
        #expect(en.contains("<a href=\"/ca-nhan/lo-thi-mai/\" hreflang=\"vi\" lang=\"vi\">Tiếng Việt</a>"))
    }

    @Test("an individual's page shows what a reader wants to know, in the page's language")
    func individualPage() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        site.build()
        let vi = try site.page("ca-nhan/lo-thi-mai")
        #expect(vi.contains("<h1>Lò Thị Mai</h1>"))
        #expect(vi.contains("Giáo viên chủ nhiệm lớp 1"))
        #expect(vi.contains("href=\"/don-vi/cd-truong-th-ban-giang/\""))      // unit, linked
        #expect(vi.contains("Giáo dục") && vi.contains("Huyện Tam Đường"))     // field, district
        #expect(vi.contains("href=\"/phong-trao/thi-dua-2021-2025/\""))       // campaign, linked
        #expect(vi.contains("aria-current=\"step\">Nhân rộng</li>"))          // stage in plain words
        #expect(vi.contains("Chiến sĩ thi đua cơ sở năm học 2022-2023"))      // achievements
        #expect(vi.contains("120.000.000 đồng"))                              // initiative's value gained
        #expect(vi.contains("href=\"/khen-thuong/qd-125-2023/\""))            // the award decision naming her
        #expect(vi.contains("ngày 05 tháng 7 năm 2023"))                      // official date
        #expect(vi.contains("href=\"/tin-tuc/co-giao-ban-giang/\""))          // the story about her
        #expect(vi.contains("<table>"))                                       // the body's GFM table
        #expect(vi.contains("width=\"600\" height=\"800\""))                  // photo carries its size
        let en = try site.page("en/individuals/lo-thi-mai")
        #expect(en.contains("Grade 1 homeroom teacher"))
        #expect(en.contains("5 July 2023"))
        #expect(en.contains("VND 120,000,000"))
        #expect(en.contains("href=\"/en/units/cd-truong-th-ban-giang/\""))   // ref: link resolved in English
        #expect(!en.contains("untranslated") && !en.contains("has not been translated"))
    }

    @Test("a page shown from untranslated text says so and marks that text as Vietnamese")
    func untranslatedPage() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        site.build()
        let en = try site.page("en/collectives/to-1-truong-th-ban-giang")
        #expect(en.contains("This content has not been translated yet"))
        #expect(en.contains("<h1 lang=\"vi\">Tổ chuyên môn khối 1, Trường Tiểu học Bản Giang</h1>"))
        #expect(en.contains("<div class=\"prose\" lang=\"vi\">"))
        // Its ref: link leads to the English page of the person.
        #expect(en.contains("href=\"/en/individuals/lo-thi-mai/\""))
        let vi = try site.page("tap-the/to-1-truong-th-ban-giang")
        #expect(!vi.contains("chưa được dịch"))
    }

    @Test("nothing under private, and nobody without consent, reaches the output")
    func privacy() throws {
        let site = try TestSite(files: [
            "content/individuals/hidden-person.vi.md": """
            ---
            name: Vàng Thị Ẩn
            position: Công nhân
            unit: cd-truong-th-ban-giang
            field: education
            campaigns: [thi-dua-2021-2025]
            stage: discovered
            recognised: 2024-03-01
            photo: media/hidden.jpg
            photo_alt: Ảnh
            private:
              phone: "0988 777 666"
            ---

            Câu chuyện riêng.
            """,
        ])
        defer { site.cleanUp() }
        try FileManager.default.copyItem(at: site.root.appendingPathComponent("content/media/lo-thi-mai.jpg"),
                                         to: site.root.appendingPathComponent("content/media/hidden.jpg"))
        // Name her in the award too: the decision stays public, her name does not appear.
        let award = try site.read("content/awards/qd-125-2023.vi.md")
            .replacingOccurrences(of: "individuals: [lo-thi-mai]", with: "individuals: [lo-thi-mai, hidden-person]")
        try site.write("content/awards/qd-125-2023.vi.md", award)
        let report = site.build()
        #expect(report.published, "\(report.diagnostics)")
        #expect(report.diagnostics.contains { $0.code == .consentMissing })
        #expect(!site.exists("ca-nhan/hidden-person/index.html"))
        #expect(!site.exists("en/individuals/hidden-person/index.html"))
        #expect(!site.exists("media/hidden.jpg"))
        let files = try site.snapshot()
        #expect(files["ca-nhan/lo-thi-mai/index.html"] != nil, "the published pages are searched")
        for (path, bytes) in files {
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(!text.contains("0912 000 000"), "private phone in \(path)")
            #expect(!text.contains("0988 777 666"), "private phone in \(path)")
            #expect(!text.contains("Vàng Thị Ẩn"), "unconsented name in \(path)")
            #expect(!text.contains("hidden-person"), "unconsented id in \(path)")
        }
    }

    @Test("the same input gives byte-identical output")
    func deterministic() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let other = site.root.appendingPathComponent("output-2")
        site.build()
        site.build(output: other)
        let a = try site.snapshot(), b = try site.snapshot(other)
        #expect(a.count > 20)
        #expect(a == b)
    }

    @Test("a build with an error writes nothing and leaves the published site byte for byte as it was")
    func failedBuildKeepsOutput() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        #expect(site.build().published)
        let before = try site.snapshot()
        try site.write("content/individuals/lo-thi-mai.vi.md",
                       try site.read("content/individuals/lo-thi-mai.vi.md").replacingOccurrences(of: "unit: cd-truong-th-ban-giang", with: "unit: no-such-unit"))
        let report = site.build()
        #expect(!report.published)
        #expect(report.diagnostics.contains { $0.code == .refUnknown && $0.file == "content/individuals/lo-thi-mai.vi.md" && $0.line == 4 })
        #expect(try site.snapshot() == before)
        // No staging folder is left behind either.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.contains("staging") }
        #expect(leftovers.isEmpty)
    }

    @Test("files an earlier build wrote that the new one does not produce are gone after a successful build")
    func staleFilesRemoved() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        site.build()
        try site.write("output/old-page/index.html", "stale")
        #expect(site.build().published)
        #expect(!site.exists("old-page/index.html"))
        #expect(site.exists("index.html"))
    }

    @Test("an unknown ref: link in a body is an error naming the file and the line inside the body")
    func unknownRefLink() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.write("content/stories/co-giao-ban-giang.vi.md", """
        ---
        title: Cô giáo mười năm bám bản Bản Giang
        date: 2023-07-10
        ---

        Dòng một.

        Đọc hồ sơ của [cô Mai](ref:individuals/lo-thi-maii).
        """)
        let report = site.build()
        let unknown = report.diagnostics.filter { $0.code == .refUnknown }
        #expect(unknown.count == 1, "\(unknown)")
        let d = try #require(unknown.first)
        #expect(d.severity == .error)
        #expect(d.file == "content/stories/co-giao-ban-giang.vi.md")
        #expect(d.line == 8)
        #expect(d.column == 15, "the '[' of the link, counted in characters, not bytes")
        // The wording of every ref.unknown, a field's or a link's: the kind, the id, and the guess written as a link.
        #expect(d.message[.en] == "No individual 'lo-thi-maii' exists; did you mean 'ref:individuals/lo-thi-mai'?")
        #expect(d.message[.vi] == "Không có cá nhân nào có mã 'lo-thi-maii'; có phải ý bạn là 'ref:individuals/lo-thi-mai'?")
        #expect(d.fix?[.en] == "Write 'ref:individuals/lo-thi-mai'.")
        #expect(!report.published)
    }

    @Test("a javascript: link in a body is dropped with one warning at its place, and the site is still built")
    func unsafeLink() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.write("content/pages/gioi-thieu.vi.md", """
        ---
        title: Giới thiệu
        menu: 1
        ---

        Dòng một.

        Xem thêm: [bấm](javascript:alert(1)).
        """)
        let report = site.build()
        let unsafe = report.diagnostics.filter { $0.code == .linkUnsafe }
        #expect(unsafe.count == 1, "\(report.diagnostics)")
        let d = try #require(unsafe.first)
        #expect(d.severity == .warning)
        #expect(d.file == "content/pages/gioi-thieu.vi.md")
        #expect(d.line == 8)
        #expect(d.column == 11)
        #expect(d.message[.en] == "The link 'javascript:alert(1)' was dropped because it could run code on the reader's device.")
        #expect(d.message[.vi] == "Liên kết 'javascript:alert(1)' bị bỏ vì có thể chạy mã trên máy người đọc.")
        #expect(report.published, "a warning does not stop the build")
        #expect(try !site.page("gioi-thieu").contains("javascript:"))
    }

    @Test("a page not in the menu shows the menu with no item marked, as a section not in the menu does")
    func pageOutsideTheMenu() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.write("content/pages/quy-che.vi.md", """
        ---
        title: Quy chế khen thưởng
        ---

        Quy chế.
        """)
        let report = site.build()
        #expect(report.published, "\(report.diagnostics)")
        func menu(_ page: String) throws -> String {
            let html = try site.page(page)
            let nav = try #require(html.range(of: "<nav class=\"main-nav\""), "\(page) has the main menu")
            let end = try #require(html.range(of: "</nav>", range: nav.upperBound..<html.endIndex))
            return String(html[nav.lowerBound..<end.upperBound])
        }
        let outside = try menu("quy-che")
        #expect(outside.contains(">Trang chủ</a>"), "the menu's items are there")
        #expect(!outside.contains("aria-current"))
        #expect(outside == (try menu("don-vi")), "the menu of the units' list, which is not in the menu either")
    }

    /// 1-based line and column of the first occurrence of `needle` in `text`.
    static func position(of needle: String, in text: String) throws -> (line: Int, column: Int) {
        let lines = text.components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.contains(needle) })
        let column = lines[index].distance(from: lines[index].startIndex, to: lines[index].range(of: needle)!.lowerBound) + 1
        return (index + 1, column)
    }

    @Test("a template that does not exist in the theme is an error naming it")
    func missingTemplate() throws {
        // The built-in theme always has every template; a theme without one is declared in memory.
        var theme = BuiltinTheme.files
        theme["award.mustache"] = nil
        let source = SourceTree(MemorySource([:]), builtinTheme: theme)
        let (templates, loadIssues) = TemplateSet.load(from: source)
        #expect(loadIssues.isEmpty, "\(loadIssues)")
        let (strings, _) = StringsLoader.load(from: source, languages: [.vi, .en])
        let d = templates.check(required: ["award", "story"], strings: strings)
        #expect(d.map(\.code) == [.templateMissing], "\(d)")
        #expect(d.first?.file == "templates/award.mustache")
    }

    @Test("a partial that does not exist is an error at the tag that names it, never empty output")
    func missingPartial() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let story = try TestSite.builtin("story.mustache").replacingOccurrences(of: "partials/body", with: "partials/bodyy")
        try site.write("templates/story.mustache", story)
        let tag = try Self.position(of: "{{> partials/bodyy}}", in: story)
        let report = site.build()
        #expect(!report.published)
        let partial = try #require(report.diagnostics.first { $0.code == .templatePartialMissing })
        #expect(partial.file == "templates/story.mustache")
        #expect(partial.fix?[.en] == "Did you mean 'partials/body'?")
        #expect(partial.line == tag.line, "the line of the {{> …}} tag")
        #expect(partial.column == tag.column, "the column of its {{")
        #expect(partial.message[.en] == "The template uses the partial 'partials/bodyy', but templates/partials/bodyy.mustache does not exist.")
        #expect(!site.exists("index.html"))
    }

    @Test("an i18n key used by a template but missing in one language is an error naming both files")
    func missingString() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let original = try TestSite.builtin("page.mustache")
        #expect(original.hasSuffix("\n"))
        try site.write("templates/page.mustache", original + "<p>{{t.label.not_there}}</p>\n")
        let line = original.components(separatedBy: "\n").count   // the line after the last one
        let report = site.build()
        let missing = report.diagnostics.filter { $0.code == .i18nKeyMissing && $0.file == "templates/page.mustache" }
        #expect(missing.count == 2, "\(missing)")   // once per language
        for d in missing {
            #expect(d.severity == .error)
            #expect(d.line == line)
            #expect(d.column == 4)
        }
        // Which language lacks it: the message names the language, the fix its file.
        #expect(Set(missing.compactMap { $0.message[.en] }) == [
            "The interface string 'label.not_there' is missing for the language 'en' (used in templates/page.mustache:\(line)).",
            "The interface string 'label.not_there' is missing for the language 'vi' (used in templates/page.mustache:\(line)).",
        ])
        #expect(missing.contains { $0.message[.vi] == "Thiếu chuỗi giao diện 'label.not_there' cho ngôn ngữ 'en' (dùng trong templates/page.mustache:\(line))." })
        #expect(Set(missing.compactMap { $0.fix?[.en] }) == [
            "Add the key 'label.not_there' to templates/i18n/en.yml, as in the other language's file.",
            "Add the key 'label.not_there' to templates/i18n/vi.yml, as in the other language's file.",
        ])
        #expect(!report.published)
        #expect(!site.exists("index.html"))
    }

    @Test("a template with a section never closed is a syntax error naming the file, and nothing is written",
          arguments: [
              // Closed by another section's tag: the parser stops at the name that does not match.
              ("{{#layout}}\n<h1>{{title}}</h1>\n{{#content}}\n<p>x</p>\n{{/layout}}\n", 5, 4,
               "a closing {{/…}} tag does not match the name of the open {{#…}} section"),
              // Never closed at all: the parser stops at the end of the file; the diagnostic points at the open section.
              ("{{#layout}}\n<h1>{{title}}</h1>\n{{#content}}\n<p>x</p>\n", 3, 1, "the section {{#content}} opened here is never closed"),
          ] as [(String, Int, Int, String)])
    func templateSyntaxError(_ template: String, _ line: Int, _ column: Int, _ problem: String) throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.write("templates/page.mustache", template)
        let report = site.build()
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.code) == [.templateSyntax], "\(errors)")
        let d = try #require(errors.first)
        #expect(d.file == "templates/page.mustache")
        #expect(d.line == line)
        #expect(d.column == column)
        #expect(d.message[.en] == "Mustache syntax error: \(problem).")
        #expect(d.message[.vi]?.hasPrefix("Lỗi cú pháp Mustache: ") == true)
        #expect(d.message[.vi]?.contains("Error") == false, "no parser name in the Vietnamese text")
        #expect(d.fix?[.en] == "Check that every {{#…}} is closed by a matching {{/…}}.")
        #expect(!report.published)
        #expect(!FileManager.default.fileExists(atPath: site.output.path), "the build writes nothing")
    }

    @Test("a missing interface-strings file is an error naming it, and nothing is written")
    func missingStringsFile() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        // The built-in theme has vi and en; a third language needs its own file.
        let settings = try site.read("content/site.yml")
        try site.write("content/site.yml", settings.replacingOccurrences(of: "languages: [vi, en]", with: "languages: [vi, en, fr]"))
        #expect(try site.read("content/site.yml") != settings)
        let report = site.build()
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.code) == [.i18nMissing], "\(errors)")
        let d = try #require(errors.first)
        #expect(d.file == "templates/i18n/fr.yml")
        #expect(d.message[.en] == "There is no interface-strings file for the language 'fr'.")
        #expect(d.message[.vi] == "Không có tệp chuỗi giao diện cho ngôn ngữ 'fr'.")
        #expect(d.fix?[.en] == "Create templates/i18n/fr.yml (copy another language's file and translate it).")
        #expect(!report.published)
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test("an interface-strings file that is not YAML is an error naming it at the broken line, and nothing is written")
    func brokenStringsFile() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.write("templates/i18n/en.yml", "language:\n  name: English\n  code: [en\nnav:\n  home: Home\n")
        let report = site.build()
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.code) == [.i18nYAML], "\(errors)")
        let d = try #require(errors.first)
        #expect(d.file == "templates/i18n/en.yml")
        // libyaml notices the unclosed list of line 3 at the ':' of the next key.
        #expect(d.line == 4)
        #expect(d.column == 4)
        #expect(d.message[.en] == "The interface-strings file is not valid YAML (YAML: did not find expected ',' or ']').")
        #expect(d.message[.vi] == "Tệp chuỗi giao diện không phải YAML hợp lệ (YAML: did not find expected ',' or ']').")
        #expect(d.fix?[.en]?.hasPrefix("Look at this line and the one above") == true)
        #expect(!report.published)
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test("the output folder may not be the site, content/, templates/ or a folder holding them")
    func refusedOutput() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        for bad in [site.root, site.root.appendingPathComponent("content"), site.root.appendingPathComponent("templates"),
                    site.root.deletingLastPathComponent(), URL(fileURLWithPath: "/")] {
            let report = site.build(output: bad)
            #expect(report.diagnostics.map(\.code) == [.ioOutputRefused], "\(bad.path)")
        }
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("content/site.yml").path))
    }

    @Test("drafts are left out unless asked for")
    func drafts() throws {
        let site = try TestSite(files: ["content/pages/lien-he.vi.md": "---\ntitle: Liên hệ\ndraft: true\n---\n\nSắp có.\n"])
        defer { site.cleanUp() }
        site.build()
        #expect(!site.exists("lien-he/index.html"))
        site.build(drafts: true)
        #expect(site.exists("lien-he/index.html"))
    }

    @Test("raw HTML and javascript: links in a body never reach the page")
    func hostileBody() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.write("content/pages/gioi-thieu.vi.md", """
        ---
        title: Giới thiệu
        menu: 1
        ---

        <script>alert(1)</script>

        [bấm](javascript:alert(1)) và <img src=x onerror=alert(1)>
        """)
        let report = site.build()
        #expect(report.published, "\(report.diagnostics)")
        let html = try site.page("gioi-thieu")
        #expect(!html.contains("<script"))
        #expect(!html.contains("onerror"))
        #expect(!html.contains("javascript:"))
    }

    @Test("a task list's boxes are named in the words of the text around them, also on a page shown untranslated")
    func taskListBoxesAreNamed() throws {
        let list = "\n- [x] Bản tóm tắt thành tích\n- [ ] Văn bản đồng ý công bố thông tin\n"
        let site = try TestSite(files: [
            "content/pages/ho-so.vi.md": "---\ntitle: Hồ sơ đề nghị\n---\n" + list,
            "content/pages/ho-so.en.md": "---\ntitle: Nomination file\n---\n\n- [x] Summary of achievements\n- [ ] Consent to publish\n",
            "content/pages/chuan-bi.vi.md": "---\ntitle: Chuẩn bị\n---\n" + list,
        ])
        defer { site.cleanUp() }
        #expect(site.build().published)
        let vi = try site.page("ho-so"), en = try site.page("en/ho-so"), untranslated = try site.page("en/chuan-bi")
        #expect(vi.contains("<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"đã xong\" /> Bản tóm tắt thành tích"))
        #expect(vi.contains("<input type=\"checkbox\" disabled=\"\" aria-label=\"chưa xong\" /> Văn bản đồng ý"))
        #expect(en.contains("<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"done\" /> Summary of achievements"))
        #expect(en.contains("<input type=\"checkbox\" disabled=\"\" aria-label=\"not done\" /> Consent to publish"))
        // Inside <div lang="vi">: Vietnamese words, read with the Vietnamese voice like the items themselves.
        #expect(untranslated.contains("<div class=\"prose\" lang=\"vi\">"))
        #expect(untranslated.contains("aria-label=\"đã xong\" /> Bản tóm tắt thành tích"))
        #expect(!untranslated.contains("aria-label=\"done\""))
    }

    @Test("the repository's own site builds with no errors")
    func repositorySite() throws {
        let root = TestSite.repository
        // The site is part of the repository: without it this test must fail, not pass having checked nothing.
        try #require(FileManager.default.fileExists(atPath: root.appendingPathComponent("content/site.yml").path))
        let report = SiteBuilder.check(BuildOptions(siteDirectory: root))
        #expect(report.translations != nil, "the site was read through to its pages")
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map { "\($0.file ?? ""):\($0.line ?? 0): \($0.code) \($0.message[.en] ?? "")" })")
    }

    @Test("short dates pad the day below 10 and the months 1 and 2, as official documents do")
    func shortDates() throws {
        let site = try TestSite(files: ["content/awards/qd-3-2024.vi.md": """
            ---
            title: Giấy khen đầu năm
            decision: 3/QĐ-LĐLĐ
            date: 2024-01-09
            issuer: LĐLĐ tỉnh Lai Châu
            level: provincial
            form: certificate
            individuals: [lo-thi-mai]
            ---
            """])
        defer { site.cleanUp() }
        site.build()
        let vi = try site.page("khen-thuong"), en = try site.page("en/awards")
        #expect(vi.contains("09/01/2024"), "January is written 01 in Vietnamese")
        #expect(vi.contains("05/7/2023"), "other months are not padded")
        #expect(en.contains("9 January 2024"))
    }

    @Test("a person with a mistake is reported once: the ref: links to them from other bodies are not errors too")
    func brokenEntryIsOneMistake() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let person = try site.read("content/individuals/lo-thi-mai.vi.md")
        try site.write("content/individuals/lo-thi-mai.vi.md", person.replacingOccurrences(of: "recognised: 2023-07-05", with: "recognised: 2023-02-30"))
        #expect(try site.read("content/stories/co-giao-ban-giang.vi.md").contains("ref:individuals/lo-thi-mai"), "a body links to her")
        let report = site.build()
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.code) == [.dateInvalid], "\(errors.map { "\($0.file ?? ""):\($0.line ?? 0) \($0.code)" })")
        #expect(errors.first?.file == "content/individuals/lo-thi-mai.vi.md")
        #expect(!report.published)
    }
}
