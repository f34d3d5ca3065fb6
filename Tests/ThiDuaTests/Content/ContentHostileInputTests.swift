import Foundation
import Testing
import ThiDuaContent
import ThiDuaModel

private typealias F = ContentFixture

/// Broken and hostile files end in diagnostics, in bounded time, never in a crash.
@Suite("Content: hostile and broken input")
struct ContentHostileInputTests {
    /// A small deterministic generator, so a failing case can be replayed.
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let interesting: [[UInt8]] = [":", "-", "[", "]", "{", "}", "&a", "*a", "!!", "|", ">", "#", "\"", "'", "\t", "\n", "---",
                                         "? ", "%YAML 1.1\n", "\u{FEFF}", "\r", "\0", "e\u{0301}", "..", "../", "ref:"].map { Array($0.utf8) }
        + [[0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]]

    static func mutate(_ bytes: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
        var b = bytes
        for _ in 0..<Int.random(in: 1...6, using: &rng) {
            let at = b.isEmpty ? 0 : Int.random(in: 0..<b.count, using: &rng)
            switch Int.random(in: 0..<5, using: &rng) {
            case 0 where !b.isEmpty: b[at] = UInt8.random(in: 0...255, using: &rng)
            case 1: b.insert(contentsOf: interesting.randomElement(using: &rng)!, at: at)
            case 2 where !b.isEmpty: b.removeSubrange(at..<min(b.count, at + Int.random(in: 1...20, using: &rng)))
            case 3: b = Array(b.prefix(at))
            default: b.insert(contentsOf: b[at..<min(b.count, at + 30)], at: at)  // repeat a stretch
            }
        }
        return b
    }

    @Test(arguments: 0..<8)
    func mutatedFilesGiveDiagnosticsNotCrashes(_ seed: Int) {
        var rng = SplitMix64(state: UInt64(seed) &* 7919)
        var base = F.files.mapValues { Array($0.utf8) }
        base["content/media/mai.png"] = F.png
        let paths = base.keys.sorted()
        var broken = 0
        for _ in 0..<60 {
            var files = base
            let path = paths.randomElement(using: &rng)!
            files[path] = Self.mutate(files[path]!, &rng)
            let r = SiteLoader.load(from: MemorySource(bytes: files))
            if !r.diagnostics.isEmpty { broken += 1 }
            for d in r.diagnostics {
                #expect(d.message[.vi]?.isEmpty == false && d.message[.en]?.isEmpty == false)
                #expect(d.file == nil || files[d.file!] != nil || d.file == "content/site.yml", "a diagnostic names a real file")
                if let line = d.line { #expect(line >= 1) }
            }
            #expect(r.diagnostics == r.diagnostics.sorted())
        }
        // Without this, mutations that all happened to leave the files valid would check no diagnostic at all.
        #expect(broken > 0, "some mutations break a file, so the diagnostics above were checked")
    }

    @Test func largeBodyLoadsInLinearTime() {
        let paragraph = "Cô Mai dạy học ở bản Giang mười năm, đưa tiếng Việt đến với học sinh lớp 1.\n\n"
        let body = String(repeating: paragraph, count: 8 * 1024 * 1024 / paragraph.utf8.count)
        let start = Date()
        let r = F.load(["content/pages/gioi-thieu.vi.md": F.page + body])
        #expect(Date().timeIntervalSince(start) < 30)
        #expect(r.diagnostics.isEmpty)
        #expect(r.site.pages.first?.entry.body[.vi]?.utf8.count == ("\nTrang giới thiệu.\n" + body).utf8.count)
    }

    @Test func hugeFrontMatterIsRefused() {
        let many = String(repeating: "  - x\n", count: 210_000)
        let text = F.individual.replacingOccurrences(of: "consent: true\n", with: "consent: true\nachievements:\n" + many)
        let d = single(F.diagnostics(["content/individuals/lo-thi-mai.vi.md": text]))
        expectDiagnostic(d, .error, .yamlTooLarge, file: "content/individuals/lo-thi-mai.vi.md", line: 200_000)
    }

    /// A tag is not obeyed: the value is read as the plain text written after it.
    @Test(arguments: [("title: !!binary aGVsbG8=", "aGVsbG8="), ("title: !custom x", "x")])
    func taggedYAMLIsPlainText(_ yaml: String, _ title: String) {
        let r = F.load(["content/pages/gioi-thieu.vi.md": "---\n\(yaml)\n---\n"])
        #expect(r.diagnostics.isEmpty, "\(render(r.diagnostics))")
        #expect(r.site.pages.first?.title[.vi] == title)
    }

    /// A directive (here it also ends the front matter at its `---`), an alias never anchored, a list as a key,
    /// a merge key: refused with diagnostics in that file alone, and the page is left out.
    @Test(arguments: [
        ("%TAG ! tag:x,2000:\n---\ntitle: x", [.yamlSyntax]), ("title: *undefined", [.yamlSyntax]),
        ("? [a, b]\n: c\ntitle: T", [.yamlSyntax]), ("<<: {title: T}", [.fieldRequired, .fieldUnknown]),
    ] as [(String, [DiagnosticCode])])
    func unusualYAMLIsADiagnosticInItsFile(_ yaml: String, _ codes: [DiagnosticCode]) {
        let r = F.load(["content/pages/gioi-thieu.vi.md": "---\n\(yaml)\n---\n"])
        #expect(r.diagnostics.map(\.code) == codes, "\(render(r.diagnostics))")
        #expect(r.diagnostics.map(\.file) == Array(repeating: "content/pages/gioi-thieu.vi.md", count: codes.count))
        #expect(r.site.pages.isEmpty)
    }
}
