import Foundation
import Testing
import ThiDuaModel
import ThiDuaTheme
import Yams

/// `thidua init`: a new federation's site that builds at once.
@Suite struct InitTests {
    func folder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("thidua-init-\(UUID().uuidString)")
    }

    func initialise(_ root: URL) throws -> Thidua.Result {
        try Thidua.run(["init", root.path, "--title", "Điển hình tiên tiến — Công đoàn tỉnh Lào Cai", "--title-en", "Exemplary Models — Lào Cai",
                        "--publisher", "Liên đoàn Lao động tỉnh Lào Cai", "--lang", "en"])
    }

    @Test func aNewSiteBuildsAtOnceWithASampleOfEveryKind() throws {
        let root = folder()
        let made = try initialise(root)
        #expect(made.status == 0, "\(made.err)")
        let site = try String(contentsOf: root.appendingPathComponent("content/site.yml"), encoding: .utf8)
        let settings = try #require(try Yams.load(yaml: site) as? [String: Any])
        #expect((settings["title"] as? [String: String]) == ["vi": "Điển hình tiên tiến — Công đoàn tỉnh Lào Cai", "en": "Exemplary Models — Lào Cai"])
        #expect(settings["publisher"] as? String == "lien-doan-lao-dong-tinh-lao-cai")
        #expect(settings["languages"] as? [String] == ["vi", "en"])
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("content/units/lien-doan-lao-dong-tinh-lao-cai.md").path))
        // The kinds of content model version 1; a kind added later (nominations) adds its sample to
        // Sources/ThiDuaTheme/Starter/content/ and its name here.
        for kind in [EntityKind.campaigns, .units, .collectives, .individuals, .awards, .stories, .pages] {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("content/\(kind.rawValue)").path)) ?? []
            let samples = try files.filter { try String(contentsOf: root.appendingPathComponent("content/\(kind.rawValue)/\($0)"), encoding: .utf8).contains("\nsample: true\n") }
            #expect(!samples.isEmpty, "no sample of \(kind.rawValue)")
        }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("templates").path))
        let ignored = try String(contentsOf: root.appendingPathComponent(".gitignore"), encoding: .utf8)
        #expect(ignored.contains("/output/") && ignored.contains("/.output.*"))

        let check = try Thidua.run(["check", "--strict", "--site", root.path, "--lang", "en"])
        #expect(check.status == 0, "\(check.err)")
        let build = try Thidua.run(["build", "--site", root.path, "--lang", "en"])
        #expect(build.status == 0, "\(build.err)")
        let home = try String(contentsOf: root.appendingPathComponent("output/index.html"), encoding: .utf8)
        #expect(home.contains("Điển hình tiên tiến — Công đoàn tỉnh Lào Cai"))
        #expect(try String(contentsOf: root.appendingPathComponent("output/ca-nhan/ca-nhan-mau/index.html"), encoding: .utf8).contains("Nguyễn Văn Mẫu"))
    }

    @Test func aFolderThatIsNotEmptyIsRefused() throws {
        let root = folder()
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try Data("notes\n".utf8).write(to: root.appendingPathComponent("notes.txt"))
        let made = try initialise(root)
        #expect(made.status == 1)
        #expect(made.err.contains("is not empty (notes.txt…): nothing was written"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["notes.txt"])
    }

    @Test func withoutATerminalAMissingTitleIsNamed() throws {
        let made = try Thidua.run(["init", folder().path, "--publisher", "LĐLĐ tỉnh", "--lang", "en"])
        #expect(made.status == 2)
        #expect(made.err.contains("--title is missing"))
    }
}

/// The CI workflow files `init` writes (and the repository keeps, ready to copy): valid YAML,
/// every step a known action or commands that exist, and every thidua command in them run for
/// real on a new site, as CI would run it.
@Suite struct WorkflowFileTests {
    static let github = ".github/workflows/thidua.yml", gitlab = ".gitlab-ci.yml"

    func yaml(_ path: String) throws -> [String: Any] {
        let bytes = try #require(StarterSite.files[path], "no \(path) in the starter")
        return try #require(try Yams.load(yaml: String(decoding: bytes, as: UTF8.self)) as? [String: Any], "\(path) is not a YAML mapping")
    }

    /// The shell commands of a `run:` or `script:` text, one per logical line (keywords of `if` blocks left out).
    func commands(_ script: String) -> [String] {
        script.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") && !["then", "else", "fi"].contains($0) }
            .map { $0.hasPrefix("if [") ? "" : $0 }.filter { !$0.isEmpty }
    }

    /// Commands a CI runner has besides thidua: each must exist here too (so a typo fails), or be a shell builtin.
    func exists(_ command: String) -> Bool {
        if ["export", "echo", "cd"].contains(command) { return true }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "command -v \(command)"]
        p.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        try? p.run(); p.waitUntilExit()
        return p.terminationStatus == 0
    }

    func githubCommands() throws -> [String] {
        let workflow = try yaml(Self.github)
        let jobs = try #require(workflow["jobs"] as? [String: Any])
        var all: [String] = []
        for (name, job) in jobs {
            let steps = try #require((job as? [String: Any])?["steps"] as? [[String: Any]], "job \(name) has no steps")
            for step in steps {
                if let uses = step["uses"] as? String {
                    #expect(uses.wholeMatch(of: /[a-z-]+\/[a-z-]+@v[0-9]+/) != nil, "\(uses) is not owner/name@vN")
                } else {
                    let run = try #require(step["run"] as? String, "a step with neither uses nor run: \(step)")
                    all += commands(run)
                }
            }
        }
        return all
    }

    func gitlabCommands() throws -> [String] {
        let pipeline = try yaml(Self.gitlab)
        let job = try #require(pipeline["pages"] as? [String: Any])
        #expect(job["artifacts"] != nil)
        let script = try #require(job["script"] as? [String])
        return script.flatMap(commands)
    }

    @Test func theyAreValidYAMLAndRunDailyAndEveryCommandExists() throws {
        let workflow = try yaml(Self.github)
        let triggers = try #require(workflow["on"] as? [String: Any])
        #expect(triggers["schedule"] != nil, "GitHub: no daily run")
        #expect(String(decoding: StarterSite.files[Self.gitlab]!, as: UTF8.self).contains("Pipeline schedules"))
        for (file, list) in [(Self.github, try githubCommands()), (Self.gitlab, try gitlabCommands())] {
            #expect(list.contains { $0.hasPrefix("thidua check --strict --format ") }, "\(file) does not check strictly")
            #expect(list.contains { $0.hasPrefix("thidua build") }, "\(file) does not build")
            for command in list {
                let name = String(command.split(separator: " ").first ?? "")
                #expect(name == "thidua" || exists(name), "\(file): '\(name)' is not a command")
            }
        }
    }

    @Test func theirThiduaCommandsRunOnANewSite() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-ci-\(UUID().uuidString)")
        let made = try Thidua.run(["init", root.path, "--title", "T", "--publisher", "LĐLĐ tỉnh Lào Cai"])
        #expect(made.status == 0)
        let lines = try (githubCommands() + gitlabCommands()).filter { $0.hasPrefix("thidua ") }
        #expect(lines.count >= 4)
        for line in lines {
            // As CI's shell would have them: its variables, and the redirection to a report file.
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/bin/bash")
            p.arguments = ["-c", line]
            p.currentDirectoryURL = root
            var env = ProcessInfo.processInfo.environment
            env["PATH"] = Thidua.executable.deletingLastPathComponent().path + ":" + (env["PATH"] ?? "")
            env["CI_PAGES_URL"] = "https://example.org"; env["PAGES_PREFIX"] = "mr-1"; env["LANG"] = "C.UTF-8"
            p.environment = env
            p.standardError = FileHandle(forWritingAtPath: "/dev/null")
            try p.run(); p.waitUntilExit()
            #expect(p.terminationStatus == 0, "'\(line)' failed with \(p.terminationStatus)")
        }
        let report = try Data(contentsOf: root.appendingPathComponent("gl-code-quality-report.json"))
        #expect(try JSONSerialization.jsonObject(with: report) as? [Any] != nil, "the GitLab report is a JSON array")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("public/index.html").path))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("output/index.html").path))
    }
}
