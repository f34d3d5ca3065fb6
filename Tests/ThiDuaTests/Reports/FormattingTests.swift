import Testing
import ThiDuaContent
import ThiDuaModel
import ThiDuaRender

/// Numbers as each language writes them, with the built-in theme's words: Vietnamese groups with
/// `.` and writes decimals with `,` and a space before `%`; English the other way round.
@Suite("Formatting: numbers, shares and amounts in each language")
struct FormattingTests {
    static let strings = StringsLoader.load(from: SourceTree(MemorySource([:])), languages: [.vi, .en]).strings

    @Test("counts are grouped by thousands", arguments: [
        (0, "0", "0"), (7, "7", "7"), (999, "999", "999"), (1234, "1.234", "1,234"),
        (1_234_567, "1.234.567", "1,234,567"), (-4500, "-4.500", "-4,500"),
    ])
    func grouped(n: Int, vi: String, en: String) {
        #expect(Self.strings[.vi]!.grouped(n) == vi)
        #expect(Self.strings[.en]!.grouped(n) == en)
    }

    @Test("shares to one decimal, rounded half up; whole numbers without one", arguments: [
        (1, 8, "12,5\u{A0}%", "12.5%"), (2, 3, "66,7\u{A0}%", "66.7%"), (1, 2, "50\u{A0}%", "50%"),
        (0, 5, "0\u{A0}%", "0%"), (5, 5, "100\u{A0}%", "100%"), (1, 3, "33,3\u{A0}%", "33.3%"), (1, 1000, "0,1\u{A0}%", "0.1%"),
    ])
    func percent(part: Int, whole: Int, vi: String, en: String) {
        #expect(Self.strings[.vi]!.percent(part, of: whole) == vi)
        #expect(Self.strings[.en]!.percent(part, of: whole) == en)
    }

    @Test("no share of nothing")
    func percentOfNothing() {
        #expect(Self.strings[.vi]!.percent(0, of: 0) == nil)
    }

    @Test("amounts in billions and millions to one decimal, smaller ones in full", arguments: [
        (1_200_000_000, "1,2 tỷ đồng", "VND 1.2 billion"), (1_000_000_000, "1 tỷ đồng", "VND 1 billion"),
        (1_250_000_000, "1,3 tỷ đồng", "VND 1.3 billion"), (12_345_000_000_000, "12.345 tỷ đồng", "VND 12,345 billion"),
        (350_000_000, "350 triệu đồng", "VND 350 million"), (2_500_000, "2,5 triệu đồng", "VND 2.5 million"),
        (999_999, "999.999 đồng", "VND 999,999"), (120_000, "120.000 đồng", "VND 120,000"), (0, "0 đồng", "VND 0"),
    ])
    func vnd(amount: Int, vi: String, en: String) {
        #expect(Self.strings[.vi]!.vndShort(amount) == vi)
        #expect(Self.strings[.en]!.vndShort(amount) == en)
    }
}
