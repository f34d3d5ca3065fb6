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
        defer { running.stop() }

        var first = try HTTP.get(running.port, page)
        #expect(first.status == 200)
        #expect(first.body.contains("Lò Thị Mai"))
        #expect(first.body.contains("<script src=\"/__thidua/live.js\"></script>"))
        #expect(!first.body.contains("thidua-overlay"))
        #expect(try HTTP.get(running.port, "/__thidua/live.js").body.contains("EventSource"))

        // An edit: the event names the page, and the page has the new text.
        let events = try EventStream(port: running.port)
        defer { events.close() }
        let original = try site.read(profile)
        try site.write(profile, original + "\nMột câu mới để xem trước.\n")
        try events.wait(for: "\"pages\":[\"\(page)\"")
        first = try HTTP.get(running.port, page)
        #expect(first.body.contains("Một câu mới để xem trước."))

        // Broken: every page reloads, and shows the problem over the last good page, in its own language.
        let broken = original.replacingOccurrences(of: "\nunit: ", with: "\nunit: khong-co-")
        #expect(broken != original)
        try site.write(profile, broken + "\nMột câu mới để xem trước.\n")
        try events.wait(for: "\"all\":true")
        let shown = try HTTP.get(running.port, page)
        #expect(shown.body.contains("id=\"thidua-overlay\""))
        #expect(shown.body.contains("<code>\(profile):"))
        #expect(shown.body.contains("lỗi[ref.unknown]"))
        #expect(shown.body.contains("Cách sửa"))
        #expect(shown.body.contains("Một câu mới để xem trước."), "the last good page stays underneath")
        let english = try HTTP.get(running.port, "/en/individuals/lo-thi-mai/")
        #expect(english.body.contains("error[ref.unknown]"))
        #expect(english.body.contains("How to fix"))

        // Fixed, saved the way many editors save: a temporary file renamed over the old one.
        try site.write("content/individuals/.lo-thi-mai.vi.md.tmp", original)
        #expect(rename(site.root.appendingPathComponent("content/individuals/.lo-thi-mai.vi.md.tmp").path,
                       site.root.appendingPathComponent(profile).path) == 0)
        try events.wait(for: "\"all\":true", occurrence: 2)
        let fixed = try HTTP.get(running.port, page)
        #expect(!fixed.body.contains("thidua-overlay"))
        #expect(!fixed.body.contains("Một câu mới để xem trước."))

        // A folder made after the start is watched too; a stylesheet alone swaps, with no reload.
        try site.write("templates/assets/site.css", "body { color: rgb(1, 2, 3); }\n")
        try events.wait(for: "event: css")
        #expect(try HTTP.get(running.port, "/assets/site.css").body.contains("rgb(1, 2, 3)"))

        // Never the output folder.
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
        #expect(try HTTP.get(running.port, "/khong-co-trang-nay/").status == 404)
    }

    @Test func aPortInUseIsToldWithOneToTry() async throws {
        let site = try TestSite()
        let taken = try Listener()
        defer { taken.close() }
        let server = PreviewServer(options: BuildOptions(siteDirectory: site.root), host: "127.0.0.1", port: taken.port,
                                   printer: DiagnosticPrinter(language: .en, sink: { _, _ in }))
        do {
            try await server.run(handlesSignals: false)
            Issue.record("the server started on a port in use")
        } catch PreviewServer.StartFailure.portInUse(let port, let free) {
            #expect(port == taken.port)
            let other = try #require(free)
            #expect(other != taken.port)
            #expect(PortProbe.isFree(host: "127.0.0.1", port: other))
        }
    }

    @Test func firstBuildWithErrorsShowsOnlyTheProblems() async throws {
        let site = try TestSite(files: ["content/individuals/lo-thi-mai.vi.md": "---\nname: [\n---\n"])
        let running = try await RunningServer(site)
        defer { running.stop() }
        let shown = try HTTP.get(running.port, "/")
        #expect(shown.status == 503)
        #expect(shown.body.contains("id=\"thidua-overlay\""))
        #expect(shown.body.contains("content/individuals/lo-thi-mai.vi.md"))
    }
}

/// The server on a free port, in a task of its own; `stop` cancels it and waits for it to end.
final class RunningServer: Sendable {
    let port: Int
    let task: Task<Void, any Error>

    init(_ site: TestSite) async throws {
        let port = try #require(PortProbe.anyFreePort())
        self.port = port
        let listening = Flag()
        var server = PreviewServer(options: BuildOptions(siteDirectory: site.root), host: "127.0.0.1", port: port,
                                   printer: DiagnosticPrinter(language: .en, sink: { _, _ in }))
        server.onListening = { _ in listening.raise() }
        task = Task { try await server.run(handlesSignals: false) }
        // Bounded: a server that never listens fails the test instead of hanging it.
        for _ in 0..<600 where !listening.isRaised { try await Task.sleep(for: .milliseconds(50)) }
        let started = listening.isRaised
        try #require(started, "the server did not start")
    }

    func stop() {
        task.cancel()
        let done = DispatchSemaphore(value: 0)
        Task { _ = await task.result; done.signal() }
        #expect(done.wait(timeout: .now() + 30) == .success, "the server stopped when asked")
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
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
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

    static func get(_ port: Int, _ path: String) throws -> Answer {
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

/// The event stream as a browser's EventSource holds it open: everything received so far.
final class EventStream: Sendable {
    let fd: Int32
    private let received = Received()
    final class Received: Sendable {
        private let text = Mutex("")
        func append(_ more: String) { text.withLock { $0 += more } }
        var all: String { text.withLock { $0 } }
    }

    init(port: Int) throws {
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
        try wait(for: ": thidua serve")
    }

    /// Waits until `text` has arrived `occurrence` times (bounded, so a missing event fails the test).
    func wait(for text: String, occurrence: Int = 1) throws {
        for _ in 0..<600 {
            if received.all.components(separatedBy: text).count - 1 >= occurrence { return }
            usleep(50_000)
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
