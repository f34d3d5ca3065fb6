/// Pixel sizes from image file headers: JPEG (SOF), PNG (IHDR), GIF, WebP (VP8, VP8L, VP8X)
/// and SVG (width/height attributes). Hand-written because no listed Swift package reads them.
enum MediaHeaders {
    static func size(of b: [UInt8]) -> (width: Int, height: Int)? {
        if let s = png(b) ?? gif(b) ?? jpeg(b) ?? webp(b) ?? svg(b), s.width > 0, s.height > 0 { return s }
        return nil
    }

    private static func be16(_ b: [UInt8], _ i: Int) -> Int { Int(b[i]) << 8 | Int(b[i + 1]) }
    private static func le16(_ b: [UInt8], _ i: Int) -> Int { Int(b[i + 1]) << 8 | Int(b[i]) }
    private static func be32(_ b: [UInt8], _ i: Int) -> Int { be16(b, i) << 16 | be16(b, i + 2) }
    private static func le24(_ b: [UInt8], _ i: Int) -> Int { Int(b[i + 2]) << 16 | Int(b[i + 1]) << 8 | Int(b[i]) }

    static func png(_ b: [UInt8]) -> (width: Int, height: Int)? {
        guard b.count >= 24, b[0..<8].elementsEqual([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
              b[12..<16].elementsEqual("IHDR".utf8) else { return nil }
        return (be32(b, 16), be32(b, 20))
    }

    static func gif(_ b: [UInt8]) -> (width: Int, height: Int)? {
        guard b.count >= 10, b[0..<6].elementsEqual("GIF87a".utf8) || b[0..<6].elementsEqual("GIF89a".utf8) else { return nil }
        return (le16(b, 6), le16(b, 8))
    }

    static func jpeg(_ b: [UInt8]) -> (width: Int, height: Int)? {
        guard b.count >= 4, b[0] == 0xFF, b[1] == 0xD8 else { return nil }
        var i = 2
        while i + 3 < b.count {
            guard b[i] == 0xFF else { return nil }
            let marker = b[i + 1]
            if marker == 0xFF { i += 1; continue }  // fill byte
            if marker == 0x01 || (0xD0...0xD7).contains(marker) { i += 2; continue }  // no length
            if marker == 0xD9 || marker == 0xDA { return nil }  // end of image / start of scan: no frame header before it
            let length = be16(b, i + 2)
            guard length >= 2 else { return nil }
            let isFrame = (0xC0...0xCF).contains(marker) && marker != 0xC4 && marker != 0xC8 && marker != 0xCC
            if isFrame {
                guard i + 8 < b.count else { return nil }
                return (be16(b, i + 7), be16(b, i + 5))
            }
            i += 2 + length
        }
        return nil
    }

    static func webp(_ b: [UInt8]) -> (width: Int, height: Int)? {
        guard b.count >= 30, b[0..<4].elementsEqual("RIFF".utf8), b[8..<12].elementsEqual("WEBP".utf8) else { return nil }
        let chunk = Array(b[12..<16])
        if chunk.elementsEqual("VP8 ".utf8) {
            // Frame tag (3 bytes) and start code 9d 01 2a, then 14-bit width and height.
            guard b[23] == 0x9D, b[24] == 0x01, b[25] == 0x2A else { return nil }
            return (le16(b, 26) & 0x3FFF, le16(b, 28) & 0x3FFF)
        }
        if chunk.elementsEqual("VP8L".utf8) {
            guard b[20] == 0x2F else { return nil }
            let b1 = Int(b[21]), b2 = Int(b[22]), b3 = Int(b[23]), b4 = Int(b[24])
            let width = 1 + (((b2 & 0x3F) << 8) | b1)
            let height = 1 + (((b4 & 0x0F) << 10) | (b3 << 2) | ((b2 & 0xC0) >> 6))
            return (width, height)
        }
        if chunk.elementsEqual("VP8X".utf8) {
            return (1 + le24(b, 24), 1 + le24(b, 27))
        }
        return nil
    }

    /// The `width` and `height` of the root `<svg>` element, in plain numbers or `px`.
    static func svg(_ b: [UInt8]) -> (width: Int, height: Int)? {
        let head = String(decoding: b.prefix(65_536), as: UTF8.self)
        guard let start = head.range(of: "<svg") else { return nil }
        guard let end = head[start.upperBound...].firstIndex(of: ">") else { return nil }
        let tag = head[start.upperBound..<end]
        func attribute(_ name: String) -> Int? {
            var rest = tag[...]
            while let r = rest.range(of: name) {
                let before = r.lowerBound == tag.startIndex ? " " : tag[tag.index(before: r.lowerBound)]
                var j = r.upperBound
                rest = tag[r.upperBound...]
                guard before.isWhitespace else { continue }
                while j < tag.endIndex, tag[j].isWhitespace { j = tag.index(after: j) }
                guard j < tag.endIndex, tag[j] == "=" else { continue }
                j = tag.index(after: j)
                while j < tag.endIndex, tag[j].isWhitespace { j = tag.index(after: j) }
                guard j < tag.endIndex, tag[j] == "\"" || tag[j] == "'" else { continue }
                let quote = tag[j]
                let valueStart = tag.index(after: j)
                guard let valueEnd = tag[valueStart...].firstIndex(of: quote) else { return nil }
                var value = tag[valueStart..<valueEnd].trimmingWhitespace
                if value.hasSuffix("px") { value = String(value.dropLast(2)) }
                guard let number = Double(value), number.isFinite, number > 0, number < 1_000_000 else { return nil }
                return Int(number.rounded())
            }
            return nil
        }
        guard let w = attribute("width"), let h = attribute("height") else { return nil }
        return (w, h)
    }
}

private extension Substring {
    var trimmingWhitespace: String {
        String(self.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
