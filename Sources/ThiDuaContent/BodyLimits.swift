/// A cheap look over a Markdown body, before cmark-gfm parses it, for the shapes that make the
/// parser slow without bound (cmark-gfm's block and bracket handling is quadratic in nesting depth:
/// 100,000 `> ` followed by 100,000 `[` takes about a minute). No real text comes near the limits.
enum BodyLimits {
    /// Block quotes and list items opened on one line.
    static let maxDepth = 100
    /// `[` opened and not yet closed in a body (each is a link that cmark must try to close).
    static let maxOpenBrackets = 1_000

    enum Problem: Equatable {
        /// `line` 1-based within the body, `column` 1-based in bytes (the markers are ASCII).
        case tooDeep(line: Int, column: Int, depth: Int)
        case tooManyBrackets(line: Int, column: Int)
    }

    static func check(_ body: String) -> Problem? {
        var body = body
        return body.withUTF8 { check(bytes: $0) }
    }

    private static func check(bytes b: UnsafeBufferPointer<UInt8>) -> Problem? {
        let space: UInt8 = 0x20, tab: UInt8 = 0x09, newline: UInt8 = 0x0A
        var line = 1, i = 0, open = 0
        while i < b.count {
            let lineStart = i
            // Container markers at the start of the line: '>' and list bullets ("- ", "* ", "+ ", "12. ", "3) ").
            var depth = 0
            while i < b.count {
                let c = b[i]
                if c == space || c == tab { i += 1; continue }
                if c == 0x3E { depth += 1; i += 1; continue }
                let next = i + 1 < b.count ? b[i + 1] : newline
                let spaced = next == space || next == tab
                if (c == 0x2D || c == 0x2A || c == 0x2B) && spaced { depth += 1; i += 1; continue }
                if (0x30...0x39).contains(c) {
                    var j = i
                    while j < b.count, j - i < 10, (0x30...0x39).contains(b[j]) { j += 1 }
                    if j < b.count, b[j] == 0x2E || b[j] == 0x29, j + 1 >= b.count || b[j + 1] == space || b[j + 1] == tab {
                        depth += 1; i = j + 1; continue
                    }
                }
                break
            }
            if depth > maxDepth { return .tooDeep(line: line, column: 1, depth: depth) }
            // The rest of the line: brackets opened and not closed, across lines (a paragraph may span many).
            while i < b.count, b[i] != newline {
                switch b[i] {
                case 0x5C: i += 1  // \[ is not a bracket
                case 0x5B:
                    open += 1
                    if open > maxOpenBrackets { return .tooManyBrackets(line: line, column: i - lineStart + 1) }
                case 0x5D: open = max(0, open - 1)
                default: break
                }
                i += 1
            }
            // A blank line ends the paragraph, and with it every bracket left open.
            if i > lineStart, b[lineStart..<i].allSatisfy({ $0 == space || $0 == tab }) { open = 0 }
            if i == lineStart { open = 0 }
            i += 1; line += 1
        }
        return nil
    }
}
