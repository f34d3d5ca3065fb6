import CCmarkGFM

/// One pass over a parsed body: rewrites `ref:` links, drops refused URLs, and gathers the plain text.
struct MarkdownLinkWalk: ~Copyable {
    private let body: String
    private(set) var unresolvedRefs: [MarkdownLink] = []
    /// Every `ref:` link, resolved or not, where it stands.
    private(set) var refLinks: [MarkdownLink] = []
    private(set) var blockedLinks: [MarkdownLink] = []
    private var text = ""
    /// Byte offsets where each line of the body starts; built on the first link that needs a position.
    private var lineStarts: [Int]?

    init(body: String) {
        self.body = body
    }

    /// The text gathered so far, markup removed, whitespace not yet collapsed.
    var rawText: String { text }

    /// Collapses runs of whitespace to one space. Works on scalars with an ASCII fast path:
    /// Character splitting and Unicode property lookups cost a third of a whole build.
    static func collapseWhitespace(_ text: String) -> String {
        var out = String.UnicodeScalarView(), pendingSpace = false
        for scalar in text.unicodeScalars {
            let isSpace = scalar.isASCII
                ? (scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar.value == 0x0B || scalar.value == 0x0C)
                : scalar.properties.isWhitespace
            if isSpace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Walks the tree under `root`, then unwraps the links that lost their URL (so their text stays).
    mutating func visit(_ root: OpaquePointer, resolveRef: (String) -> String?) {
        var unwrap: [OpaquePointer] = []
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_EXIT {
                // Block boundaries (paragraphs, list items, table cells) separate words in the plain text.
                if Int32(type.rawValue) & CMARK_NODE_TYPE_MASK == CMARK_NODE_TYPE_BLOCK { text += " " }
                continue
            }
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                text += literal(of: node)
            case CMARK_NODE_CODE_BLOCK:
                text += " " + literal(of: node) + " "
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                if !rewriteURL(of: node, resolveRef: resolveRef) { unwrap.append(node) }
            default:
                break
            }
        }
        // Unwrapping after the walk: moving nodes while cmark_iter stands on them is not safe.
        for node in unwrap { Self.replaceByChildren(node) }
    }

    /// Applies the link policy to a link or image; false when the node must lose its URL.
    private mutating func rewriteURL(of node: OpaquePointer, resolveRef: (String) -> String?) -> Bool {
        let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
        switch LinkPolicy.decide(url) {
        case .keep:
            return true
        case .reference(let target):
            let link = position(of: node, target: target)
            refLinks.append(link)
            guard let resolved = resolveRef(target) else {
                unresolvedRefs.append(link)
                return false
            }
            // The resolver is ours, but a refused scheme never reaches the output, whoever produced it.
            guard LinkPolicy.decide(resolved) == .keep else {
                blockedLinks.append(position(of: node, target: resolved))
                return false
            }
            cmark_node_set_url(node, resolved)
            return true
        case .refuse:
            blockedLinks.append(position(of: node, target: url))
            return false
        }
    }

    /// Puts a node's children where it stood and frees it: a link becomes its text, an image its alt text.
    private static func replaceByChildren(_ node: OpaquePointer) {
        while let child = cmark_node_first_child(node) {
            guard cmark_node_insert_before(node, child) == 1 else {
                // cmark refused the move (never seen for inline parents); keep the node, without its URL.
                cmark_node_set_url(node, "")
                return
            }
        }
        cmark_node_free(node)
    }

    private func literal(of node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    /// The node's start in the body: cmark's line, and its byte column turned into a character column.
    private mutating func position(of node: OpaquePointer, target: String) -> MarkdownLink {
        let line = Int(cmark_node_get_start_line(node))
        let byteColumn = Int(cmark_node_get_start_column(node))
        return MarkdownLink(target: target, line: line, column: characterColumn(line: line, byteColumn: byteColumn))
    }

    private mutating func characterColumn(line: Int, byteColumn: Int) -> Int {
        let starts = lineStarts ?? Self.lineStarts(of: body)
        lineStarts = starts
        guard line >= 1, line <= starts.count, byteColumn >= 1 else { return max(byteColumn, 1) }
        let utf8 = body.utf8
        let lineStart = utf8.index(utf8.startIndex, offsetBy: starts[line - 1])
        let end = utf8.index(lineStart, offsetBy: byteColumn - 1, limitedBy: utf8.endIndex) ?? utf8.endIndex
        return String(decoding: utf8[lineStart..<end], as: UTF8.self).count + 1
    }

    /// Line starts as cmark counts lines: after "\n", "\r\n" or a lone "\r".
    private static func lineStarts(of body: String) -> [Int] {
        var starts = [0]
        var previousWasCR = false
        for (offset, byte) in body.utf8.enumerated() {
            if byte == UInt8(ascii: "\n") {
                if previousWasCR { starts[starts.count - 1] = offset + 1 } else { starts.append(offset + 1) }
            } else if byte == UInt8(ascii: "\r") {
                starts.append(offset + 1)
            }
            previousWasCR = byte == UInt8(ascii: "\r")
        }
        return starts
    }
}
