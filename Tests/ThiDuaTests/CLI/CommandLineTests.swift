import Foundation
import Synchronization
import Testing
import ThiDuaModel

/// The `thidua` program as people run it: its arguments, what it prints and its exit status.
/// `swift test` builds it beside the test bundle.
enum Thidua {
    struct Result { let status: Int32; let out: String; let err: String }

    static var executable: URL {
        Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("thidua")
    }

    /// Runs it with piped output (not a terminal), as CI does; `input` is its standard input.
    static func run(_ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:]) throws -> Result {
        let p = Process()
        p.executableURL = executable
        p.arguments = arguments
        if let folder { p.currentDirectoryURL = folder }
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"; env.removeValue(forKey: "CI")
        for (k, v) in environment { env[k] = v }
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out; p.standardError = err
        p.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        try p.run()
        // Read both to the end before waiting: a full pipe would block the program.
        let errData = CapturedData()
        let reader = Thread { errData.set(err.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        while !errData.isSet { usleep(1000) }
        return Result(status: p.terminationStatus, out: String(decoding: outData, as: UTF8.self),
                      err: String(decoding: errData.value, as: UTF8.self))
    }
}


final class CapturedData: Sendable {
    private let data = Mutex<Data?>(nil)
    func set(_ d: Data) { data.withLock { $0 = d } }
    var isSet: Bool { data.withLock { $0 != nil } }
    var value: Data { data.withLock { $0 ?? Data() } }
}

/// A build says how far it is, sums up a flood of warnings of one kind, and ends with what it made.
@Suite struct BuildOutputTests {
    /// The example site with `extra` people who have not consented: one consent.missing warning each.
    func site(withUnconsented extra: Int) throws -> TestSite {
        var files: [String: String] = [:]
        let mai = try String(contentsOf: TestSite.exampleContent.appendingPathComponent("individuals/lo-thi-mai.vi.md"), encoding: .utf8)
        for n in 1...extra {
            files["content/individuals/nguoi-\(n).vi.md"] = mai.replacingOccurrences(of: "consent: true\n", with: "")
                .replacingOccurrences(of: "name: Lò Thị Mai", with: "name: Người Thứ \(n)")
        }
        return try TestSite(files: files)
    }

    @Test func warningsOfOneKindPastTheFirstFewAreSummedUp() throws {
        let s = try site(withUnconsented: 7)
        let build = try Thidua.run(["build", "--site", s.root.path, "--lang", "en"])
        #expect(build.status == 0)
        #expect(build.err.components(separatedBy: "warning[consent.missing]").count - 1 == 3)
        #expect(build.err.contains("… and 4 more consent.missing\n"))
        #expect(build.err.contains("7 warning(s)"))
        let vi = try Thidua.run(["build", "--site", s.root.path, "--lang", "vi"])
        #expect(vi.err.contains("… và 4 cảnh báo consent.missing nữa\n"))

        let verbose = try Thidua.run(["build", "--site", s.root.path, "--lang", "en", "--verbose"])
        #expect(verbose.err.components(separatedBy: "warning[consent.missing]").count - 1 == 7)
        #expect(!verbose.err.contains("more consent.missing"))
        let check = try Thidua.run(["check", "--site", s.root.path, "--lang", "en"])
        #expect(check.err.components(separatedBy: "warning[consent.missing]").count - 1 == 7)
    }

    @Test func theEndSaysPagesPerLanguageFilesAndTime() throws {
        let s = try TestSite()
        let first = try Thidua.run(["build", "--site", s.root.path, "--lang", "en"])
        #expect(first.status == 0)
        // Piped: one plain line per step, never a bar redrawn with carriage returns.
        #expect(first.err.contains("[2/9] load content ("))
        #expect(first.err.contains("[9/9] publish"))
        #expect(!first.err.contains("\r"))
        // The pages as the output folder has them: English under en/, Vietnamese the rest.
        let pages = FileManager.default.enumerator(atPath: s.output.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".html") }
        let en = pages.filter { $0.hasPrefix("en/") }.count, vi = pages.count - en
        let summary = try #require(first.err.split(separator: "\n").first { $0.hasPrefix("Built the site into") })
        #expect(summary.hasSuffix(" s): Vietnamese \(vi) pages, English \(en) pages."))
        #expect(first.err.contains("\(pages.count) pages rendered anew, 0 unchanged, 1 photos (1 encoded now), 1 asset and media files; 0 warning(s)."))

        let again = try Thidua.run(["build", "--site", s.root.path, "--lang", "vi"])
        #expect(again.err.contains("0 trang dựng mới, \(pages.count) trang không đổi, 1 ảnh (0 ảnh mã hóa mới), 1 tệp giao diện và tệp đính kèm; 0 cảnh báo."))
        #expect(again.err.contains("tiếng Việt \(vi) trang, tiếng Anh \(en) trang"))

        let quiet = try Thidua.run(["build", "--site", s.root.path, "--quiet"])
        #expect(quiet.status == 0)
        #expect(quiet.err.isEmpty && quiet.out.isEmpty)
    }

    @Test func quietStillPrintsErrors() throws {
        let s = try TestSite(files: ["content/individuals/lo-thi-mai.vi.md": "---\nname: [\n---\n"])
        let quiet = try Thidua.run(["build", "--site", s.root.path, "--quiet", "--lang", "en"])
        #expect(quiet.status == 1)
        #expect(quiet.err.contains("content/individuals/lo-thi-mai.vi.md"))
        #expect(quiet.err.contains("error["))
    }
}

/// `thidua new`: a file for every kind that check accepts but for the values to fill in, which it names.
@Suite struct NewEntryTests {
    /// The diagnostics `check --format json` gives for one file.
    func problems(in site: TestSite, file: String) throws -> [(code: String, message: String)] {
        let check = try Thidua.run(["check", "--site", site.root.path, "--format", "json", "--lang", "en"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(check.out.utf8)) as? [String: Any])
        let items = try #require(object["diagnostics"] as? [[String: Any]])
        return items.filter { $0["file"] as? String == file }.map { ($0["code"] as? String ?? "", $0["message"] as? String ?? "") }
    }

    @Test(arguments: ["individual", "collectives", "unit", "campaign", "award", "story", "page"] + extraKinds)
    func everyKindPassesCheckButForWhatIsToFillIn(kind: String) throws {
        let site = try TestSite()
        let made = try Thidua.run(["new", kind, "--site", site.root.path, "--name", "Đoàn Thị Được", "--date", "2026-03-08", "--lang", "en"])
        #expect(made.status == 0, "\(made.err)")
        let plural = kind.hasSuffix("s") ? kind : (kind == "story" ? "stories" : kind + "s")
        let file = "content/\(plural)/doan-thi-duoc.vi.md"
        let text = try site.read(file)
        // Where a date is needed (its comment says YYYY-MM-DD), the date asked for.
        #expect(text.contains("2026-03-08") == text.contains("YYYY-MM-DD"))
        #expect(text.contains("Đoàn Thị Được"))
        // Every field has its comment in English (every line of front matter that is not a comment follows one).
        let lines = text.split(separator: "\n").dropFirst().prefix { $0 != "---" }
        for (i, line) in lines.enumerated() where !line.hasPrefix("#") {
            #expect(i > 0 && lines[lines.index(lines.startIndex, offsetBy: i - 1)].hasPrefix("# "), "\(line) has no comment")
        }
        #expect(text.contains("Required.") && !text.contains("Bắt buộc"))

        // Only the required fields left empty are named, each as a field still to fill in.
        let found = try problems(in: site, file: file)
        #expect(found.allSatisfy { $0.code == "field.required" || $0.code == "consent.missing" }, "\(found)")
        let empty = lines.filter { !$0.hasPrefix("#") && ($0.hasSuffix(":") || $0.hasSuffix(": []") || $0.hasSuffix("to: }")) }
        for p in found where p.code == "field.required" {
            let key = p.message.split(separator: "'").dropFirst().first.map(String.init) ?? ""
            let field = key.split(separator: ".").first.map(String.init) ?? key
            #expect(empty.contains { $0.hasPrefix(field + ":") }, "\(key) was named but is filled in")
        }
    }

    /// Kinds added to the model after these tests were written are tested too.
    static var extraKinds: [String] {
        let known = ["individuals", "collectives", "units", "campaigns", "awards", "stories", "pages"]
        return ThiDuaModel.EntityKind.allCases.map(\.rawValue).filter { !known.contains($0) }
    }

    @Test func theCommentsAreVietnameseByDefaultAndTheIdComesFromTheName() throws {
        let site = try TestSite()
        let made = try Thidua.run(["new", "individual", "--site", site.root.path, "--name", "Đoàn Thị Được", "--lang", "vi"])
        #expect(made.status == 0)
        let text = try site.read("content/individuals/doan-thi-duoc.vi.md")
        #expect(text.contains("# Họ và tên"))
        #expect(text.contains("Bắt buộc."))
        #expect(text.contains("consent: false"))
        #expect(made.err.contains("Đã tạo content/individuals/doan-thi-duoc.vi.md"))
    }

    @Test func itNeverOverwrites() throws {
        let site = try TestSite()
        let before = try site.read("content/individuals/lo-thi-mai.vi.md")
        let again = try Thidua.run(["new", "individual", "lo-thi-mai", "--site", site.root.path, "--lang", "en"])
        #expect(again.status == 1)
        #expect(again.err.contains("already exists: not overwritten"))
        #expect(try site.read("content/individuals/lo-thi-mai.vi.md") == before)
        let unknown = try Thidua.run(["new", "person", "--site", site.root.path, "--name", "A", "--lang", "en"])
        #expect(unknown.status == 2)
        #expect(unknown.err.contains("There is no kind 'person'. The kinds: campaign, unit"))
    }
}
