import Foundation  // Unicode normalisation only; the model touches no files.

/// Vietnamese alphabetical order and ASCII folding: both are rules of the domain
/// (lists sort by given name; slugs and search ignore diacritics), so they live in the model.
public enum VietnameseText {
    /// Letters in dictionary order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y.
    /// Foundation has no Vietnamese collation on Linux, so the order is written out here.
    private static let letterOrder: [Character: Int] = {
        let letters: [Character] = ["a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m",
                                    "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z"]
        var order: [Character: Int] = [:]
        for (i, c) in letters.enumerated() { order[c] = 100 + i }
        return order
    }()

    /// Tones, in the order dictionaries list them: ngang, huyền, sắc, hỏi, ngã, nặng.
    private static let toneOrder: [Unicode.Scalar: Int] = [
        "\u{0300}": 1, "\u{0301}": 2, "\u{0309}": 3, "\u{0303}": 4, "\u{0323}": 5,
    ]
    /// Marks that make a different letter (ă â ê ô ơ ư), not a tone.
    private static let letterMarks: [Unicode.Scalar: Character] = ["\u{0306}": "\u{0306}", "\u{0302}": "\u{0302}", "\u{031B}": "\u{031B}"]

    /// A key that sorts strings in Vietnamese order: letters first, then tones.
    public struct SortKey: Comparable, Hashable, Sendable {
        let letters: [Int]
        let tones: [Int]
        let text: String
        public static func < (a: SortKey, b: SortKey) -> Bool {
            if a.letters != b.letters { return a.letters.lexicographicallyPrecedes(b.letters) }
            if a.tones != b.tones { return a.tones.lexicographicallyPrecedes(b.tones) }
            return a.text < b.text
        }
    }

    public static func sortKey(_ text: String) -> SortKey {
        var letters: [Int] = [], tones: [Int] = []
        for ch in text.lowercased() {
            let (letter, tone) = commonCharacters[ch] ?? characterKey(ch)
            letters.append(letter); tones.append(tone)
        }
        return SortKey(letters: letters, tones: tones, text: text)
    }

    /// The key of every letter of the alphabet with each tone, digits and the space, worked out
    /// once by `characterKey` itself: decomposing each character of each name was most of sorting.
    private static let commonCharacters: [Character: (Int, Int)] = {
        var table: [Character: (Int, Int)] = [:]
        let marks = ["", "\u{0300}", "\u{0301}", "\u{0309}", "\u{0303}", "\u{0323}"]
        for letter in letterOrder.keys {
            for mark in marks {
                let composed = (String(letter) + mark).precomposedStringWithCanonicalMapping
                if composed.count == 1, let ch = composed.first { table[ch] = characterKey(ch) }
            }
        }
        for ch in Array("0123456789 -.,()") { table[ch] = characterKey(ch) }
        return table
    }()

    /// One lower-case character's letter rank and tone.
    private static func characterKey(_ ch: Character) -> (Int, Int) {
        var base = "", tone = 0
        for scalar in String(ch).decomposedStringWithCanonicalMapping.unicodeScalars {
            if let t = toneOrder[scalar] { tone = t }
            else { base.unicodeScalars.append(scalar) }
        }
        // A lone tone mark (a name starting with U+0301) leaves no base letter: not a Character.
        let recomposed = base.precomposedStringWithCanonicalMapping
        guard recomposed.count == 1, let composed = recomposed.first else {
            return (1000 + Int(recomposed.unicodeScalars.first?.value ?? 0), tone)
        }
        if let rank = letterOrder[composed] { return (rank, tone) }
        if composed.isWhitespace { return (1, tone) }
        if composed.isNumber { return (10 + Int(composed.wholeNumberValue ?? 0), tone) }
        return (1000 + Int(composed.unicodeScalars.first?.value ?? 0), tone)
    }

    /// Sort key for a person: given name first, then the whole name, as Vietnamese lists do.
    public static func personKey(name: String, givenName: String) -> [SortKey] {
        [sortKey(givenName), sortKey(name)]
    }

    /// Lower-case ASCII with diacritics removed and `đ` → `d`: `Đoàn Thị Được` → `doan thi duoc`.
    public static func fold(_ text: String) -> String {
        var out = ""
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar == "đ" { out.append("d") }
            else if scalar.isASCII { out.unicodeScalars.append(scalar) }
            else if scalar.properties.generalCategory == .nonspacingMark { continue }
            else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// An ASCII slug: `Thi đua yêu nước` → `thi-dua-yeu-nuoc`.
    public static func slug(_ text: String) -> String {
        var out = "", pendingDash = false
        for c in fold(text).unicodeScalars {
            let isWord = (0x61...0x7a).contains(c.value) || (0x30...0x39).contains(c.value)
            if isWord {
                if pendingDash && !out.isEmpty { out.append("-") }
                pendingDash = false
                out.unicodeScalars.append(c)
            } else { pendingDash = true }
        }
        return out
    }
}
