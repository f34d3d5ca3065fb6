/// What the site knows of a media file: what kind of file it is, and for a picture enough to
/// give it its width and height, so nothing jumps as a page loads on a slow network.
public struct MediaInfo: Hashable, Sendable {
    public var path: MediaPath
    public var byteCount: Int
    /// Of the file's bytes: a processed photo is kept between builds under it.
    public var digest: UInt64
    public var kind: MediaKind
    public init(path: MediaPath, byteCount: Int, digest: UInt64 = 0, kind: MediaKind) {
        self.path = path; self.byteCount = byteCount; self.digest = digest; self.kind = kind
    }

    /// Pixel size as the picture is shown (upright, after its EXIF orientation); nil for a file that is not a picture.
    public var width: Int? { kind.size?.width }
    public var height: Int? { kind.size?.height }
    /// A drawing or a document: published byte for byte (a photo is re-encoded, anything else never published).
    public var isPublishedAsIs: Bool {
        switch kind { case .drawing, .document: true; case .photo, .other: false }
    }
    /// The renditions a photo is published as (none for anything else).
    public var renditions: [ImageRendition] {
        if case .photo(let w, let h) = kind { return ImageSettings.renditions(width: w, height: h) }
        return []
    }
}

/// What a file of `content/media/` is, as far as publishing it goes.
public enum MediaKind: Hashable, Sendable {
    /// A raster picture libvips reads (JPEG, PNG, WebP, GIF, TIFF, HEIC/AVIF): published only
    /// re-encoded, never as it is. Its size is as shown, upright.
    case photo(width: Int, height: Int)
    /// An SVG drawing with no script, event handler or external reference: published as it is.
    case drawing(width: Int?, height: Int?)
    /// A PDF (a signed decision an award links to): published as it is.
    case document
    /// Anything else (a text file, a format no loader reads, a damaged picture): never published.
    case other

    public var size: (width: Int, height: Int)? {
        switch self {
        case .photo(let w, let h): (w, h)
        case .drawing(let w?, let h?): (w, h)
        default: nil
        }
    }
}

/// One published version of a photo: a width as WebP or JPEG, or the share card.
public struct ImageRendition: Hashable, Sendable, Comparable {
    public enum Encoding: String, Sendable, CaseIterable { case webp, jpeg }
    public let width: Int
    public let height: Int
    public let encoding: Encoding
    /// The 1,200 × 630 crop `og:image` shows, cut around what draws the eye.
    public let isShareCard: Bool

    public init(width: Int, height: Int, encoding: Encoding, isShareCard: Bool = false) {
        self.width = width; self.height = height; self.encoding = encoding; self.isShareCard = isShareCard
    }

    /// Its file, relative to the site root: a folder named as the source file, one file per
    /// rendition (`media/lo-thi-mai.jpg/640.webp`, `…/share.jpg`), so that `a.jpg` and `a.png`
    /// never share an address.
    public func file(for source: MediaPath) -> String {
        let ext = encoding == .webp ? "webp" : "jpg"
        return "\(source.path)/\(isShareCard ? "share" : String(width)).\(ext)"
    }

    public static func < (a: ImageRendition, b: ImageRendition) -> Bool {
        (a.isShareCard ? 1 : 0, a.width, a.encoding.rawValue) < (b.isShareCard ? 1 : 0, b.width, b.encoding.rawValue)
    }
}

/// How photos are published: the widths the theme shows them at, the share card, the
/// encoders' quality, and the largest picture accepted.
public enum ImageSettings {
    /// The widths a photo is published at, in pixels. The theme shows a portrait at most 22rem
    /// (352 CSS px) wide and a card at most about 33rem; 480 serves a phone at one device pixel
    /// per CSS pixel, 960 and 1,280 a phone's 2–3× screen and a story's wide image.
    public static let widths = [320, 480, 640, 960, 1_280]
    /// The share card's size (Open Graph's 1.91:1).
    public static let shareCard = (width: 1_200, height: 630)
    public static let webpQuality = 72
    public static let jpegQuality = 78
    /// The largest picture accepted, in pixels (width × height): 100 megapixels, twice the
    /// 50-megapixel phones, yet a file that claims more (a decompression bomb) is refused before
    /// any pixel is decoded.
    public static let pixelLimit = 100_000_000
    /// A profile photo or story image narrower than this is shown enlarged somewhere (a card on a
    /// phone held sideways is about 33rem, 528 CSS px, wide): a warning.
    public static let smallestWidth = 528

    /// A photo of this size's renditions: every published width it can fill (never enlarged; a
    /// photo narrower than the largest width also gets one at its own width), each as WebP and
    /// JPEG, and the share card.
    public static func renditions(width: Int, height: Int) -> [ImageRendition] {
        guard width > 0, height > 0 else { return [] }
        var sizes = widths.filter { $0 <= width }
        if width < widths.last!, !sizes.contains(width) { sizes.append(width) }
        var out: [ImageRendition] = []
        for w in sizes {
            let h = max(1, Int((Double(w) * Double(height) / Double(width)).rounded()))
            for e in ImageRendition.Encoding.allCases { out.append(ImageRendition(width: w, height: h, encoding: e)) }
        }
        out.append(ImageRendition(width: shareCard.width, height: shareCard.height, encoding: .jpeg, isShareCard: true))
        return out
    }

    /// What the encoded bytes depend on besides the source: bumped with any change to the
    /// encoders' settings, so processed photos kept from before are made again.
    public static let version: UInt64 = {
        var h = StableHasher()
        h.combine(1 as UInt64)
        for w in widths { h.combine(w) }
        h.combine(shareCard.width); h.combine(shareCard.height); h.combine(webpQuality); h.combine(jpegQuality)
        return h.value
    }()
}
