import ThiDuaImages
import ThiDuaModel

/// Sorts a file of `content/media/` into what may be published from it. A photo is only ever
/// published re-encoded (which also undoes a file that is two formats at once); an SVG only
/// without scripts, event handlers or anything fetched from elsewhere; a PDF as it is. HTML and
/// scripts never: on the federation's own address a script runs in the site's origin and a form
/// can phish.
enum MediaKinds {
    /// Why a file is refused outright.
    enum Refusal: Hashable, Sendable {
        case html, script
        /// An SVG holding this (`<script`, `onload=`, an external `href`…).
        case activeDrawing(String)
    }

    struct Found: Sendable {
        var kind: MediaKind
        var problem: PhotoProblem?
        var refused: Refusal?
    }

    static let htmlExtensions: Set<String> = ["html", "htm", "xhtml", "xht", "shtml", "mht", "mhtml", "hta"]
    static let scriptExtensions: Set<String> = ["js", "mjs", "cjs", "php", "phtml", "cgi", "pl", "py", "sh", "asp", "aspx", "jsp", "vbs", "wasm", "swf"]

    static func classify(path: String, bytes: [UInt8]) -> Found {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let ext = name.contains(".") ? String(name.split(separator: ".").last!).lowercased() : ""
        if htmlExtensions.contains(ext) { return Found(kind: .other, refused: .html) }
        if scriptExtensions.contains(ext) { return Found(kind: .other, refused: .script) }
        let head = String(decoding: bytes.prefix(4_096), as: UTF8.self).lowercased()
        let opening = head.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        if ext == "svg" || ext == "svgz" || opening.hasPrefix("<svg") || (opening.hasPrefix("<?xml") && head.contains("<svg")) {
            if let active = activeContent(inDrawing: String(decoding: bytes, as: UTF8.self)) {
                return Found(kind: .other, refused: .activeDrawing(active))
            }
            let size = MediaHeaders.svg(bytes)
            return Found(kind: .drawing(width: size?.width, height: size?.height))
        }
        // A page a browser would render as HTML whatever its name says.
        if opening.hasPrefix("<!doctype html") || opening.hasPrefix("<html") || opening.hasPrefix("<script")
            || opening.hasPrefix("<head") || opening.hasPrefix("<body") || opening.hasPrefix("<iframe") {
            return Found(kind: .other, refused: .html)
        }
        if bytes.starts(with: Array("%PDF-".utf8)) { return Found(kind: .document) }
        switch Photo.header(bytes) {
        case .success(let h): return Found(kind: .photo(width: h.width, height: h.height))
        case .failure(let problem): return Found(kind: .other, problem: problem)
        }
    }

    /// The first thing in an SVG that could run code or fetch from elsewhere, or nil. Deliberately
    /// broad (text, not a parse): a harmless drawing that trips it is redrawn or exported as PNG,
    /// while a parser that disagrees with the browser's would let a script through.
    static func activeContent(inDrawing text: String) -> String? {
        let t = text.lowercased()
        for tag in ["<script", "<foreignobject", "<iframe", "<embed", "<object", "<!entity", "<!doctype", "<handler", "<listener", "<set ", "<animate"]
            where t.contains(tag) { return tag + ">" }
        for word in ["javascript:", "vbscript:", "data:text/html", "@import"] where t.contains(word) { return word }
        // Event handlers: on…= as an attribute.
        var i = t.startIndex
        while let r = t[i...].range(of: "on") {
            i = r.upperBound
            let before = r.lowerBound == t.startIndex ? " " : t[t.index(before: r.lowerBound)]
            guard before.isWhitespace || before == "/" || before == "\"" || before == "'" else { continue }
            var j = r.upperBound
            var name = "on"
            while j < t.endIndex, t[j].isLetter { name.append(t[j]); j = t.index(after: j) }
            while j < t.endIndex, t[j].isWhitespace { j = t.index(after: j) }
            if name.count > 2, j < t.endIndex, t[j] == "=" { return name + "=" }
        }
        // References: only to the drawing itself (#id).
        for attribute in ["href", "src"] {
            var k = t.startIndex
            while let r = t[k...].range(of: attribute) {
                k = r.upperBound
                var j = r.upperBound
                while j < t.endIndex, t[j].isWhitespace { j = t.index(after: j) }
                guard j < t.endIndex, t[j] == "=" else { continue }
                j = t.index(after: j)
                while j < t.endIndex, t[j].isWhitespace || t[j] == "\"" || t[j] == "'" { j = t.index(after: j) }
                if j < t.endIndex, t[j] != "#" { return attribute + "=" }
            }
        }
        var k = t.startIndex
        while let r = t[k...].range(of: "url(") {
            k = r.upperBound
            var j = r.upperBound
            while j < t.endIndex, t[j].isWhitespace || t[j] == "\"" || t[j] == "'" { j = t.index(after: j) }
            if j < t.endIndex, t[j] != "#" { return "url(" }
        }
        return nil
    }
}
