import Testing
import ThiDuaModel
import ThiDuaRender

@Suite("Markdown: GitHub-flavoured rendering")
struct MarkdownGFMTests {
    @Test func paragraphAndEmphasis() {
        #expect(renderMarkdown("Thi đua *yêu nước* và **sáng tạo**").html
            == "<p>Thi đua <em>yêu nước</em> và <strong>sáng tạo</strong></p>\n")
    }

    @Test func table() {
        let html = renderMarkdown("""
            | Đơn vị | Số lượng |
            |:-------|---------:|
            | LĐLĐ huyện Tam Đường | 12 |
            """).html
        #expect(html == """
            <table>
            <thead>
            <tr>
            <th class="align-left">Đơn vị</th>
            <th class="align-right">Số lượng</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td class="align-left">LĐLĐ huyện Tam Đường</td>
            <td class="align-right">12</td>
            </tr>
            </tbody>
            </table>

            """)
        #expect(!html.contains("style="))
    }

    @Test func strikethrough() {
        #expect(renderMarkdown("~~cũ~~ mới").html == "<p><del>cũ</del> mới</p>\n")
    }

    @Test func autolinkBareURLAndEmail() {
        #expect(renderMarkdown("Xem www.laichau.gov.vn và https://example.org/a?b=1").html
            == "<p>Xem <a href=\"http://www.laichau.gov.vn\">www.laichau.gov.vn</a> và <a href=\"https://example.org/a?b=1\">https://example.org/a?b=1</a></p>\n")
        #expect(renderMarkdown("Liên hệ congdoan@example.vn").html
            == "<p>Liên hệ <a href=\"mailto:congdoan@example.vn\">congdoan@example.vn</a></p>\n")
    }

    /// cmark-gfm writes the boxes with no name (axe rule `label`); each is named done or not done, in each
    /// language's words from `templates/i18n/`, and stays a real (disabled) checkbox, so it still shows a tick or a box.
    @Test(arguments: [(Language.vi, "đã xong", "chưa xong"), (.en, "done", "not done")])
    func taskListBoxesSayDoneOrNotDone(_ language: Language, _ done: String, _ notDone: String) {
        #expect(renderMarkdown("- [x] Phát hiện\n- [ ] Nhân rộng", language: language).html == """
            <ul>
            <li><input type="checkbox" checked="" disabled="" aria-label="\(done)" /> Phát hiện</li>
            <li><input type="checkbox" disabled="" aria-label="\(notDone)" /> Nhân rộng</li>
            </ul>

            """)
    }

    @Test func taskBoxesInALooseListAndBesideATableAreNamedToo() {
        let html = renderMarkdown("- [ ] Bồi dưỡng\n\n- [x] Tổng kết\n\n| a |\n|--:|\n| 1 |\n", language: .en).html
        #expect(html.contains("<li><input type=\"checkbox\" disabled=\"\" aria-label=\"not done\" /> \n<p>Bồi dưỡng</p>"))
        #expect(html.contains("<li><input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"done\" /> \n<p>Tổng kết</p>"))
        #expect(html.contains("<td class=\"align-right\">1</td>"), "the table's repair still runs in the same pass")
        #expect(html.components(separatedBy: "<input").count - 1 == html.components(separatedBy: "aria-label=").count - 1)
    }

    @Test func taskLabelIsEscapedAsAnAttribute() {
        let html = MarkdownRenderer().render("- [x] a", taskLabels: TaskListLabels(done: "\"xong\" & <hết>", notDone: "")) { _ in nil }.html
        #expect(html.contains("aria-label=\"&quot;xong&quot; &amp; &lt;hết&gt;\""))
    }

    /// Text that spells the box is text: only the tasklist extension writes a box.
    @Test func writtenCheckboxMarkupIsNotNamed() {
        let html = renderMarkdown("`<input type=\"checkbox\" disabled=\"\" />` và <input type=\"checkbox\" disabled=\"\" />").html
        #expect(!html.contains("aria-label"))
        #expect(!html.contains("<input"))
    }

    @Test(arguments: ["title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script", "plaintext"])
    func tagFilteredElementsNeverAppear(tag: String) {
        let html = renderMarkdown("<\(tag)>x</\(tag)>\n\nChữ <\(tag)>y</\(tag)> giữa câu").html
        #expect(!html.lowercased().contains("<\(tag)"))
        #expect(html.contains("Chữ "), "the text around the element stays")
    }

    @Test func rawHTMLBlockAndInlineAreOmitted() {
        let html = renderMarkdown("""
            <script>alert("x")</script>

            Ảnh <img src=x onerror="alert(1)"> và <a href="javascript:alert(2)">bấm</a>.

            <div onclick="steal()">khối</div>
            """).html
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("onerror"))
        #expect(!html.contains("onclick"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("<div"))
        #expect(html.contains("<!-- raw HTML omitted -->"))
        #expect(html.contains("Ảnh "))
    }

    @Test func rawHTMLInCodeIsEscapedText() {
        #expect(renderMarkdown("`<script>`").html == "<p><code>&lt;script&gt;</code></p>\n")
    }

    @Test func noSmartPunctuation() {
        #expect(renderMarkdown("\"Thi đua\" -- 'là yêu nước'...").html
            == "<p>&quot;Thi đua&quot; -- 'là yêu nước'...</p>\n")
    }

    @Test func vietnameseNFCPassesThroughByteForByte() {
        let text = "Lò Thị Mai, Đoàn Thị Được: ngày 05 tháng 7 năm 2023 — ưu tú, xuất sắc, Trường Sơn."
        let rendered = renderMarkdown(text)
        // String == compares canonically; compare the bytes so a normalisation would show.
        #expect(Array(rendered.html.utf8) == Array("<p>\(text)</p>\n".utf8))
        #expect(Array(rendered.plainText.utf8) == Array(text.utf8))
    }

    @Test func outputIsDeterministic() {
        let body = "# Tiêu đề\n\n| a | b |\n|---|---|\n| ~~x~~ | www.a.vn |\n\n- [ ] việc\n\n[Mai](ref:individuals/lo-thi-mai)"
        let first = renderMarkdown(body, refs: ["individuals/lo-thi-mai": "/ca-nhan/lo-thi-mai/"])
        for _ in 0..<20 {
            let again = renderMarkdown(body, refs: ["individuals/lo-thi-mai": "/ca-nhan/lo-thi-mai/"])
            #expect(Array(again.html.utf8) == Array(first.html.utf8))
            #expect(again.plainText == first.plainText)
        }
    }

    @Test func emptyAndNULBodies() {
        #expect(renderMarkdown("").html == "")
        #expect(renderMarkdown("").plainText == "")
        #expect(renderMarkdown("a\u{0}b").html == "<p>a\u{FFFD}b</p>\n")
    }
}

@Suite("Markdown: plain text")
struct MarkdownPlainTextTests {
    @Test func markupRemovedAndWhitespaceCollapsed() {
        let rendered = renderMarkdown("""
            # Gương   điển hình

            Chị **Lò Thị Mai**, công nhân
            [Công ty](https://example.vn) *xuất sắc*.

            - [x] Sáng kiến `SK-01`
            - ~~Bỏ~~

            | Năm | Giá trị |
            |---|---|
            | 2023 | 120 triệu |

            Thô <b>đậm</b>
            """)
        // Raw HTML tags are omitted, as in the HTML; the text between them stays.
        #expect(rendered.plainText
            == "Gương điển hình Chị Lò Thị Mai, công nhân Công ty xuất sắc. Sáng kiến SK-01 Bỏ Năm Giá trị 2023 120 triệu Thô đậm")
    }

    @Test func keepsTheTextOfDroppedLinksAndImageAltText() {
        let rendered = renderMarkdown("[Mai](ref:individuals/khong-co) và ![ảnh tập thể](media/a.jpg) [bấm](javascript:x)")
        #expect(rendered.plainText == "Mai và ảnh tập thể bấm")
    }
}
