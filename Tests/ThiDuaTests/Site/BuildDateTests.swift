import Foundation
import Testing
import ThiDuaModel
import ThiDuaSite

/// The build date (CONTENT-MODEL section 9): where it comes from, and that the site it gives is
/// the same bytes every time, and the same whether rebuilt over another day's site or from nothing.
@Suite("The build date", .serialized)
struct BuildDateTests {
    static func day(_ s: String) -> LocalDate { LocalDate(iso: s)! }

    @Test func dateOptionThenSourceDateEpochThenToday() throws {
        #expect(try BuildDate.resolve(option: "2026-12-02", environment: ["SOURCE_DATE_EPOCH": "0"]).get() == Self.day("2026-12-02"))
        // 1764633600 is 2025-12-02T00:00:00Z; one second before is still 1 December in UTC, whatever the machine's zone.
        #expect(try BuildDate.resolve(option: nil, environment: ["SOURCE_DATE_EPOCH": "1764633600"]).get() == Self.day("2025-12-02"))
        #expect(try BuildDate.resolve(option: nil, environment: ["SOURCE_DATE_EPOCH": "1764633599"]).get() == Self.day("2025-12-01"))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")!
        // 2025-12-01T20:00:00Z is already 2 December in Hà Nội: today is the machine's own calendar day.
        let now = Date(timeIntervalSince1970: 1764619200)
        #expect(try BuildDate.resolve(option: nil, environment: [:], now: now, calendar: calendar).get() == Self.day("2025-12-02"))
        #expect(try BuildDate.resolve(option: nil, environment: ["SOURCE_DATE_EPOCH": ""], now: now, calendar: calendar).get()
                == Self.day("2025-12-02"))
    }

    @Test func aMalformedDateIsRefusedSayingHowToWriteIt() {
        #expect(throws: BuildDate.Problem.malformedOption("02/12/2026")) { try BuildDate.resolve(option: "02/12/2026", environment: [:]).get() }
        #expect(throws: BuildDate.Problem.malformedOption("2026-02-30")) { try BuildDate.resolve(option: "2026-02-30", environment: [:]).get() }
        #expect(throws: BuildDate.Problem.malformedEpoch("soon")) { try BuildDate.resolve(option: nil, environment: ["SOURCE_DATE_EPOCH": "soon"]).get() }
        #expect(BuildDate.Problem.malformedOption("x").message[.en] == "--date 'x' is not a date written YYYY-MM-DD (e.g. --date 2026-12-02).")
    }

    @Test func theSameContentAndDateGiveTheSameBytes() throws {
        let site = try TestSite.version2()
        defer { site.cleanUp() }
        let other = site.root.appendingPathComponent("again")
        #expect(site.build(full: true, date: TestSite.version2Date).published)
        #expect(site.build(full: true, output: other, date: TestSite.version2Date).published)
        #expect(try site.snapshot() == site.snapshot(other))
    }

    @Test("a rebuild on another day equals a clean build on that day, and keeps the pages the day does not change")
    func rebuildOnAnotherDay() throws {
        let site = try TestSite.version2()
        defer { site.cleanUp() }
        #expect(site.build(date: TestSite.version2Date).published)
        #expect(try site.page("lay-y-kien/mo-lo-thi-mai").contains("Còn 7 ngày làm việc (tính đến ngày 02 tháng 12 năm 2026)"))
        #expect(try site.page("ca-nhan/lo-thi-mai").contains("đến hết ngày 11 tháng 12 năm 2026"))
        // The next day: one working day fewer, the rest as it was.
        let next = try #require(try site.rebuildMatchesCleanBuild("3 December", date: Self.day("2026-12-03")))
        #expect(try site.page("en/public-comment/mo-lo-thi-mai").contains("6 working days left (as of 3 December 2026)"))
        #expect(next.pagesRendered < next.pagesWritten / 2, "\(next.pagesRendered) of \(next.pagesWritten) rendered")
        #expect(next.pagesRendered > 0)
        // After the window: closed, and the nominee's page no longer says it is open.
        #expect(try site.rebuildMatchesCleanBuild("12 December", date: Self.day("2026-12-12")) != nil)
        #expect(try !site.page("ca-nhan/lo-thi-mai").contains("đến hết ngày 11 tháng 12 năm 2026"))
        #expect(try site.page("lay-y-kien/mo-lo-thi-mai").contains("Đã hết hạn lấy ý kiến, chờ quyết định"))
        // A window that opens: its page appears.
        #expect(!site.exists("lay-y-kien/sap-mo/index.html"))
        #expect(try site.rebuildMatchesCleanBuild("5 January", date: Self.day("2027-01-05")) != nil)
        #expect(site.exists("lay-y-kien/sap-mo/index.html"))
        // And back to the first day.
        #expect(try site.rebuildMatchesCleanBuild("back to 2 December", date: TestSite.version2Date) != nil)
        #expect(!site.exists("lay-y-kien/sap-mo/index.html"))
    }

    @Test func nothingOfAnUnconsentedNomineeIsPublished() throws {
        let site = try TestSite.version2()
        defer { site.cleanUp() }
        #expect(site.build(date: TestSite.version2Date).published)
        for (path, data) in try site.snapshot() {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("Vàng A Tủng") && !text.contains("vang-a-tung") && !text.contains("khong-dong-y"), "\(path)")
            #expect(!text.contains("0912 000 111"), "\(path)")
        }
    }
}
