import Foundation
import CVips
import ThiDuaModel

/// The raster formats a photo may be in: the libvips loaders ThiDua accepts. Others that libvips
/// has (PDF, SVG, FITS, matrix files, ImageMagick's) are no photo formats, or not trusted with
/// files from outside.
public enum PhotoFormat: String, CaseIterable, Sendable {
    case jpeg, png, webp, gif, tiff, heif

    init?(loader: String) {
        // The loader's GObject type name, as vips_foreign_find_load_buffer gives it.
        switch loader {
        case "VipsForeignLoadJpegBuffer": self = .jpeg
        case "VipsForeignLoadPngBuffer": self = .png
        case "VipsForeignLoadWebpBuffer": self = .webp
        case "VipsForeignLoadNsgifBuffer": self = .gif
        case "VipsForeignLoadTiffBuffer": self = .tiff
        case "VipsForeignLoadHeifBuffer": self = .heif
        default: return nil
        }
    }

    /// As people name them, for messages: "JPEG, PNG, WebP, GIF, TIFF, HEIC/AVIF".
    public static let names = "JPEG, PNG, WebP, GIF, TIFF, HEIC/AVIF"
}

/// Why a picture cannot be published.
public enum PhotoProblem: Error, Hashable, Sendable {
    /// No loader recognises the bytes.
    case notAnImage
    /// A format libvips recognises but ThiDua does not publish as a photo (`loader` names it: "VipsForeignLoadPdfBuffer").
    case unsupportedFormat(loader: String)

    /// The format's short name in a loader's type name: "VipsForeignLoadJp2kBuffer" → "JP2K".
    public static func formatName(loader: String) -> String {
        var name = loader
        for part in ["VipsForeignLoad", "Buffer", "Source"] { name = name.replacingOccurrences(of: part, with: "") }
        return name.uppercased()
    }
    /// More pixels than `ImageSettings.pixelLimit`.
    case tooLarge(width: Int, height: Int)
    /// Its header read, its pixels did not (a truncated or damaged file); libvips' words.
    case damaged(String)
}

/// A photo's header: its format and its size as shown (upright).
public struct PhotoHeader: Hashable, Sendable {
    public let format: PhotoFormat
    public let width: Int
    public let height: Int
}

/// Photos through libvips: reading a header, and encoding a photo's renditions. libvips streams
/// a photo through its pipeline in small regions and JPEG is shrunk as it is decoded, so a
/// 50-megapixel picture needs only a few tens of megabytes; each photo runs on one thread, and
/// callers process photos on every core (libvips is thread-safe for distinct images).
public enum Photo {
    /// libvips started once per process, with the settings a batch of photos wants.
    static let started: Bool = {
        guard vips_init("thidua") == 0 else { return false }
        // Loaders libvips marks untrusted (ImageMagick, and others fuzzed less) never see a file from content/.
        vips_block_untrusted_set(1)
        // No operation is repeated in a build: the operation cache would only hold memory.
        vips_cache_set_max(0)
        vips_cache_set_max_mem(0)
        // One worker per photo: the caller runs one photo per core, so more threads would only contend.
        vips_concurrency_set(1)
        thidua_vips_quiet()
        return true
    }()

    /// Which photo format the bytes are, and their upright size; nothing is decoded.
    public static func header(_ bytes: [UInt8]) -> Result<PhotoHeader, PhotoProblem> {
        guard started else { return .failure(.damaged("libvips could not start")) }
        return bytes.withUnsafeBytes { buffer -> Result<PhotoHeader, PhotoProblem> in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return .failure(.notAnImage) }
            guard let loaderName = thidua_vips_loader(base, buffer.count) else {
                vips_error_clear()
                return .failure(.notAnImage)
            }
            let loader = String(cString: loaderName)
            guard let format = PhotoFormat(loader: loader) else { return .failure(.unsupportedFormat(loader: loader)) }
            guard let image = thidua_vips_header(base, buffer.count) else { return .failure(.damaged(lastError())) }
            defer { thidua_vips_unref(image) }
            var width = Int(vips_image_get_width(image)), height = Int(vips_image_get_height(image))
            if vips_image_get_orientation_swap(image) != 0 { swap(&width, &height) }
            guard width > 0, height > 0 else { return .failure(.damaged("no pixels")) }
            guard width.multipliedReportingOverflow(by: height).partialValue <= ImageSettings.pixelLimit,
                  width <= ImageSettings.pixelLimit, height <= ImageSettings.pixelLimit else {
                return .failure(.tooLarge(width: width, height: height))
            }
            return .success(PhotoHeader(format: format, width: width, height: height))
        }
    }

    /// Every rendition of a photo, in the order given: upright, in sRGB, each encoded with every
    /// metadata block removed (EXIF with its GPS position, XMP, IPTC, the colour profile). The
    /// widths come from one shrink of the source (its largest rendition), so the source is decoded once.
    public static func render(_ bytes: [UInt8], _ renditions: [ImageRendition]) -> Result<[[UInt8]], PhotoProblem> {
        switch header(bytes) {
        case .failure(let problem): return .failure(problem)
        case .success: break
        }
        let widest = renditions.filter { !$0.isShareCard }.max { $0.width < $1.width }
        var bytes = bytes
        return bytes.withUnsafeMutableBytes { buffer -> Result<[[UInt8]], PhotoProblem> in
            // The largest width, or the share card's, whichever asks for more of the source.
            let base = widest ?? ImageRendition(width: ImageSettings.shareCard.width, height: ImageSettings.shareCard.height, encoding: .jpeg)
            var first: UnsafeMutablePointer<VipsImage>?
            guard thidua_vips_thumbnail_buffer(buffer.baseAddress, buffer.count, &first, Int32(base.width), Int32(base.height),
                                               THIDUA_FIT_EXACT) == 0, let first else {
                return .failure(.damaged(lastError()))
            }
            defer { thidua_vips_unref(first) }
            // Decoded here, once, whole: a truncated file fails now, and every rendition reads memory.
            var shown: UnsafeMutablePointer<VipsImage>?
            guard thidua_vips_display(first, &shown) == 0, let shown, let decoded = vips_image_copy_memory(shown) else {
                return .failure(.damaged(lastError()))
            }
            thidua_vips_unref(shown)
            defer { thidua_vips_unref(decoded) }
            // Every metadata block goes with the source: the encoders' strip alone left EXIF and XMP in 8.14's WebP.
            thidua_vips_remove_metadata(decoded)
            var out: [[UInt8]] = []
            for r in renditions {
                var scaled: UnsafeMutablePointer<VipsImage>?
                let fit = r.isShareCard ? THIDUA_FIT_COVER_ATTENTION : THIDUA_FIT_EXACT
                guard thidua_vips_thumbnail_image(decoded, &scaled, Int32(r.width), Int32(r.height), fit) == 0, let scaled else {
                    return .failure(.damaged(lastError()))
                }
                defer { thidua_vips_unref(scaled) }
                guard let encoded = encode(scaled, r.encoding) else { return .failure(.damaged(lastError())) }
                out.append(encoded)
            }
            return .success(out)
        }
    }

    static func encode(_ image: UnsafeMutablePointer<VipsImage>, _ encoding: ImageRendition.Encoding) -> [UInt8]? {
        var data: UnsafeMutableRawPointer?, length = 0
        let status = switch encoding {
        case .webp: thidua_vips_webp(image, &data, &length, Int32(ImageSettings.webpQuality))
        case .jpeg: thidua_vips_jpeg(image, &data, &length, Int32(ImageSettings.jpegQuality))
        }
        guard status == 0, let data else { return nil }
        defer { thidua_vips_free(data) }
        let bytes = Array(UnsafeRawBufferPointer(start: data, count: length))
        return encoding == .webp ? WebPMetadata.removed(from: bytes) : bytes
    }

    /// libvips' last error, once: its buffer is shared by every thread, so the words may come from
    /// another photo's failure; they only ever add detail to a diagnostic that names the file.
    static func lastError() -> String {
        let text = vips_error_buffer().map { String(cString: $0) } ?? ""
        vips_error_clear()
        let line = text.split(separator: "\n").first.map(String.init) ?? ""
        return line.isEmpty ? "libvips could not decode it" : line
    }
}
