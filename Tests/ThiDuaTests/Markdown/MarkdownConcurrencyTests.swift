import Dispatch
import Foundation
import Synchronization
import Testing
import ThiDuaRender

/// Parsing is serialised because Debian's libcmark-gfm 0.29.0.gfm.6 rewrites a process-global
/// special-character table in every parse; without the lock this test sees `~~x~~` left raw and links
/// not made. It renders from real threads (the cooperative pool has only as many threads as cores).
@Suite("Markdown: rendering from many threads")
struct MarkdownConcurrencyTests {
    static let threadCount = 8
    static let rounds = 6

    @Test func concurrentRenderingMatchesSingleThreadedOutput() {
        let documents = MarkdownCorpus.documents(count: 200)
        let renderer = MarkdownRenderer()
        let expected = documents.map { renderer.render($0, taskLabels: taskLabels(.vi), resolveRef: MarkdownCorpus.resolve) }

        // The single-threaded baseline itself is right: every feature was recognised.
        #expect(expected.allSatisfy { !$0.html.contains("~~") })
        #expect(expected.filter { $0.html.contains("<del>") }.count >= 50)
        #expect(expected.filter { $0.html.contains("<table>") }.count >= 50)
        #expect(expected.filter { $0.html.contains("href=\"http://www.") }.count >= 50)

        let mismatches = MismatchLog()
        let renders = Atomic<Int>(0)
        runOnThreads(Self.threadCount) { thread in
            for round in 0..<Self.rounds {
                for step in documents.indices {
                    // Each thread takes the documents in its own order, so different documents overlap.
                    let index = (step * 7 + thread * 31 + round * 13) % documents.count
                    let result = renderer.render(documents[index], taskLabels: taskLabels(.vi), resolveRef: MarkdownCorpus.resolve)
                    renders.add(1, ordering: .relaxed)
                    if Array(result.html.utf8) != Array(expected[index].html.utf8)
                        || result.plainText != expected[index].plainText
                        || result.unresolvedRefs != expected[index].unresolvedRefs
                        || result.blockedLinks != expected[index].blockedLinks {
                        mismatches.record("thread \(thread) round \(round) document \(index):\n\(result.html)")
                    }
                }
            }
        }
        #expect(renders.load(ordering: .relaxed) == Self.threadCount * Self.rounds * documents.count)
        let found = mismatches.entries
        #expect(found.count == 0, "renders that differed from single-threaded output; the first: \(found.first ?? "")")
    }
}

/// ~200 varied bodies: strikethrough, autolinks, tables, task lists, links and refs, emphasis, Vietnamese.
enum MarkdownCorpus {
    static func resolve(_ target: String) -> String? {
        target.hasPrefix("individuals/") ? "/ca-nhan/\(target.dropFirst("individuals/".count))/" : nil
    }

    static func documents(count: Int) -> [String] {
        let names = ["Lò Thị Mai", "Đoàn Thị Được", "Nguyễn Trường Sơn", "Vàng A Dế", "Tẩn Láo Lở", "Hoàng Thị Ư"]
        let units = ["LĐLĐ tỉnh Lai Châu", "LĐLĐ huyện Tam Đường", "Công đoàn Viên chức tỉnh", "LĐLĐ thành phố Lai Châu"]
        return (0..<count).map { n in
            let name = names[n % names.count]
            let unit = units[(n / 2) % units.count]
            var parts: [String] = []
            parts.append("# Gương điển hình số \(n)")
            parts.append("Chị **\(name)** thuộc *\(unit)* đã ~~chưa~~ hoàn thành \(n % 5 + 1) sáng kiến.")
            if n % 2 == 0 {
                parts.append("Xem thêm tại www.laichau\(n).gov.vn hoặc https://congdoan.example.vn/tin/\(n) và email to\(n)@example.vn.")
            }
            if n % 3 != 2 {
                parts.append("""
                    | Năm | Sáng kiến | Giá trị (đồng) |
                    |:---|:---:|---:|
                    | \(2021 + n % 4) | ~~Cải tiến~~ quy trình \(n) | \(n * 1_000_000) |
                    | \(2022 + n % 3) | Tiết kiệm _điện_ | \(n * 250_000) |
                    """)
            }
            if n % 4 != 3 {
                parts.append("- [x] Phát hiện\n- [\(n % 2 == 0 ? "x" : " ")] Bồi dưỡng\n- [ ] Tổng kết ~~\(n)~~\n- [ ] Nhân rộng")
            }
            parts.append("Liên kết: [\(name)](ref:individuals/nguoi-\(n)), [đơn vị](ref:units/don-vi-\(n % 7)), [trang](/gioi-thieu/#muc-\(n)).")
            if n % 5 == 0 {
                parts.append("Không an toàn: [bấm](javascript:alert(\(n))) và ![ảnh](data:image/png;base64,AAAA\(n)).")
            }
            if n % 6 == 1 {
                parts.append("> Trích: \"Thi đua là yêu nước\" -- `mã \(n)` ~~xoá~~ <span>thô</span>\n\n```\nkhối mã \(n)\n```")
            }
            parts.append("Ngày \(n % 28 + 1) tháng \(n % 12 + 1) năm 2023, ~~\(name)~~ www.tin\(n).vn ***đặc biệt***.")
            return parts.joined(separator: "\n\n")
        }
    }
}

/// What the threads saw differ, gathered under a lock.
final class MismatchLog: Sendable {
    private let log = Mutex<[String]>([])
    func record(_ entry: String) { log.withLock { $0.append(entry) } }
    var entries: [String] { log.withLock { $0 } }
}

/// Runs `body` on `count` new threads at once and waits for all of them.
func runOnThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let group = DispatchGroup()
    for index in 0..<count {
        group.enter()
        let thread = Thread {
            body(index)
            group.leave()
        }
        thread.start()
    }
    group.wait()
}
