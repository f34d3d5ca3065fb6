import Testing
import ThiDuaContent
import ThiDuaModel

/// Front matter built to make a YAML parser explode ends in one diagnostic, quickly: each input
/// here would take exponential time, or overflow the stack, if the loader let Yams compose it.
@Suite("Hostile: YAML front matter and settings")
struct HostileYAMLTests {
    /// "Billion laughs": ten levels of ten aliases each expand to 10^10 scalars.
    static let laughs: String = {
        var lines = ["lol0: &lol0 \"lol\""]
        for level in 1...10 {
            let refs = Array(repeating: "*lol\(level - 1)", count: 10).joined(separator: ", ")
            lines.append("lol\(level): &lol\(level) [\(refs)]")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test func billionLaughsInFrontMatterIsRefused() {
        let path = "content/individuals/cuoi.vi.md"
        let result = HostileSite.load(adding: path, HostileSite.individualHead + Self.laughs + "---\nBody.\n")
        let found = result.diagnostics(.yamlAlias)
        #expect(found.count == 1)
        #expect(found.first?.file == path)
        #expect(found.first?.line == HostileSite.appendedLine, "the line of the first anchor")
        #expect(result.site.individuals.map(\.id.rawValue) == ["lo-thi-mai"], "the file is left out, the rest loads")
    }

    @Test func billionLaughsInSettingsIsRefused() {
        let result = HostileSite.load(adding: "content/site.yml", "title: {vi: A, en: B}\n" + Self.laughs)
        #expect(result.diagnostics(.yamlAlias).map(\.file) == ["content/site.yml"])
    }

    /// Aliases used as mapping keys: Yams hashes each key in full, so this is exponential even before conversion.
    @Test func aliasAsKeyIsRefused() {
        let yaml = "a: &a [x, x]\nb: &b [*a, *a]\n? *b\n: 1\n"
        let result = HostileSite.load(adding: "content/individuals/khoa.vi.md", HostileSite.individualHead + yaml + "---\n")
        #expect(result.codes.contains(.yamlAlias))
    }

    @Test func hundredThousandOpenBracketsIsTooDeep() {
        let path = "content/individuals/ngoac.vi.md"
        let result = HostileSite.load(adding: path, HostileSite.individualHead + "summary: " + String(repeating: "[", count: 100_000) + "\n---\n")
        let found = result.diagnostics(.yamlTooDeep)
        #expect(found.count == 1)
        #expect(found.first?.file == path)
        #expect(found.first?.line == HostileSite.appendedLine)
        #expect(!result.codes.contains(.yamlSyntax), "stopped before the parser, not by it")
    }

    @Test func hundredThousandOpenBracesAndClosedBracketsAreTooDeep() {
        let balanced = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let braces = String(repeating: "{a: ", count: 100_000)
        for value in [balanced, braces] {
            let result = HostileSite.load(adding: "content/individuals/ngoac.vi.md", HostileSite.individualHead + "summary: \(value)\n---\n")
            #expect(result.diagnostics(.yamlTooDeep).count == 1)
        }
    }

    @Test func deepBlockNestingIsTooDeep() {
        // 100,000 sequence markers on one line, and 2,000 mappings indented one more space each.
        let dashes = "achievements:\n" + String(repeating: "- ", count: 100_000) + "x\n"
        var indented = ""
        for depth in 0..<2_000 { indented += String(repeating: " ", count: depth) + "k\(depth):\n" }
        for yaml in [dashes, indented] {
            let result = HostileSite.load(adding: "content/individuals/sau.vi.md", HostileSite.individualHead + yaml + "---\n")
            #expect(result.diagnostics(.yamlTooDeep).count == 1)
        }
    }

    @Test func deepNestingInSettingsIsTooDeep() {
        let result = HostileSite.load(adding: "content/site.yml", "title: " + String(repeating: "[", count: 100_000) + "\n")
        #expect(result.diagnostics(.yamlTooDeep).map(\.file) == ["content/site.yml"])
    }

    /// Many nodes, shallow and alias-free: a cap on the node count, not a parse of millions.
    @Test func hugeFlatListIsTooLarge() {
        let list = "achievements: [" + Array(repeating: "a", count: 300_000).joined(separator: ", ") + "]\n"
        let result = HostileSite.load(adding: "content/individuals/dai.vi.md", HostileSite.individualHead + list + "---\n")
        #expect(result.diagnostics(.yamlTooLarge).count == 1)
    }
}
