import Foundation
import Testing
import ThiDuaModel
import ThiDuaSite

/// A rebuild keeps a page when nothing it is made from changed, and what a page is made from is
/// declared beside the page itself (each kind's `shows`). These tests hold the declarations to
/// the pages, and the rebuild to a clean build, on a generated site with many links between its
/// entries and random edits of every kind.
@Suite("Dependencies: what each page is made from", .serialized)
struct DependencyTests {
    /// The example site grown to a few dozen entries that link to one another: people in several
    /// units and campaigns, decisions commending several of them, stories about them, bodies with
    /// `ref:` links.
    static func grownSite() throws -> TestSite {
        let site = try TestSite()
        let person = try site.read("content/individuals/lo-thi-mai.vi.md")
        let campaign = try site.read("content/campaigns/thi-dua-2021-2025.vi.md")
        let campaigns = ["thi-dua-2021-2025", "lao-dong-gioi", "van-hoa-cong-so"]
        for (i, id) in campaigns.dropFirst().enumerated() {
            try site.write("content/campaigns/\(id).vi.md", campaign
                .replacingOccurrences(of: "title: Thi đua", with: "title: Phong trào \(i + 2)")
                .replacingOccurrences(of: "status: active", with: i == 0 ? "status: active" : "status: closed"))
        }
        var rng = SeededRandom(state: 7)
        let names = ["Lò Văn An", "Tòng Thị Bình", "Đoàn Thị Được", "Lường Văn Cường", "Vàng Thị Dung", "Hoàng Văn Em",
                     "Lý Thị Giang", "Sùng A Hải", "Giàng Thị Hoa", "Phàn Văn Khánh", "Tẩn Thị Lan", "Chảo Văn Minh"]
        var people = ["lo-thi-mai"]
        for (i, name) in names.enumerated() {
            let id = VietnameseText.slug(name)
            people.append(id)
            let mine = [campaigns[i % campaigns.count]] + campaigns.filter { _ in rng.next() % 2 == 0 }
            try site.write("content/individuals/\(id).vi.md", person
                .replacingOccurrences(of: "name: Lò Thị Mai", with: "name: \(name)")
                .replacingOccurrences(of: "unit: cd-truong-th-ban-giang", with: "unit: \(i % 2 == 0 ? "cd-truong-th-ban-giang" : "ldld-tinh-lai-chau")")
                .replacingOccurrences(of: "campaigns: [thi-dua-2021-2025]", with: "campaigns: [\(Array(Set(mine)).sorted().joined(separator: ", "))]")
                .replacingOccurrences(of: "featured: true", with: "featured: \(i % 3 == 0)")
                .replacingOccurrences(of: "photo: media/lo-thi-mai.jpg\n", with: "")
                .replacingOccurrences(of: "photo_alt: Cô Lò Thị Mai trong giờ dạy lớp 1\n", with: "")
                + "\nĐồng nghiệp của [\(people[i])](ref:individuals/\(people[i])).\n")
        }
        for n in 1...4 {
            let recipients = people.filter { _ in rng.next() % 3 == 0 }
            try site.write("content/awards/qd-\(n)-2024.vi.md", """
                ---
                title: Giấy khen số \(n)
                decision: \(n)/QĐ-LĐLĐ
                date: 2024-0\(n)-15
                issuer: Liên đoàn Lao động tỉnh Lai Châu
                level: provincial
                form: certificate-of-merit
                campaign: \(campaigns[n % campaigns.count])
                individuals: [\(recipients.joined(separator: ", "))]
                ---

                """)
            try site.write("content/stories/tin-\(n).vi.md", """
                ---
                title: Tin số \(n)
                date: 2024-0\(n)-20
                summary: Một tin ngắn.
                about: [individuals/\(people[n]), individuals/\(people[n + 4]), campaigns/\(campaigns[n % campaigns.count])]
                ---

                Xem [hồ sơ](ref:individuals/\(people[n + 1])).

                """)
        }
        return site
    }

    /// One change staff make, at a place `rng` picks.
    static func randomEdit(_ site: TestSite, _ rng: inout SeededRandom) throws -> String {
        let people = try FileManager.default.contentsOfDirectory(atPath: site.root.appendingPathComponent("content/individuals").path)
            .filter { $0.hasSuffix(".vi.md") }.sorted()
        let file = "content/individuals/" + people[Int(rng.next() % UInt64(people.count))]
        func replace(_ path: String, _ old: String, _ new: String) throws -> Bool {
            guard let text = try? site.read(path) else { return false }   // a story deleted in an earlier round
            guard text.contains(old) else { return false }
            try site.write(path, text.replacingOccurrences(of: old, with: new))
            return true
        }
        switch rng.next() % 10 {
        case 0:
            try site.write(file, try site.read(file) + "\nMột câu mới \(rng.next() % 1000).\n")
            return "a sentence added to \(file)"
        case 1:
            if try replace(file, "unit: cd-truong-th-ban-giang", "unit: ldld-tinh-lai-chau") { return "\(file) moved to the federation" }
            _ = try replace(file, "unit: ldld-tinh-lai-chau", "unit: cd-truong-th-ban-giang")
            return "\(file) moved to the school"
        case 2:
            _ = try replace(file, "position: Giáo viên", "position: Tổ trưởng, giáo viên")
            return "\(file)'s position"
        case 3:
            if try replace(file, "consent: true", "consent: false") { return "\(file)'s consent withdrawn" }
            _ = try replace(file, "consent: false", "consent: true")
            return "\(file)'s consent given"
        case 4:
            if try replace(file, "featured: false", "featured: true") { return "\(file) featured" }
            _ = try replace(file, "featured: true", "featured: false")
            return "\(file) no longer featured"
        case 5:
            let name = try site.read(file).components(separatedBy: "\n").first { $0.hasPrefix("name: ") } ?? ""
            _ = try replace(file, name, name + " Hương")
            return "\(file) renamed"
        case 6:
            _ = try replace("content/campaigns/lao-dong-gioi.vi.md", "status: active", "status: closed")
            return "a campaign closed"
        case 7:
            _ = try replace("content/awards/qd-2-2024.vi.md", "individuals: [", "individuals: [lo-thi-mai, ")
            return "a decision commends one more person"
        case 8:
            // A story is the one kind no other file refers to: deleting a person others name is an error.
            let story = "content/stories/tin-\(1 + rng.next() % 4).vi.md"
            if FileManager.default.fileExists(atPath: site.root.appendingPathComponent(story).path) {
                try site.remove(story); return "\(story) deleted"
            }
            return "nothing"
        default:
            _ = try replace("content/stories/tin-1.vi.md", "title: Tin số 1", "title: Tin số một")
            return "a story's title"
        }
    }

    @Test("every page reads of other entries only what its kind declares it shows")
    func declaredShowsCoverWhatPagesRead() throws {
        let site = try Self.grownSite()
        defer { site.cleanUp() }
        let (prepared, diagnostics) = SiteBuilder.prepare(BuildOptions(siteDirectory: site.root))
        #expect(!diagnostics.hasErrors, "\(diagnostics.filter { $0.severity == .error })")
        let views = try #require(prepared?.views)
        #expect(views.site.entities.count > 25)
        var checked = 0
        for entity in views.site.entities {
            let declared = Set(views.shows(entity.ref))
            for lang in views.site.settings.languages {
                let read = Set(views.recordedShows(entity.ref, lang))
                #expect(read.isSubset(of: declared), "\(entity.ref) in \(lang) reads \(read.subtracting(declared)) it does not declare")
                checked += read.count
            }
        }
        #expect(checked > 50, "the pages read other entries")
        for lang in views.site.settings.languages {
            let read = Set(views.recordedShows(nil, lang))
            #expect(!read.isEmpty && read.isSubset(of: Set(views.homeShows.cards)))
        }
    }

    @Test("forty random edits, each rebuilt over the last output, give the bytes of a clean build", .timeLimit(.minutes(5)))
    func randomEditsRebuildAsCleanBuilds() throws {
        let site = try Self.grownSite()
        defer { site.cleanUp() }
        #expect(site.build().published)
        var rng = SeededRandom(state: 2026)
        var reused = 0
        for round in 1...40 {
            let edit = try Self.randomEdit(site, &rng)
            let incremental = try #require(try site.rebuildMatchesCleanBuild("round \(round), \(edit)"))
            reused += incremental.pagesKept
        }
        #expect(reused > 0, "rebuilds kept unchanged pages")
    }
}

/// The same edits on every run, so a failure can be replayed.
typealias SeededRandom = ContentHostileInputTests.SplitMix64
