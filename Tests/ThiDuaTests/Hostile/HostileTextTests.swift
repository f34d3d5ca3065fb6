import Testing
import ThiDuaContent
import ThiDuaModel

/// Text a person can type that once stopped the program with a Swift runtime error.
@Suite("Hostile: text that used to trap")
struct HostileTextTests {
    /// A name starting with a lone tone mark: its first character has no base letter, and
    /// `Character("")` trapped in `VietnameseText.sortKey` when section lists were sorted.
    @Test func sortKeyOfALoneToneMark() {
        let key = VietnameseText.sortKey("\u{301}Mai")
        let plain = VietnameseText.sortKey("Mai")
        #expect(key != plain, "the tone mark still tells the two apart")
        #expect(plain < key || key < plain, "still ordered, without trapping")
        _ = VietnameseText.personKey(name: "\u{300}\u{301}", givenName: "\u{303}")
        _ = VietnameseText.sortKey("\u{301}\u{301}\u{301}")
    }
}
