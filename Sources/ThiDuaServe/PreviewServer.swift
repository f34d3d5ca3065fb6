import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import Synchronization
import ThiDuaContent
import ThiDuaModel
import ThiDuaSite

/// `thidua serve`: builds the site into memory, serves it over HTTP, watches `content/` and
/// `templates/`, rebuilds what an edit affects and tells the open pages to reload (Server-Sent
/// Events on the same port). Bad content never stops it: the last good site stays, with the
/// problems shown over it. It never writes the output folder.
public struct PreviewServer: Sendable {
    public var options: BuildOptions
    public var host: String
    public var port: Int
    /// What the terminal is told: the printer's language and where it writes.
    public var printer: DiagnosticPrinter
    /// Called once the server listens, with its address (`http://127.0.0.1:8080/`).
    public var onListening: @Sendable (String) -> Void = { _ in }

    public init(options: BuildOptions, host: String, port: Int, printer: DiagnosticPrinter) {
        self.options = options; self.host = host; self.port = port; self.printer = printer
        self.options.baseURL = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)/"
    }

    public enum StartFailure: Error, Sendable {
        /// The port is taken; `free` is one that is not, to suggest.
        case portInUse(port: Int, free: Int?)
        case watch(errno: Int32)
    }

    /// Builds, then serves until Ctrl-C (SIGINT) or SIGTERM.
    public func run() async throws {
        guard PortProbe.isFree(host: host, port: port) else {
            throw StartFailure.portInUse(port: port, free: PortProbe.freePort(after: port, host: host))
        }
        let state = PreviewState()
        let watcher = SourceWatcher(siteDirectory: options.siteDirectory)
        let batches: AsyncStream<[String]>
        do { batches = try watcher.batches() } catch let failure as SourceWatcher.WatchFailure {
            throw StartFailure.watch(errno: failure.errno)
        }
        defer { watcher.stop() }
        // The first build, before the port opens: the first page asked for is the site.
        var preview = SitePreview()
        let first = await Self.rebuild(&preview, options)
        state.publish(preview)
        report(first, state: state)

        let live = LivePage(defaultLanguage: state.snapshot.defaultLanguage ?? .vi)
        let router = Router()
        for pattern in ["/", "**"] {   // "**" matches one path component or more, not the root
            router.get(RouterPath(pattern)) { request, _ -> Response in
                respond(to: request.uri.path, state: state, live: live)
            }
        }
        var logger = Logger(label: "thidua-serve")
        logger.logLevel = .critical   // its own messages (a cancelled connection at Ctrl-C) are not for the staff
        let rebuilder = Rebuilder(server: self, state: state, batches: batches, initial: preview)
        let address = options.baseURL ?? ""
        let app = Application(router: router,
                              configuration: .init(address: .hostname(host, port: port), serverName: "thidua"),
                              services: [rebuilder],
                              onServerRunning: { _ in onListening(address) },
                              logger: logger)
        try await app.runService(gracefulShutdownSignals: [.sigint, .sigterm])
        state.events.finishAll()
    }

    /// One rebuild, off the cooperative threads (it keeps every core busy for a while).
    static func rebuild(_ preview: inout SitePreview, _ options: BuildOptions) async -> SitePreview.Change {
        let start = preview
        let (next, change) = await withCheckedContinuation { (done: CheckedContinuation<(SitePreview, SitePreview.Change), Never>) in
            DispatchQueue.global().async {
                var p = start
                let c = p.rebuild(options)
                done.resume(returning: (p, c))
            }
        }
        preview = next
        return change
    }

    func report(_ change: SitePreview.Change, state: PreviewState) {
        printer.print(change.report.diagnostics)
        let r = change.report
        let ms = Int((r.timings.map(\.seconds).reduce(0, +) * 1000).rounded())
        if r.published {
            printer.say(vi: "Đã dựng \(r.pagesWritten) trang trong bộ nhớ (\(r.pagesRendered) dựng mới) trong \(ms) ms.",
                        en: "Built \(r.pagesWritten) pages in memory (\(r.pagesRendered) rendered anew) in \(ms) ms.")
        } else if state.snapshot.site.count > 0 {
            printer.say(vi: "Nội dung có lỗi: trình duyệt hiện lỗi trên bản đúng gần nhất. Sửa tệp rồi lưu lại.",
                        en: "The content has errors: the browser shows them over the last good version. Fix the file and save.")
        } else {
            printer.say(vi: "Nội dung có lỗi: chưa dựng được trang nào. Sửa tệp rồi lưu lại.",
                        en: "The content has errors: nothing could be built yet. Fix the file and save.")
        }
    }

    /// Answers one request from memory: a page (with the live script), a copied file read from
    /// the source, the event stream, or the script.
    func respond(to rawPath: String, state: PreviewState, live: LivePage) -> Response {
        if rawPath == LivePage.eventsPath { return events(state.events.subscribe()) }
        if rawPath == LivePage.scriptPath { return Self.response(Array(LivePage.script.utf8), type: "text/javascript; charset=utf-8") }
        let snapshot = state.snapshot
        let errors = snapshot.diagnostics.filter { $0.severity == .error }
        var path = String((rawPath.removingPercentEncoding ?? rawPath).drop { $0 == "/" })
        if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
        if path.split(separator: "/").contains("..") { return Self.notFound(live) }
        guard let content = snapshot.site[path] else {
            if snapshot.site.count == 0 && !errors.isEmpty {
                return Self.response(live.errorPage(errors), type: "text/html; charset=utf-8", status: .serviceUnavailable)
            }
            if snapshot.site[path + "/index.html"] != nil {
                return Response(status: .movedPermanently, headers: [.location: rawPath + "/", .cacheControl: "no-store"])
            }
            return Self.notFound(live)
        }
        let bytes: [UInt8]
        switch content {
        case .bytes(let b): bytes = b
        case .source(let source):
            guard let file = try? options.source.file(source) else { return Self.notFound(live) }
            bytes = file.bytes
        }
        let type = Self.contentType(path)
        if type.hasPrefix("text/html") { return Self.response(live.inject(into: bytes, errors: errors), type: type) }
        return Self.response(bytes, type: type)
    }

    func events(_ stream: AsyncStream<String>) -> Response {
        let body = ResponseBody { writer in
            // retry: how soon a page reconnects after the server restarts.
            try await writer.write(ByteBuffer(string: "retry: 500\n: thidua serve\n\n"))
            for await event in stream.cancelOnGracefulShutdown() {
                try await writer.write(ByteBuffer(string: event))
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"], body: body)
    }

    static func response(_ bytes: [UInt8], type: String, status: HTTPResponse.Status = .ok) -> Response {
        // no-store: a preview must never show a page the browser kept from before an edit.
        Response(status: status, headers: [.contentType: type, .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func notFound(_ live: LivePage) -> Response {
        let l = live.defaultLanguage
        let text = "\(live.strings[l]?("serve.not_found") ?? "404")\n"
        return response(Array(text.utf8), type: "text/plain; charset=utf-8", status: .notFound)
    }

    static func contentType(_ path: String) -> String {
        let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        return switch ext {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "xml": "application/xml"
        case "txt": "text/plain; charset=utf-8"
        case "csv": "text/csv; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "webp": "image/webp"
        case "avif": "image/avif"
        case "gif": "image/gif"
        case "ico": "image/x-icon"
        case "pdf": "application/pdf"
        case "woff2": "font/woff2"
        default: "application/octet-stream"
        }
    }
}

/// The rebuild loop, as a service of the server: a batch of changed files → one rebuild → one
/// event to every open page. Stops with the server (Ctrl-C).
struct Rebuilder: Service {
    let server: PreviewServer
    let state: PreviewState
    let batches: AsyncStream<[String]>
    let initial: SitePreview

    func run() async throws {
        var preview = initial
        for await changed in batches.cancelOnGracefulShutdown() {
            let hadErrors = state.snapshot.diagnostics.hasErrors
            let change = await PreviewServer.rebuild(&preview, server.options)
            state.publish(preview)
            server.report(change, state: state)
            let hasErrors = change.report.diagnostics.hasErrors
            let css = changed.contains { $0.hasPrefix("templates/assets/") && $0.hasSuffix(".css") }
            let pages = change.changed.filter { $0.hasSuffix(".html") }.map { file -> String in
                "/" + (file.hasSuffix("index.html") ? String(file.dropLast("index.html".count)) : file)
            }
            // The error box is on every page: its coming, going or changing reloads them all.
            let all = hadErrors || hasErrors || pages.count > 500
            if all || !pages.isEmpty {
                let list = all ? "" : pages.map { "\"\($0.replacingOccurrences(of: "\"", with: "%22"))\"" }.joined(separator: ",")
                state.events.send("event: reload\ndata: {\"all\":\(all),\"pages\":[\(list)]}\n\n")
            } else if css {
                state.events.send("event: css\ndata: {}\n\n")
            }
        }
        state.events.finishAll()
    }
}

/// What the requests see, swapped whole after each rebuild (read from many tasks at once).
final class PreviewState: Sendable {
    struct Snapshot: Sendable {
        var site = MemorySite()
        var diagnostics: [Diagnostic] = []
        var defaultLanguage: Language?
    }
    private let current = Mutex(Snapshot())
    let events = ReloadEvents()

    var snapshot: Snapshot { current.withLock { $0 } }

    func publish(_ preview: SitePreview) {
        current.withLock { s in
            s.site = preview.site
            s.diagnostics = preview.diagnostics
            s.defaultLanguage = preview.defaultLanguage ?? s.defaultLanguage
        }
    }
}

/// The open event streams, one per page open in a browser.
final class ReloadEvents: Sendable {
    private let streams = Mutex<[Int: AsyncStream<String>.Continuation]>([:])
    private let next = Atomic<Int>(0)

    func subscribe() -> AsyncStream<String> {
        let id = next.add(1, ordering: .relaxed).newValue
        let (stream, continuation) = AsyncStream.makeStream(of: String.self)
        continuation.onTermination = { [weak self] _ in self?.streams.withLock { $0[id] = nil } }
        streams.withLock { $0[id] = continuation }
        return stream
    }

    func send(_ event: String) {
        for c in streams.withLock({ Array($0.values) }) { c.yield(event) }
    }

    func finishAll() {
        for c in streams.withLock({ Array($0.values) }) { c.finish() }
    }
}
