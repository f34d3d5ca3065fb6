import Foundation
import Synchronization
import Testing
import ThiDuaModel
import ThiDuaServe
import ThiDuaSite
#if canImport(Glibc)
import Glibc
#endif

/// `thidua serve` end to end, as a person uses it: the server started on a free port, pages
/// fetched over HTTP, files edited on disk, the reload events a browser would get awaited on
/// the event stream, and the pages fetched again.
@Suite(.serialized) struct ServeTests {
    let profile = "content/individuals/lo-thi-mai.vi.md"
    let page = "/ca-nhan/lo-thi-mai/"

    @Test func editBreakAndFixAreSeenInTheBrowser() async throws {
        let site = try TestSite()
        let running = try await RunningServer(site)

        var first = try await HTTP.get(running.port, page)
        #expect(first.status == 200)
        #expect(first.body.contains("Lò Thị Mai"))
        #expect(first.body.contains("<script src=\"/__thidua/live.js\"></script>"))
        #expect(!first.body.contains("thidua-overlay"))
        #expect(try await HTTP.get(running.port, "/__thidua/live.js").body.contains("EventSource"))

        // An edit: the event names the page, and the page has the new text.
        let events = try await EventStream(port: running.port)
        defer { events.close() }
        let original = try site.read(profile)
        var mark = events.mark
        try save(site, profile, original + "\nMột câu mới để xem trước.\n")
        try await events.wait(for: "\"pages\":[\"\(page)\"", after: mark)
        first = try await HTTP.get(running.port, page)
        #expect(first.body.contains("Một câu mới để xem trước."))

        // Broken: every page reloads, and shows the problem over the last good page, in its own language.
        let broken = original.replacingOccurrences(of: "\nunit: ", with: "\nunit: khong-co-")
        #expect(broken != original)
        mark = events.mark
        try save(site, profile, broken + "\nMột câu mới để xem trước.\n")
        try await events.wait(for: "\"all\":true", after: mark)
        let shown = try await HTTP.get(running.port, page)
        #expect(shown.body.contains("id=\"thidua-overlay\""))
        #expect(shown.body.contains("<code>\(profile):"))
        #expect(shown.body.contains("lỗi[ref.unknown]"))
        #expect(shown.body.contains("Cách sửa"))
        #expect(shown.body.contains("Một câu mới để xem trước."), "the last good page stays underneath")
        let english = try await HTTP.get(running.port, "/en/individuals/lo-thi-mai/")
        #expect(english.body.contains("error[ref.unknown]"))
        #expect(english.body.contains("How to fix"))

        // Fixed: the error box goes from every page.
        mark = events.mark
        try save(site, profile, original)
        try await events.wait(for: "\"all\":true", after: mark)
        let fixed = try await HTTP.get(running.port, page)
        #expect(!fixed.body.contains("thidua-overlay"))
        #expect(!fixed.body.contains("Một câu mới để xem trước."))

        // A folder made after the start is watched too; a stylesheet alone swaps, with no reload.
        mark = events.mark
        try site.write("templates/assets/site.css", "body { color: rgb(1, 2, 3); }\n")
        try await events.wait(for: "event: css", after: mark)
        #expect(try await HTTP.get(running.port, "/assets/site.css").body.contains("rgb(1, 2, 3)"))

        // Never the output folder.
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
        #expect(try await HTTP.get(running.port, "/khong-co-trang-nay/").status == 404)
        try await running.stop()
    }

    /// Saved the way many editors save: a temporary file (hidden, so not part of the site) renamed over the old one.
    func save(_ site: TestSite, _ path: String, _ text: String) throws {
        let file = site.root.appendingPathComponent(path)
        let temporary = file.deletingLastPathComponent().appendingPathComponent(".\(file.lastPathComponent).tmp")
        try Data(text.utf8).write(to: temporary)
        #expect(rename(temporary.path, file.path) == 0)
    }

    @Test func aPortInUseIsToldWithOneToTry() async throws {
        let site = try TestSite()
        let taken = try Listener()
        defer { taken.close() }
        let result = try await offPool { try Thidua.run(["serve", "--site", site.root.path, "--port", String(taken.port), "--lang", "en"]) }
        #expect(result.status == 2)
        #expect(result.err.contains("Port \(taken.port) is in use by another program. Run again with another port, for example: thidua serve --port "))
        let suggested = Int(result.err.components(separatedBy: "thidua serve --port ").last?.prefix { $0.isNumber } ?? "")
        let other = try #require(suggested)
        #expect(other != taken.port && PortProbe.isFree(host: "127.0.0.1", port: other))
    }

    @Test func firstBuildWithErrorsShowsOnlyTheProblems() async throws {
        let site = try TestSite(files: ["content/individuals/lo-thi-mai.vi.md": "---\nname: [\n---\n"])
        let running = try await RunningServer(site)
        let shown = try await HTTP.get(running.port, "/")
        #expect(shown.status == 503)
        #expect(shown.body.contains("id=\"thidua-overlay\""))
        #expect(shown.body.contains("content/individuals/lo-thi-mai.vi.md"))
        try await running.stop()
    }
}

/// `thidua serve` on a free port, as a person starts it: the program itself, in a process of its
/// own (so the tests running beside it cannot hold the threads it answers on); `stop` is Ctrl-C.
final class RunningServer: Sendable {
    let port: Int
    let process: Process
    let printed: EventStream.Received

    init(_ site: TestSite) async throws {
        let port = try #require(PortProbe.anyFreePort())
        self.port = port
        let process = Process(), printed = EventStream.Received(), pipe = Pipe()
        process.executableURL = Thidua.executable
        process.arguments = ["serve", "--site", site.root.path, "--port", String(port), "--lang", "en"]
        process.standardError = pipe
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        self.process = process; self.printed = printed
        try process.run()
        let reader = pipe.fileHandleForReading
        Thread {
            while case let data = reader.availableData, !data.isEmpty { printed.append(String(decoding: data, as: UTF8.self)) }
        }.start()
        // Bounded: a server that never listens fails the test instead of hanging it.
        for _ in 0..<1200 where !printed.all.contains("Serving the site at http://127.0.0.1:\(port)/") {
            try await Task.sleep(for: .milliseconds(50))
        }
        try #require(printed.all.contains("Serving the site at"), "the server did not start: \(printed.all)")
    }

    /// Ctrl-C: it stops by itself, says so, and exits 0 (bounded, so one that does not stop fails the test).
    func stop() async throws {
        process.interrupt()
        for _ in 0..<1200 where process.isRunning { try await Task.sleep(for: .milliseconds(50)) }
        #expect(!process.isRunning, "the server stopped at Ctrl-C")
        if process.isRunning { process.terminate(); return }
        #expect(process.terminationStatus == 0)
        for _ in 0..<100 where !printed.all.contains("Stopped.") { try await Task.sleep(for: .milliseconds(20)) }
        #expect(printed.all.contains("Stopped."))
    }
}

final class Flag: Sendable {
    private let value = Atomic<Bool>(false)
    func raise() { value.store(true, ordering: .relaxed) }
    var isRaised: Bool { value.load(ordering: .relaxed) }
}

/// A blocking HTTP/1.1 client over a socket, enough for a test: one GET, the whole answer.
enum HTTP {
    struct Answer { let status: Int; let body: String }

    static func connect(_ port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let rc = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard rc == 0 else { close(fd); throw POSIXError(.ECONNREFUSED) }
        return fd
    }

    static func send(_ fd: Int32, _ path: String) {
        let request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        _ = request.withCString { Glibc.send(fd, $0, strlen($0), 0) }
    }

    /// Off the cooperative threads: the server answers on them, and a test blocking one of the
    /// few there are (two on two cores) while other tests hold the rest would wait on itself.
    static func get(_ port: Int, _ path: String) async throws -> Answer {
        try await offPool { try blockingGet(port, path) }
    }

    static func blockingGet(_ port: Int, _ path: String) throws -> Answer {
        let fd = try connect(port)
        defer { close(fd) }
        send(fd, path)
        var bytes: [UInt8] = [], buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            bytes += buffer[0..<n]
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let status = Int(text.split(separator: " ").dropFirst().first ?? "") ?? 0
        let body = text.range(of: "\r\n\r\n").map { String(text[$0.upperBound...]) } ?? ""
        return Answer(status: status, body: body)
    }
}

/// Runs blocking work on a thread of its own, not on the cooperative pool.
func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { done in
        Thread { done.resume(with: Result { try work() }) }.start()
    }
}

/// The event stream as a browser's EventSource holds it open: everything received so far.
final class EventStream: Sendable {
    let fd: Int32
    private let received = Received()
    final class Received: Sendable {
        private let text = Mutex("")
        func append(_ more: String) { text.withLock { $0 += more } }
        var all: String { text.withLock { $0 } }
    }

    init(port: Int) async throws {
        fd = try HTTP.connect(port)
        HTTP.send(fd, "/__thidua/events")
        let fd = self.fd, received = self.received
        let reader = Thread {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let n = recv(fd, &buffer, buffer.count, 0)
                if n < 0 && errno == EAGAIN { continue }
                if n <= 0 { break }
                let text = String(decoding: buffer[0..<n], as: UTF8.self)
                received.append(text)
            }
        }
        reader.start()
        try await wait(for: ": thidua serve")
    }

    /// How much has arrived so far: events after it are the ones an edit made now causes.
    var mark: Int { received.all.utf8.count }

    /// Waits until `text` arrives after `mark` (bounded, so a missing event fails the test).
    func wait(for text: String, after mark: Int = 0) async throws {
        for _ in 0..<1200 {
            if String(decoding: received.all.utf8.dropFirst(mark), as: UTF8.self).contains(text) { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("no event with \(text) arrived; received: \(received.all)")
        throw POSIXError(.ETIMEDOUT)
    }

    func close() { shutdown(fd, Int32(SHUT_RDWR)); Glibc.close(fd) }
}

/// A port some other program listens on.
final class Listener: Sendable {
    let fd: Int32
    let port: Int
    init() throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let fd = self.fd
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 1) == 0 else { throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
    }
    func close() { Glibc.close(fd) }
}

/// The site `serve` holds in memory is the site `build` writes, byte for byte, before and after an edit;
/// and a rebuild in memory renders only the pages the edit affects.
@Suite struct PreviewBuildTests {
    func files(of site: MemorySite, reading root: URL) throws -> [String: [UInt8]] {
        var out: [String: [UInt8]] = [:]
        for path in site.paths {
            switch site[path]! {
            case .bytes(let b): out[path] = b
            case .source(let s): out[path] = try BuildOptions(siteDirectory: root).source.file(s).bytes
            }
        }
        return out
    }

    func files(under folder: URL) throws -> [String: [UInt8]] {
        var out: [String: [UInt8]] = [:]
        let base = folder.standardizedFileURL.path + "/"
        for case let url as URL in FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)! {
            let path = url.standardizedFileURL.path
            guard !url.hasDirectoryPath, path.hasPrefix(base) else { continue }
            out[String(path.dropFirst(base.count))] = Array(try Data(contentsOf: url))
        }
        return out
    }

    @Test func theSiteInMemoryIsTheBuiltSite() throws {
        let site = try TestSite()
        var preview = SitePreview()
        let first = preview.rebuild(BuildOptions(siteDirectory: site.root))
        #expect(first.report.published)
        site.build()
        #expect(try files(of: preview.site, reading: site.root) == files(under: site.output))

        let profile = "content/individuals/lo-thi-mai.vi.md"
        try site.write(profile, try site.read(profile) + "\nThêm một câu.\n")
        let second = preview.rebuild(BuildOptions(siteDirectory: site.root))
        #expect(second.report.pagesRendered == 2, "the person's page, and no other, in each language")
        // The English page is rendered again (it is made from both files) but comes out the same: not changed.
        #expect(second.changed == ["ca-nhan/lo-thi-mai/index.html"])
        site.build()
        #expect(try files(of: preview.site, reading: site.root) == files(under: site.output))
    }
}
