/// Takes the metadata chunks (EXIF, XMP, ICC profile) out of a WebP file. libvips 8.14.1's
/// webpsave writes an EXIF chunk (orientation, resolution) even when asked to strip everything,
/// and no listed Swift package edits RIFF files, so this walks the chunks by hand: a few lines of
/// a documented container (RIFF, then VP8X's flags, then chunks of fourcc, length, padded payload).
enum WebPMetadata {
    static let dropped: Set<String> = ["EXIF", "XMP ", "ICCP"]

    static func removed(from b: [UInt8]) -> [UInt8]? {
        guard b.count >= 12, b[0..<4].elementsEqual("RIFF".utf8), b[8..<12].elementsEqual("WEBP".utf8) else { return nil }
        var kept: [UInt8] = []
        var i = 12
        while i + 8 <= b.count {
            let fourcc = String(decoding: b[i..<(i + 4)], as: UTF8.self)
            let length = Int(b[i + 4]) | Int(b[i + 5]) << 8 | Int(b[i + 6]) << 16 | Int(b[i + 7]) << 24
            let end = i + 8 + length + (length & 1)
            guard end <= b.count else { return nil }
            if !dropped.contains(fourcc) {
                var chunk = Array(b[i..<end])
                // VP8X's first byte flags what follows: ICC (0x20), EXIF (0x08) and XMP (0x04) no longer do.
                if fourcc == "VP8X", chunk.count > 8 { chunk[8] &= ~(0x20 | 0x08 | 0x04) }
                kept += chunk
            }
            i = end
        }
        guard i == b.count else { return nil }
        let size = kept.count + 4
        return Array("RIFF".utf8) + [UInt8(size & 0xFF), UInt8(size >> 8 & 0xFF), UInt8(size >> 16 & 0xFF), UInt8(size >> 24 & 0xFF)]
            + Array("WEBP".utf8) + kept
    }
}
