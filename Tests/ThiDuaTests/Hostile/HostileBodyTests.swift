import Testing
import ThiDuaContent
import ThiDuaModel
import ThiDuaRender

/// Markdown bodies whose parse cmark-gfm (Debian's 0.29.0.gfm.6) would make quadratic are refused by the
/// loader with `body.too-deep`, before the parser sees them; big but ordinary bodies load and render.
@Suite("Hostile: Markdown bodies")
struct HostileBodyTests {
    static let path = "content/individuals/sau.vi.md"
    /// The body starts on the line after the closing fence.
    static let bodyLine = HostileSite.appendedLine + 1
    static func file(body: String) -> String { HostileSite.individualHead + "---\n" + body }

    /// 100,000 nested quotes, then 100,000 brackets: about a minute inside cmark-gfm if it were parsed.
    @Test func deepQuotesThenBracketsAreRefused() {
        let body = String(repeating: "> ", count: 100_000) + String(repeating: "[", count: 100_000) + "\n"
        let result = HostileSite.load(adding: Self.path, Self.file(body: body))
        let found = result.diagnostics(.bodyTooDeep)
        #expect(found.count == 1)
        #expect(found.first?.file == Self.path)
        #expect(found.first?.line == Self.bodyLine)
        #expect(found.first?.message[.vi]?.contains("100000") == true)
        #expect(found.first?.message[.en]?.contains("at most 100") == true)
        // The entity stays (no cascade of unknown references), without the body.
        let person = result.site.individuals.first { $0.id.rawValue == "sau" }
        #expect(person != nil)
        #expect(person?.entry.body[.vi] ?? "" == "")
    }

    @Test func deepListsAreRefused() {
        for marker in ["- ", "* ", "+ ", "1. ", "2) ", "> - "] {
            let body = "Mở đầu.\n\n" + String(repeating: marker, count: 50_000) + "x\n"
            let found = HostileSite.load(adding: Self.path, Self.file(body: body)).diagnostics(.bodyTooDeep)
            #expect(found.map(\.line) == [Self.bodyLine + 2], "marker \(marker)")
        }
    }

    @Test func hundredThousandOpenBracketsAreRefused() {
        let body = "Một dòng.\n" + String(repeating: "[", count: 100_000) + "\n"
        let found = HostileSite.load(adding: Self.path, Self.file(body: body)).diagnostics(.bodyTooDeep)
        #expect(found.count == 1)
        #expect(found.first?.line == Self.bodyLine + 1)
        #expect(found.first?.column == 1_001, "the first bracket past the limit")
    }

    /// What real text does stays well inside the limits: quotes and lists a few levels deep,
    /// thousands of closed links, brackets spread over many paragraphs, escaped brackets.
    @Test func ordinaryBodiesAreAccepted() {
        let links = Array(repeating: "[Lò Thị Mai](ref:individuals/lo-thi-mai)", count: 5_000).joined(separator: " ")
        let paragraphs = Array(repeating: String(repeating: "[", count: 900), count: 20).joined(separator: "\n\n")
        let bodies = [
            String(repeating: "> ", count: 100) + "trích dẫn\n",
            "- a\n  - b\n    - c\n      1. d\n",
            links + "\n",
            paragraphs + "\n",
            String(repeating: "\\[", count: 5_000) + "\n",
        ]
        for body in bodies {
            let result = HostileSite.load(adding: Self.path, Self.file(body: body))
            #expect(result.diagnostics.isEmpty, "\(result.codes)")
            #expect(result.site.individuals.first { $0.id.rawValue == "sau" }?.entry.body[.vi] == body, "loaded with its body")
        }
    }

    /// 50 MB of ordinary prose: loads with no diagnostic, and cmark-gfm renders it (in release about a second or two).
    @Test func fiftyMegabyteBodyLoadsAndRenders() {
        let paragraph = "Cô Mai là **người lao động trực tiếp** tiêu biểu, với [một liên kết](https://example.org/) và `mã`.\n\n"
        let count = 50_000_000 / paragraph.utf8.count + 1
        let body = String(repeating: paragraph, count: count)
        #expect(body.utf8.count >= 50_000_000)
        let result = HostileSite.load(adding: Self.path, Self.file(body: body))
        #expect(result.diagnostics.isEmpty, "\(result.codes)")
        let loaded = result.site.individuals.first { $0.id.rawValue == "sau" }?.entry.body[.vi] ?? ""
        #expect(loaded.utf8.count == body.utf8.count)
        let html = MarkdownRenderer().render(loaded, taskLabels: taskLabels(.vi)) { _ in nil }.html
        #expect(html.utf8.count > 50_000_000)
        #expect(html.hasSuffix("<code>mã</code>.</p>\n"))
    }
}
