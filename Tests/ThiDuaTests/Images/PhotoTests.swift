import CVips
import Foundation
import Testing
import ThiDuaContent
import ThiDuaModel
import ThiDuaSite
@testable import ThiDuaImages

/// Photos as staff take them on their phones (4,000 pixels wide, sideways by their EXIF
/// orientation, carrying the GPS position where they were taken) become, on the site, upright
/// renditions of the widths the theme shows, with no metadata at all.
@Suite("Photos", .serialized)
struct PhotoTests {
    static let person = "content/individuals/lo-thi-mai.vi.md"
    static let photoFolder = "media/lo-thi-mai.jpg/"

    /// The example site with its portrait replaced by `bytes`.
    static func site(photo bytes: [UInt8], name: String = "lo-thi-mai.jpg") throws -> TestSite {
        let site = try TestSite()
        if name != "lo-thi-mai.jpg" {
            try site.write(person, try site.read(person).replacingOccurrences(of: "photo: media/lo-thi-mai.jpg", with: "photo: media/\(name)"))
            try site.remove("content/media/lo-thi-mai.jpg")
        }
        try Data(bytes).write(to: site.root.appendingPathComponent("content/media/\(name)"))
        return site
    }

    static func output(_ site: TestSite, _ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: site.output.appendingPathComponent(path)))
    }

    /// The metadata blocks a published picture must not hold, as libvips names what it reads.
    static func leaks(_ fields: [String]) -> [String] {
        fields.filter { $0.hasPrefix("exif-") || $0 == "xmp-data" || $0 == "iptc-data" || $0 == "icc-profile-data" || $0 == "orientation" }
    }

    @Test("the phone-photo fixture really carries what a phone writes, so the next test can fail")
    func fixtureCarriesMetadata() {
        let fields = TestPhotos.fields(TestPhotos.phoneJPEG(width: 400, height: 300))
        #expect(fields.contains("exif-ifd3-GPSLatitude"))
        #expect(fields.contains("xmp-data"))
        #expect(fields.contains("iptc-data"))
        #expect(fields.contains("orientation"))
    }

    @Test("a sideways 4,000-pixel phone photo with GPS, XMP and IPTC is published upright, at every width, without any of it")
    func phonePhotoPublishedUprightAndClean() throws {
        let site = try Self.site(photo: TestPhotos.phoneJPEG())
        defer { site.cleanUp() }
        let report = site.build()
        #expect(report.published, "\(report.diagnostics)")
        #expect(report.photosEncoded == 1)
        let expected = [320, 480, 640, 960, 1280]
        for width in expected {
            for ext in ["webp", "jpg"] {
                let bytes = try Self.output(site, "\(Self.photoFolder)\(width).\(ext)")
                let height = Int((Double(width) * 4 / 3).rounded())
                let shown = try #require(TestPhotos.decode(bytes, pixelAt: [(width / 2, 2), (width / 2, height - 3)]))
                #expect(shown.width == width && shown.height == height, "\(width).\(ext) is \(shown.width)×\(shown.height), upright is portrait")
                // The phone was held upright: the stored left half (red) is the top of the picture.
                #expect(shown.pixels[0][0] > 150 && shown.pixels[0][2] < 100, "\(width).\(ext): top is red")
                #expect(shown.pixels[1][2] > 150 && shown.pixels[1][0] < 100, "\(width).\(ext): bottom is blue")
                #expect(Self.leaks(TestPhotos.fields(bytes)).isEmpty, "\(width).\(ext) holds \(Self.leaks(TestPhotos.fields(bytes)))")
                for marker in ["Exif\0\0", "http://ns.adobe.com/xap", "Photoshop 3.0", "ICC_PROFILE", TestPhotos.gpsMarker] {
                    #expect(bytes.firstRange(of: Array(marker.utf8)) == nil, "\(width).\(ext) holds \(marker)")
                }
            }
        }
        let share = try Self.output(site, "\(Self.photoFolder)share.jpg")
        let card = try #require(TestPhotos.decode(share))
        #expect(card.width == 1200 && card.height == 630)
        #expect(Self.leaks(TestPhotos.fields(share)).isEmpty)
        #expect(!site.exists("media/lo-thi-mai.jpg/1600.webp"), "never enlarged, nor more widths than the theme shows")
        let html = try site.page("ca-nhan/lo-thi-mai")
        #expect(html.contains("<source type=\"image/webp\" srcset=\"/\(Self.photoFolder)320.webp 320w, /\(Self.photoFolder)480.webp 480w, /\(Self.photoFolder)640.webp 640w, /\(Self.photoFolder)960.webp 960w, /\(Self.photoFolder)1280.webp 1280w\""))
        #expect(html.contains("width=\"1280\" height=\"1707\""), "its width and height, so nothing moves while it loads")
        // The original's bytes are never published.
        for (path, bytes) in try site.snapshot() { #expect(bytes.firstRange(of: Data(TestPhotos.gpsMarker.utf8)) == nil, "GPS in \(path)") }
    }

    @Test("a photo narrower than the largest width gets its own width and no larger, with a warning below what the theme shows")
    func smallPhotoIsNeverEnlarged() throws {
        let image = TestPhotos.halves(width: 500, height: 400)
        defer { thidua_vips_unref(image) }
        let site = try Self.site(photo: TestPhotos.bytes(image))
        defer { site.cleanUp() }
        let report = site.build()
        #expect(report.published)
        let small = try #require(report.diagnostics.first { $0.code == .mediaSmall })
        #expect(small.file == "content/media/lo-thi-mai.jpg")
        #expect(small.message[.en] == "The photo is only 500 pixels wide, narrower than the 528 pixels the theme may show it at ('content/individuals/lo-thi-mai.vi.md'): it will look enlarged and blurred.")
        #expect(site.exists("\(Self.photoFolder)500.jpg") && site.exists("\(Self.photoFolder)480.webp"))
        #expect(!site.exists("\(Self.photoFolder)640.jpg"))
    }

    @Test("the same photo encodes to the same bytes every time, so a rebuild's site equals a clean build's")
    func encodingIsDeterministic() throws {
        let source = TestPhotos.phoneJPEG(width: 1600, height: 1200)
        let renditions = ImageSettings.renditions(width: 1200, height: 1600)
        let a = try Photo.render(source, renditions).get(), b = try Photo.render(source, renditions).get()
        #expect(a == b)
        // Two photos at once (the build encodes on every core) give the same bytes as one at a time.
        let both = Parallel.map([source, source]) { try? Photo.render($0, renditions).get() }
        #expect(both[0] == a && both[1] == a)
    }

    @Test("a rebuild encodes only a new or changed photo, takes the rest from the store, and a damaged store is encoded again")
    func storeKeepsProcessedPhotos() throws {
        let site = try Self.site(photo: TestPhotos.phoneJPEG(width: 1600, height: 1200))
        defer { site.cleanUp() }
        #expect(site.build().photosEncoded == 1)
        let first = try site.snapshot()
        #expect(site.build().photosEncoded == 0)
        // A clean build (into another folder) encodes anew and gives the very same bytes.
        let rebuilt = try #require(try site.rebuildMatchesCleanBuild("nothing changed"))
        #expect(rebuilt.photosEncoded == 0)
        // Damage in the store: the photo is encoded again, and the site is the same.
        let store = site.root.appendingPathComponent(".output.thidua-images")
        for name in try FileManager.default.contentsOfDirectory(atPath: store.path) {
            let url = store.appendingPathComponent(name)
            var bytes = try Data(contentsOf: url)
            bytes[bytes.count - 10] ^= 0xFF
            try bytes.write(to: url)
        }
        try FileManager.default.removeItem(at: site.output)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent(".output.thidua-cache"))
        #expect(site.build().photosEncoded == 1)
        #expect(try site.snapshot() == first)
        // A changed photo is encoded again; one that is only renamed is not.
        try Data(TestPhotos.phoneJPEG(width: 1700, height: 1200)).write(to: site.root.appendingPathComponent("content/media/lo-thi-mai.jpg"))
        #expect(try site.rebuildMatchesCleanBuild("a changed photo")?.photosEncoded == 1)
        try FileManager.default.moveItem(at: site.root.appendingPathComponent("content/media/lo-thi-mai.jpg"),
                                         to: site.root.appendingPathComponent("content/media/mai.jpg"))
        try site.write(Self.person, try site.read(Self.person).replacingOccurrences(of: "media/lo-thi-mai.jpg", with: "media/mai.jpg"))
        let renamed = try #require(try site.rebuildMatchesCleanBuild("a renamed photo"))
        #expect(renamed.photosEncoded == 0)
        #expect(site.exists("media/mai.jpg/960.webp") && !site.exists("media/lo-thi-mai.jpg"))
    }

    @Test("an iPhone's HEIC is published as WebP and JPEG")
    func heicWorks() throws {
        let image = TestPhotos.halves(width: 1400, height: 1000)
        defer { thidua_vips_unref(image) }
        var data: UnsafeMutableRawPointer?, length = 0
        try #require(thidua_vips_heic(image, &data, &length) == 0)
        let heic = Array(UnsafeRawBufferPointer(start: data, count: length))
        thidua_vips_free(data)
        let site = try Self.site(photo: heic, name: "mai.heic")
        defer { site.cleanUp() }
        let report = site.build()
        #expect(report.published, "\(report.diagnostics)")
        #expect(TestPhotos.decode(try Self.output(site, "media/mai.heic/1280.jpg"))?.width == 1280)
    }

    /// A picture that cannot be published: its error names the file, says what to do, and the site
    /// published before stays as it was.
    struct Bad: CustomTestStringConvertible, Sendable {
        let name: String, file: String, bytes: @Sendable () -> [UInt8], code: DiagnosticCode, fixMentions: String
        var testDescription: String { name }
    }

    static let bad: [Bad] = [
        Bad(name: "not an image", file: "mai.jpg", bytes: { Array("<p>not a photo</p>".utf8) }, code: .mediaNotImage, fixMentions: "JPEG, PNG"),
        Bad(name: "a truncated JPEG", file: "mai.jpg", bytes: { let b = TestPhotos.phoneJPEG(width: 1200, height: 900); return Array(b.prefix(b.count / 2)) },
            code: .mediaDamaged, fixMentions: "Copy the photo again"),
        Bad(name: "a format the site does not publish (Radiance HDR)", file: "mai.hdr",
            bytes: { Array("#?RADIANCE\nFORMAT=32-bit_rle_rgbe\n\n-Y 1 +X 1\n".utf8) + [128, 128, 128, 128] },
            code: .mediaUnsupported, fixMentions: "HEIC/AVIF"),
        Bad(name: "more pixels than the limit (a header claiming 12,000 × 9,000)", file: "mai.jpg", bytes: { JPEGHeader.claiming(width: 12_000, height: 9_000) },
            code: .mediaTooLarge, fixMentions: "4,000 pixels wide"),
    ]

    @Test(arguments: bad)
    func badPicture(_ bad: Bad) throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        #expect(site.build().published)
        let before = try site.snapshot()
        try site.write(Self.person, try site.read(Self.person).replacingOccurrences(of: "photo: media/lo-thi-mai.jpg", with: "photo: media/\(bad.file)"))
        try Data(bad.bytes()).write(to: site.root.appendingPathComponent("content/media/\(bad.file)"))
        for report in [site.check(), site.build()] {
            let error = try #require(report.diagnostics.first { $0.severity == .error }, "\(report.diagnostics)")
            #expect(error.code == bad.code)
            #expect(error.file == "content/media/\(bad.file)")
            #expect(error.fix?[.en]?.contains(bad.fixMentions) == true, "\(error.fix?[.en] ?? "")")
            #expect(error.message[.vi] != error.message[.en])
            #expect(!report.published)
        }
        #expect(try site.snapshot() == before, "the published site is as it was")
    }
}

/// A real 16 × 16 JPEG whose frame header is made to claim another size: what a decompression
/// bomb shows before any pixel is decoded.
enum JPEGHeader {
    static func claiming(width: Int, height: Int) -> [UInt8] {
        let image = TestPhotos.halves(width: 16, height: 16)
        defer { thidua_vips_unref(image) }
        var bytes = TestPhotos.bytes(image)
        let sof = bytes.indices.dropLast().first { bytes[$0] == 0xFF && (bytes[$0 + 1] == 0xC0 || bytes[$0 + 1] == 0xC2) }!
        bytes[sof + 5] = UInt8(height >> 8); bytes[sof + 6] = UInt8(height & 0xFF)
        bytes[sof + 7] = UInt8(width >> 8); bytes[sof + 8] = UInt8(width & 0xFF)
        return bytes
    }
}
