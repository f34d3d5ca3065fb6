import CVips
import Foundation
@testable import ThiDuaImages

/// Pictures made by the tests themselves, so nothing is read from outside the repository: pixels
/// laid out in memory, encoded by libvips, and for a phone's photo the metadata a phone writes
/// (EXIF orientation and GPS position, XMP, IPTC) spliced in after the JPEG's start marker.
enum TestPhotos {
    static let red: [UInt8] = [210, 30, 30], blue: [UInt8] = [30, 40, 200]

    /// `width` × `height` pixels, its left half red and its right half blue, as stored (before any orientation).
    static func halves(width: Int, height: Int) -> UnsafeMutablePointer<VipsImage> {
        _ = Photo.started
        var row: [UInt8] = []
        row.reserveCapacity(width * 3)
        for x in 0..<width { row += x < width / 2 ? red : blue }
        var pixels: [UInt8] = []
        pixels.reserveCapacity(width * height * 3)
        for _ in 0..<height { pixels += row }
        return pixels.withUnsafeBytes { vips_image_new_from_memory_copy($0.baseAddress, $0.count, Int32(width), Int32(height), 3, VIPS_FORMAT_UCHAR)! }
    }

    static func bytes(_ image: UnsafeMutablePointer<VipsImage>, png: Bool = false) -> [UInt8] {
        var data: UnsafeMutableRawPointer?, length = 0
        let status = png ? thidua_vips_png(image, &data, &length) : thidua_vips_jpeg_keep(image, &data, &length, 90)
        precondition(status == 0, "libvips could not encode the test picture")
        defer { thidua_vips_free(data) }
        return Array(UnsafeRawBufferPointer(start: data, count: length))
    }

    /// A PNG of `width` × `height` (no metadata).
    static func png(width: Int = 600, height: Int = 400) -> [UInt8] {
        let image = halves(width: width, height: height)
        defer { thidua_vips_unref(image) }
        return bytes(image, png: true)
    }

    /// A phone's JPEG: stored `width` × `height` (landscape), EXIF orientation 6 (the phone was held
    /// upright, so it shows turned a quarter clockwise: `height` × `width`, red on top), with a GPS
    /// position, an XMP packet and an IPTC caption.
    static func phoneJPEG(width: Int = 4_000, height: Int = 3_000, orientation: UInt16 = 6) -> [UInt8] {
        let image = halves(width: width, height: height)
        defer { thidua_vips_unref(image) }
        let plain = bytes(image)
        return Array(plain[0..<2]) + app1Exif(orientation: orientation) + app1XMP() + app13IPTC() + Array(plain[2...])
    }

    static let gpsMarker = "22,23.45N" // in the XMP, and 22° 23′ in the EXIF GPS IFD

    private static func be16(_ v: Int) -> [UInt8] { [UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
    private static func be32(_ v: Int) -> [UInt8] { be16(v >> 16) + be16(v & 0xFFFF) }

    private static func segment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] { [0xFF, marker] + be16(payload.count + 2) + payload }

    /// EXIF: IFD0 with Orientation and a pointer to the GPS IFD (latitude and longitude).
    static func app1Exif(orientation: UInt16) -> [UInt8] {
        func entry(_ tag: Int, _ type: Int, _ count: Int, _ value: [UInt8]) -> [UInt8] {
            be16(tag) + be16(type) + be32(count) + value + [UInt8](repeating: 0, count: 4 - value.count)
        }
        let ifd0 = 8, gps = ifd0 + 2 + 2 * 12 + 4, lat = gps + 2 + 4 * 12 + 4, lon = lat + 24
        var tiff: [UInt8] = Array("MM".utf8) + be16(42) + be32(ifd0)
        tiff += be16(2) + entry(0x0112, 3, 1, be16(Int(orientation))) + entry(0x8825, 4, 1, be32(gps)) + be32(0)
        tiff += be16(4) + entry(1, 2, 2, Array("N\0".utf8)) + entry(2, 5, 3, be32(lat)) + entry(3, 2, 2, Array("E\0".utf8))
            + entry(4, 5, 3, be32(lon)) + be32(0)
        for (d, m) in [(22, 23), (103, 27)] { tiff += be32(d) + be32(1) + be32(m) + be32(1) + be32(0) + be32(1) }
        return segment(0xE1, Array("Exif\0\0".utf8) + tiff)
    }

    static func app1XMP() -> [UInt8] {
        let packet = """
        <?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF \
        xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" \
        exif:GPSLatitude="\(gpsMarker)" exif:GPSLongitude="103,27.00E"/></rdf:RDF></x:xmpmeta><?xpacket end="w"?>
        """
        return segment(0xE1, Array("http://ns.adobe.com/xap/1.0/\0".utf8) + Array(packet.utf8))
    }

    static func app13IPTC() -> [UInt8] {
        let caption = Array("Nhà riêng của chị Mai".utf8)
        var iptc: [UInt8] = [0x1C, 0x02, 0x78] + be16(caption.count) + caption
        if iptc.count % 2 == 1 { iptc.append(0) }
        let block: [UInt8] = Array("8BIM".utf8) + be16(0x0404) + [0, 0] + be32(iptc.count) + iptc
        return segment(0xED, Array("Photoshop 3.0\0".utf8) + block)
    }

    /// Every metadata field libvips finds in an encoded picture (`exif-ifd3-GPSLatitude`, `xmp-data`, …).
    static func fields(_ encoded: [UInt8]) -> [String] {
        _ = Photo.started
        guard let image = encoded.withUnsafeBytes({ thidua_vips_decode($0.baseAddress, $0.count) }) else { return ["<undecodable>"] }
        defer { thidua_vips_unref(image) }
        guard let list = vips_image_get_fields(image) else { return [] }
        defer { g_strfreev(list) }
        var out: [String] = [], i = 0
        while let name = list[i] { out.append(String(cString: name)); i += 1 }
        return out
    }

    /// Size and the pixel at (x, y) of an encoded picture.
    static func decode(_ encoded: [UInt8], pixelAt points: [(Int, Int)] = []) -> (width: Int, height: Int, pixels: [[Double]])? {
        _ = Photo.started
        guard let image = encoded.withUnsafeBytes({ thidua_vips_decode($0.baseAddress, $0.count) }) else { return nil }
        defer { thidua_vips_unref(image) }
        var pixels: [[Double]] = []
        for (x, y) in points {
            var vector: UnsafeMutablePointer<Double>?, n: Int32 = 0
            guard thidua_vips_getpoint(image, &vector, &n, Int32(x), Int32(y)) == 0, let vector else { return nil }
            pixels.append(Array(UnsafeBufferPointer(start: vector, count: Int(n))))
            g_free(vector)
        }
        return (Int(vips_image_get_width(image)), Int(vips_image_get_height(image)), pixels)
    }
}

