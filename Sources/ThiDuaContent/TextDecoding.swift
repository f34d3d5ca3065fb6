import Foundation  // Unicode normalisation (NFC)
import ThiDuaModel

/// A content file's bytes as text: UTF-8 checked (with the offset of the first bad byte),
/// the byte-order mark and CR line ends dropped silently, NFD normalised to NFC with a warning.
enum TextDecoding {
    struct Decoded: Sendable {
        var text: String
        var diagnostics: [Diagnostic]
    }

    /// Nil text when the file cannot be used at all (empty, invalid UTF-8).
    static func decode(_ raw: [UInt8], file: String) -> (text: String?, diagnostics: [Diagnostic]) {
        var start = 0
        if raw.count >= 3, raw[0] == 0xEF, raw[1] == 0xBB, raw[2] == 0xBF { start = 3 }
        if let bad = firstInvalidUTF8(raw, from: start) {
            let (line, column) = lineAndColumn(raw, start: start, offset: bad)
            return (nil, [DiagnosticCatalog.utf8Invalid(file: file, offset: bad, line: line, column: column)])
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.count - start)
        var hasNonASCII = false
        var i = start
        while i < raw.count {
            let b = raw[i]
            if b == 0x0D {
                if i + 1 < raw.count, raw[i + 1] == 0x0A { i += 1; continue }  // CRLF → LF
                bytes.append(0x0A)  // a lone CR (old Mac) → LF
            } else {
                if b >= 0x80 { hasNonASCII = true }
                bytes.append(b)
            }
            i += 1
        }
        var text = String(decoding: bytes, as: UTF8.self)
        if text.unicodeScalars.allSatisfy({ $0 == " " || $0 == "\n" || $0 == "\t" }) {
            return (nil, [DiagnosticCatalog.fileEmpty(file: file)])
        }
        var diagnostics: [Diagnostic] = []
        // Only text holding combining marks (or Hangul jamo) can differ from its NFC form; checking
        // for them first spares the costly normalisation for the usual, already composed, file.
        // Vietnamese's precomposed letters (U+1E00–U+1EFF) are all NFC and never combining: skipped without a table look-up.
        if hasNonASCII, text.unicodeScalars.contains(where: {
            $0.value >= 0x300 && !(0x1E00...0x1EFF).contains($0.value)
                && ($0.properties.canonicalCombiningClass != .notReordered || (0x1100...0x11FF).contains($0.value))
        }) {
            let nfc = text.precomposedStringWithCanonicalMapping
            // String == compares canonically, so compare the scalars themselves.
            if !text.unicodeScalars.elementsEqual(nfc.unicodeScalars) {
                diagnostics.append(DiagnosticCatalog.textNFD(file: file, line: firstDifferingLine(text, nfc)))
                text = nfc
            }
        }
        return (text, diagnostics)
    }

    /// Byte offset (from the start of the file) of the first byte that is not part of valid UTF-8.
    static func firstInvalidUTF8(_ b: [UInt8], from start: Int) -> Int? {
        var i = start
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            var need = 0, min: UInt32 = 0, value: UInt32 = 0
            switch c {
            case 0xC2...0xDF: need = 1; min = 0x80; value = UInt32(c & 0x1F)
            case 0xE0...0xEF: need = 2; min = 0x800; value = UInt32(c & 0x0F)
            case 0xF0...0xF4: need = 3; min = 0x10000; value = UInt32(c & 0x07)
            default: return i
            }
            guard i + need < n else { return i }
            for k in 1...need {
                let cc = b[i + k]
                guard cc & 0xC0 == 0x80 else { return i }
                value = value << 6 | UInt32(cc & 0x3F)
            }
            if value < min || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { return i }
            i += need + 1
        }
        return nil
    }

    /// 1-based line and column (in characters) of a byte offset; the bytes before it are valid UTF-8.
    static func lineAndColumn(_ b: [UInt8], start: Int, offset: Int) -> (Int, Int) {
        var line = 1, lineStart = start
        for i in start..<offset where b[i] == 0x0A { line += 1; lineStart = i + 1 }
        let prefix = String(decoding: b[lineStart..<offset], as: UTF8.self)
        return (line, prefix.unicodeScalars.count + 1)
    }

    private static func firstDifferingLine(_ a: String, _ b: String) -> Int {
        var line = 1
        var ia = a.unicodeScalars.makeIterator(), ib = b.unicodeScalars.makeIterator()
        while let x = ia.next() {
            guard let y = ib.next(), x == y else { return line }
            if x == "\n" { line += 1 }
        }
        return line
    }
}

/// A content file split into its YAML front matter and its Markdown body, keeping
/// file line numbers: the YAML text is padded with blank lines so that the parser's
/// line 7 is the file's line 7.
struct FrontMatterFile: Sendable {
    var yaml: String
    var body: String
    /// 1-based line of the file where the body starts.
    var bodyStartLine: Int
    /// 1-based line of the opening `---`.
    var openingLine: Int

    static func split(_ text: String, file: String) -> (FrontMatterFile?, [Diagnostic]) {
        var text = text
        return text.withUTF8 { split(bytes: $0, file: file) }
    }

    private static func split(bytes utf8: UnsafeBufferPointer<UInt8>, file: String) -> (FrontMatterFile?, [Diagnostic]) {
        func string(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: utf8[range]), as: UTF8.self)
        }
        // Only the line ends up to the closing fence are looked at; a 50 MB body is not scanned line by line.
        var i = 0
        func lineText(_ start: Int) -> (content: Slice<UnsafeBufferPointer<UInt8>>, next: Int) {
            var j = start
            while j < utf8.count, utf8[j] != 0x0A { j += 1 }
            return (utf8[start..<j], j + 1)
        }
        func isFence(_ s: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
            var t = s
            while let last = t.last, last == 0x20 || last == 0x09 { t = t.dropLast() }
            return t.elementsEqual("---".utf8)
        }
        func isBlank(_ s: Slice<UnsafeBufferPointer<UInt8>>) -> Bool { s.allSatisfy { $0 == 0x20 || $0 == 0x09 } }

        // Blank lines before the opening fence are forgiven.
        var line = 1
        while true {
            let (content, next) = lineText(i)
            if isFence(content) { break }
            if !isBlank(content) || next > utf8.count {
                return (nil, [DiagnosticCatalog.frontMatterMissing(file: file, line: line)])
            }
            i = next; line += 1
        }
        let openingLine = line
        var (_, next) = lineText(i)
        let yamlStart = min(next, utf8.count)
        var closing: (line: Int, start: Int, after: Int)?
        var cursor = next
        line += 1
        while cursor <= utf8.count {
            let (content, after) = lineText(cursor)
            if isFence(content) || content.elementsEqual("...".utf8) { closing = (line, cursor, after); break }
            if after > utf8.count { break }
            cursor = after; line += 1
        }
        guard let close = closing else {
            return (nil, [DiagnosticCatalog.frontMatterUnclosed(file: file, line: openingLine)])
        }
        next = close.after
        let yaml = String(repeating: "\n", count: openingLine) + string(yamlStart..<close.start)
        let body = next < utf8.count ? string(next..<utf8.count) : ""
        return (FrontMatterFile(yaml: yaml, body: body, bodyStartLine: close.line + 1, openingLine: openingLine), [])
    }
}
