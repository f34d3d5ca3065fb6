import Testing
@testable import ThiDuaRender

@Suite("Markdown: links, refs and refused URLs")
struct MarkdownLinkTests {
    @Test func refResolvedToThePageURL() {
        var asked: [String] = []
        let rendered = MarkdownRenderer().render("Gặp [chị Mai](ref:individuals/lo-thi-mai).", taskLabels: taskLabels(.vi)) { target in
            asked.append(target)
            return target == "individuals/lo-thi-mai" ? "/ca-nhan/lo-thi-mai/" : nil
        }
        #expect(asked == ["individuals/lo-thi-mai"])
        #expect(rendered.html == "<p>Gặp <a href=\"/ca-nhan/lo-thi-mai/\">chị Mai</a>.</p>\n")
        #expect(rendered.unresolvedRefs.isEmpty)
        #expect(rendered.blockedLinks.isEmpty)
    }

    @Test func refWithTitleAndReferenceStyleDefinition() {
        let rendered = renderMarkdown("""
            [Mai][mai] và [LĐLĐ](ref:units/ldld-tinh "Liên đoàn")

            [mai]: ref:individuals/lo-thi-mai
            """, refs: ["individuals/lo-thi-mai": "/ca-nhan/lo-thi-mai/", "units/ldld-tinh": "/don-vi/ldld-tinh/"])
        #expect(rendered.html
            == "<p><a href=\"/ca-nhan/lo-thi-mai/\">Mai</a> và <a href=\"/don-vi/ldld-tinh/\" title=\"Liên đoàn\">LĐLĐ</a></p>\n")
    }

    @Test func refUnresolvedKeepsTheTextAndReportsLineAndColumn() {
        let rendered = renderMarkdown("""
            # Tin

            Xin chào [**chị Mai**](ref:individuals/khong-co) nhé.
            Dòng hai, [đơn vị](ref:units/khong-co).
            """, refs: [:])
        #expect(rendered.html == """
            <h1>Tin</h1>
            <p>Xin chào <strong>chị Mai</strong> nhé.
            Dòng hai, đơn vị.</p>

            """)
        #expect(rendered.unresolvedRefs == [
            MarkdownLink(target: "individuals/khong-co", line: 3, column: 10),
            MarkdownLink(target: "units/khong-co", line: 4, column: 11),
        ])
        #expect(!rendered.html.contains("<a"))
    }

    @Test func refPositionsInsideListsQuotesAndTables() {
        let rendered = renderMarkdown("""
            - mục [a](ref:x/a)

            > trích [b](ref:x/b)

            | cột | cột |
            |---|---|
            | ô | [c](ref:x/c) |
            """)
        #expect(rendered.unresolvedRefs.map { "\($0.target)@\($0.line):\($0.column)" }
            == ["x/a@1:7", "x/b@3:9", "x/c@7:7"])
    }

    @Test func refPositionsWithCRLFLineEnds() {
        let rendered = renderMarkdown("một\r\nhai [a](ref:x/a)\r\n\r\nba [b](ref:x/b)")
        #expect(rendered.unresolvedRefs.map { "\($0.line):\($0.column)" } == ["2:5", "4:4"])
    }

    @Test(arguments: [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "JAVASCRIPT:alert(1)",
        " javascript:alert(1)",
        "<javascript:alert(1)>",
        "java&#x09;script:alert(1)",
        "java&#9;script:alert(1)",
        "java&Tab;script:alert(1)",
        "&#106;avascript:alert(1)",
        "&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)",
        "javascript&colon;alert(1)",
        "javascript%3Aalert(1)",
        "%6Aavascript:alert(1)",
        "jav%0Aascript:alert(1)",
        "<java\u{0B}script:alert(1)>",
        "vbscript:msgbox(1)",
        "VBScript:msgbox(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "DATA:text/html,<script>alert(1)</script>",
        "da&#x74;a:text/html,x",
        "file:///etc/passwd",
        "FILE:///C:/Windows",
    ])
    func refusedSchemeInLink(url: String) {
        let rendered = renderMarkdown("Xem [đây](\(url)) nhé")
        #expect(rendered.html == "<p>Xem đây nhé</p>\n", "\(url)")
        #expect(rendered.blockedLinks.count == 1, "\(url)")
        #expect(rendered.blockedLinks.first?.line == 1)
        #expect(rendered.blockedLinks.first?.column == 5)
        #expect(rendered.unresolvedRefs.isEmpty)
    }

    @Test func refusedSchemeInAutolinkAndReferenceDefinition() {
        let rendered = renderMarkdown("""
            <javascript:alert(1)> và [bấm][x]

            [x]: vbscript:msgbox
            """)
        // The autolink's text is its URL: it stays, as text.
        #expect(rendered.html == "<p>javascript:alert(1) và bấm</p>\n")
        #expect(rendered.blockedLinks.map(\.target) == ["javascript:alert(1)", "vbscript:msgbox"])
    }

    @Test func refusedURLFromAResolverIsBlockedToo() {
        let rendered = MarkdownRenderer().render("[a](ref:x/a)", taskLabels: taskLabels(.vi)) { _ in "javascript:alert(1)" }
        #expect(rendered.html == "<p>a</p>\n")
        #expect(rendered.blockedLinks == [MarkdownLink(target: "javascript:alert(1)", line: 1, column: 1)])
    }

    @Test(arguments: [
        ("/tin-tuc/mot/", "/tin-tuc/mot/"),
        ("../anh/a.jpg", "../anh/a.jpg"),
        ("https://laichau.gov.vn/a?b=1&c=2", "https://laichau.gov.vn/a?b=1&amp;c=2"),
        ("http://example.org", "http://example.org"),
        ("mailto:congdoan@example.vn", "mailto:congdoan@example.vn"),
        ("tel:+842133876543", "tel:+842133876543"),
        ("#muc-2", "#muc-2"),
        ("data-2023.pdf", "data-2023.pdf"),
        ("files/javascript:x", "files/javascript:x"),
    ])
    func keptURLs(url: String, href: String) {
        let rendered = renderMarkdown("[x](\(url))")
        #expect(rendered.html == "<p><a href=\"\(href)\">x</a></p>\n")
        #expect(rendered.blockedLinks.isEmpty)
    }

    @Test func images() {
        let rendered = renderMarkdown("""
            ![Tập thể tổ 3](media/to-3.jpg "Tổ 3")

            ![điểm ảnh](data:image/png;base64,iVBORw0KGgo=)

            ![Chị Mai](ref:media/mai) ![mất](ref:media/khong-co)
            """, refs: ["media/mai": "/media/mai.jpg"])
        #expect(rendered.html == """
            <p><img src="media/to-3.jpg" alt="Tập thể tổ 3" title="Tổ 3" /></p>
            <p>điểm ảnh</p>
            <p><img src="/media/mai.jpg" alt="Chị Mai" /> mất</p>

            """)
        #expect(rendered.blockedLinks == [MarkdownLink(target: "data:image/png;base64,iVBORw0KGgo=", line: 3, column: 1)])
        #expect(rendered.unresolvedRefs == [MarkdownLink(target: "media/khong-co", line: 5, column: 27)])
    }

    @Test func imageInsideARefusedLinkKeepsTheImage() {
        let rendered = renderMarkdown("[![ảnh](a.jpg)](javascript:x)")
        #expect(rendered.html == "<p><img src=\"a.jpg\" alt=\"ảnh\" /></p>\n")
        #expect(rendered.blockedLinks.count == 1)
    }

    @Test func policySchemeReading() {
        #expect(LinkPolicy.scheme(of: "java\tscript:x") == "javascript")
        #expect(LinkPolicy.scheme(of: "\u{200B}javascript:x") == "javascript")
        #expect(LinkPolicy.scheme(of: "HTTPS://x") == "https")
        #expect(LinkPolicy.scheme(of: "/a:b") == nil)
        #expect(LinkPolicy.scheme(of: "relative/path") == nil)
        #expect(LinkPolicy.decide("ref:individuals/lo-thi-mai") == .reference("individuals/lo-thi-mai"))
        #expect(LinkPolicy.decide("REF:units/a") == .reference("units/a"))
    }
}
