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
    }

    /// A name of nothing but tone marks (a slip of the keyboard) sorts after every real name, not before them.
    @Test func nameOfOnlyToneMarksSortsLast() {
        let marks = VietnameseText.sortKey("\u{301}\u{301}\u{301}")
        #expect(VietnameseText.sortKey("") < marks)
        #expect(VietnameseText.sortKey("a") < marks)
        let mai = VietnameseText.personKey(name: "Lò Thị Mai", givenName: "Mai")
        let typo = VietnameseText.personKey(name: "\u{300}\u{301}", givenName: "\u{303}")
        #expect(mai.lexicographicallyPrecedes(typo))
        #expect(!typo.lexicographicallyPrecedes(mai))
    }
}
