import Foundation
import Testing
import ThiDuaContent
import ThiDuaModel

/// The shared example site (`../shared/examples/`, beside the repository) must load cleanly.
@Suite("Content: the shared example site")
struct ContentExampleSiteTests {
    static let siteFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/examples")

    static func load() -> LoadResult { SiteLoader.load(from: DiskSource(siteDirectory: siteFolder)) }

    @Test func loadsWithNoDiagnostics() {
        let result = Self.load()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map { "\($0.file ?? ""):\($0.line ?? 0): \($0.code) \($0.message[.en] ?? "")" })")
    }

    @Test func hasOneOfEachKind() {
        let site = Self.load().site
        #expect(site.campaigns.map(\.id.rawValue) == ["thi-dua-2021-2025"])
        #expect(site.units.map(\.id.rawValue) == ["cd-truong-th-ban-giang", "ldld-tinh-lai-chau"])
        #expect(site.collectives.map(\.id.rawValue) == ["to-1-truong-th-ban-giang"])
        #expect(site.individuals.map(\.id.rawValue) == ["lo-thi-mai"])
        #expect(site.awards.map(\.id.rawValue) == ["qd-125-2023"])
        #expect(site.stories.map(\.id.rawValue) == ["co-giao-ban-giang"])
        #expect(site.pages.map(\.id.rawValue) == ["gioi-thieu"])
    }
}
