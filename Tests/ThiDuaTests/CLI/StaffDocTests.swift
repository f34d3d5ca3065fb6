import Foundation
import Testing
import ThiDuaServe

/// The staff guides under docs/ run as written: in a new site from `thidua init`, in order, every
/// `sh` block's commands (each must succeed), every block with `file=PATH` written to that file.
@Suite(.serialized) struct StaffDocTests {
    static let docs = TestSite.repository.appendingPathComponent("docs")

    /// The guides of one language, in their order (their names start with their number).
    static func guides(_ language: String) throws -> [URL] {
        let folder = docs.appendingPathComponent(language)
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }.sorted()
            .map { folder.appendingPathComponent($0) }
    }

    enum Block { case commands([String]), file(path: String, text: String) }

    /// The fenced blocks of a guide that the test acts on, in order.
    static func blocks(_ text: String) -> [Block] {
        var out: [Block] = [], open: (info: String, indent: Int, lines: [String])?
        for line in text.components(separatedBy: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if var current = open {
                if trimmed == "```" {
                    let body = current.lines
                    if current.info == "sh" { out.append(.commands(body.filter { !$0.isEmpty && !$0.hasPrefix("#") })) }
                    if let range = current.info.range(of: "file=") {
                        out.append(.file(path: String(current.info[range.upperBound...]), text: body.joined(separator: "\n") + "\n"))
                    }
                    open = nil
                } else {
                    current.lines.append(String(line.dropFirst(min(current.indent, line.prefix { $0 == " " }.count))))
                    open = current
                }
            } else if trimmed.hasPrefix("```") {
                open = (String(trimmed.dropFirst(3)), line.prefix { $0 == " " }.count, [])
            }
        }
        return out
    }

    func shell(_ command: String, in root: URL, env: [String: String]) throws -> (status: Int32, output: String) {
        let p = Process(), pipe = Pipe()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = ["-c", command]
        p.currentDirectoryURL = root
        p.environment = env
        p.standardOutput = pipe; p.standardError = pipe
        p.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// `thidua serve` as a person runs it, on a free port: it must start, then stop at Ctrl-C.
    func serve(_ command: String, in root: URL, env: [String: String]) async throws {
        let port = try #require(PortProbe.anyFreePort())
        let p = Process(), pipe = Pipe(), printed = EventStream.Received()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = ["-c", "exec \(command) --port \(port)"]
        p.currentDirectoryURL = root
        p.environment = env
        p.standardError = pipe; p.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        try p.run()
        let reader = pipe.fileHandleForReading
        Thread { while case let d = reader.availableData, !d.isEmpty { printed.append(String(decoding: d, as: UTF8.self)) } }.start()
        for _ in 0..<1200 where !printed.all.contains("127.0.0.1:\(port)/") { try await Task.sleep(for: .milliseconds(50)) }
        #expect(printed.all.contains("127.0.0.1:\(port)/"), "'\(command)' did not start: \(printed.all)")
        #expect(try await HTTP.get(port, "/").status == 200)
        p.interrupt()
        for _ in 0..<1200 where p.isRunning { try await Task.sleep(for: .milliseconds(50)) }
        if p.isRunning { p.terminate() }
        #expect(p.terminationStatus == 0, "'\(command)' did not stop cleanly at Ctrl-C")
    }

    @Test(arguments: ["vi", "en"])
    func theGuidesRunAsWritten(language: String) async throws {
        let guides = try Self.guides(language)
        #expect(guides.count == 7)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-docs-\(UUID().uuidString)")
        let made = try Thidua.run(["init", root.path, "--title", "Điển hình tiên tiến", "--publisher", "Liên đoàn Lao động tỉnh Lào Cai"])
        #expect(made.status == 0)
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = Thidua.executable.deletingLastPathComponent().path + ":" + (env["PATH"] ?? "")
        env["LANG"] = "C.UTF-8"
        for key in ["GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME"] { env[key] = "Cán bộ truyền thông" }
        for key in ["GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL"] { env[key] = "staff@example.org" }
        // The site's repository, with a remote to push to, as the IT staff set it up once.
        let remote = root.deletingLastPathComponent().appendingPathComponent("\(root.lastPathComponent).git")
        for setup in ["git init -q --bare '\(remote.path)'", "git init -q -b main", "git remote add origin '\(remote.path)'",
                      "git add -A", "git commit -q -m 'thidua init'", "git push -q -u origin main"] {
            let r = try shell(setup, in: root, env: env)
            try #require(r.status == 0, "\(setup): \(r.output)")
        }
        for guide in guides {
            for block in Self.blocks(try String(contentsOf: guide, encoding: .utf8)) {
                switch block {
                case .file(let path, let text):
                    let url = root.appendingPathComponent(path)
                    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try Data(text.utf8).write(to: url)
                case .commands(let lines):
                    for line in lines {
                        if line.hasPrefix("thidua serve") { try await serve(line, in: root, env: env); continue }
                        let r = try shell(line, in: root, env: env)
                        #expect(r.status == 0, "\(guide.lastPathComponent): '\(line)' failed (\(r.status)): \(r.output)")
                    }
                }
            }
        }
        // What the guides did, as a reader would check it: published once, with the person gone again.
        #expect(try shell("git log --oneline origin/main", in: root, env: env).output.split(separator: "\n").count == 2)
    }
}
