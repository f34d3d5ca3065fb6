/// An SVG drawing's size from its root element; every raster picture's size comes from libvips
/// (`Photo.header`). Hand-written because no listed Swift package reads SVG attributes.
enum MediaHeaders {
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
