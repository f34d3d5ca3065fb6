import Foundation
import Testing
import ThiDuaModel
import ThiDuaSite

/// Two outputs at one address would overwrite each other. Addresses come from the sections'
/// slugs in the strings, and are checked once, when the outputs are planned, so `check` and
/// `build` agree and a renamed slug moves what is taken.
@Suite("Addresses: a page may not take a section's", .serialized)
struct AddressTests {
    static let page = "---\ntitle: Trang thử\n---\n\nMột trang.\n"

    func check(_ site: TestSite) -> [Diagnostic] {
        SiteBuilder.check(BuildOptions(siteDirectory: site.root)).diagnostics.filter { $0.severity == .error }
    }

    @Test("a page named after a section, a language or a shared folder is refused, naming its file",
          arguments: ["phong-trao", "campaigns", "ca-nhan", "tim-kiem", "bao-cao", "en", "vi", "media", "assets"])
    func pageWhoseAddressIsTaken(_ id: String) throws {
        let site = try TestSite(files: ["content/pages/\(id).vi.md": Self.page])
        defer { site.cleanUp() }
        let errors = check(site)
        #expect(errors.count == 1)
        let d = try #require(errors.first)
        #expect(d.code == .pageCollision)
        #expect(d.file == "content/pages/\(id).vi.md")
        #expect(d.message[.en]?.contains("the address of") == true)
        #expect(!site.build().published)
    }

    @Test("renaming a section's slug in the strings frees the old address and takes the new one")
    func renamedSlugMovesTheCollision() throws {
        let site = try TestSite(files: ["content/pages/phong-trao.vi.md": Self.page], exportedTheme: true)
        defer { site.cleanUp() }
        let strings = try site.read("templates/i18n/vi.yml")
        try site.write("templates/i18n/vi.yml", strings.replacingOccurrences(of: "slug: phong-trao", with: "slug: cac-phong-trao"))
        #expect(check(site).isEmpty, "/phong-trao/ is no longer the campaigns section's")
        #expect(site.build().published)

        try site.write("content/pages/cac-phong-trao.vi.md", Self.page)
        let errors = check(site)
        #expect(errors.map(\.code) == [.pageCollision])
        #expect(errors.first?.message[.vi] == "Trang 'cac-phong-trao' sẽ có địa chỉ /cac-phong-trao/, trùng với địa chỉ của mục phong trào thi đua.")
    }
}
