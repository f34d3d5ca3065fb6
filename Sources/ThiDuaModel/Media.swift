/// What the site knows of a media file: enough to give an image its width and
/// height, so nothing jumps as a page loads on a slow network.
public struct MediaInfo: Hashable, Sendable {
    public var path: MediaPath
    public var byteCount: Int
    /// Pixel size, for JPEG, PNG, GIF, WebP and SVG with explicit sizes; nil otherwise.
    public var width: Int?
    public var height: Int?
    public init(path: MediaPath, byteCount: Int, width: Int? = nil, height: Int? = nil) {
        self.path = path; self.byteCount = byteCount; self.width = width; self.height = height
    }
}
