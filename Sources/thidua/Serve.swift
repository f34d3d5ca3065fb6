import ArgumentParser
import Foundation
import ThiDuaServe
import ThiDuaSite

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site in a browser while you edit it. / Xem trước trang web trên trình duyệt trong khi sửa.",
        discussion: """
        Builds the site into memory and serves it at http://HOST:PORT/. Every time a file under content/ or \
        templates/ is saved, the pages it affects are built again and the open browser tabs reload by \
        themselves (a CSS change restyles the page without reloading). When the content has an error, the \
        terminal and the page both say which file and line, and the last good page stays underneath. \
        Nothing is written to output/. Stop with Ctrl-C.
        Dựng trang web trong bộ nhớ và phục vụ ở http://HOST:PORT/. Mỗi lần lưu một tệp trong content/ hoặc \
        templates/, các trang liên quan được dựng lại và trình duyệt tự tải lại. Nội dung có lỗi thì cả cửa sổ \
        lệnh và trang đều chỉ ra tệp và dòng, trang đúng gần nhất vẫn ở bên dưới. Không ghi gì vào output/. \
        Dừng bằng Ctrl-C.
        """
    )

    @OptionGroup var options: SiteOptions

    @Option(name: .long, help: ArgumentHelp("The port to listen on. / Cổng lắng nghe.", valueName: "number"))
    var port: Int = 8080

    @Option(name: .long, help: ArgumentHelp("The address to listen on; 0.0.0.0 lets other machines on the network see it. / Địa chỉ lắng nghe.", valueName: "address"))
    var host: String = "127.0.0.1"

    @Flag(name: .long, help: "Show entries marked draft: true as well. / Hiện cả các mục nháp (draft: true).")
    var drafts = false

    func run() async throws {
        let printer = DiagnosticPrinter(language: options.messageLanguage)
        var server = PreviewServer(options: BuildOptions(siteDirectory: options.siteURL, includeDrafts: drafts),
                                   host: host, port: port, printer: printer)
        server.onListening = { address in
            printer.say(vi: "Đang phục vụ trang web ở \(address) — mở địa chỉ này trên trình duyệt. Dừng bằng Ctrl-C.",
                        en: "Serving the site at \(address) — open it in a browser. Stop with Ctrl-C.")
        }
        do {
            try await server.run()
            printer.say(vi: "Đã dừng.", en: "Stopped.")
        } catch PreviewServer.StartFailure.portInUse(let port, let free) {
            let suggestion = free.map { " --port \($0)" } ?? " --port <…>"
            printer.say(vi: "Cổng \(port) đang được chương trình khác dùng. Hãy chạy lại với một cổng khác, ví dụ: thidua serve\(suggestion)",
                        en: "Port \(port) is in use by another program. Run again with another port, for example: thidua serve\(suggestion)")
            throw ExitCode(2)
        } catch PreviewServer.StartFailure.watch(let errno) {
            let reason = String(cString: strerror(errno))
            printer.say(vi: "Không theo dõi được các tệp của trang web (inotify: \(reason)). Trên Linux, hãy tăng fs.inotify.max_user_watches.",
                        en: "Cannot watch the site's files (inotify: \(reason)). On Linux, raise fs.inotify.max_user_watches.")
            throw ExitCode(2)
        }
    }
}
