import CCmarkGFM
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// One parsed Markdown document: the parser (whose extension list the HTML renderer needs) and the tree it built.
struct CmarkTree: ~Copyable {
    /// The GFM extensions every body is parsed with.
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// No smart punctuation (Vietnamese text keeps its quotes) and no CMARK_OPT_UNSAFE (raw HTML is omitted).
    static let options = CMARK_OPT_DEFAULT

    /// Debian's libcmark-gfm 0.29.0.gfm.6 rewrites a process-global special-character table in every parse, so only one parse may run at a time.
    private static let parsing = Mutex(())

    let parser: OpaquePointer
    let root: OpaquePointer

    init(parsing markdown: String) {
        var markdown = markdown
        // Parser creation, extension registration and attachment, feed and finish all touch cmark-gfm's
        // globals (the registry, SPECIAL_CHARS/SKIP_CHARS in inlines.c); the HTML renderer and the
        // node API do not (those tables are file-local to inlines.c and rendering never calls into it).
        var parsed: (parser: OpaquePointer, root: OpaquePointer)?
        markdown.withUTF8 { bytes in
            Self.parsing.withLock { _ in
                cmark_gfm_core_extensions_ensure_registered()
                guard let parser = cmark_parser_new(Self.options) else {
                    preconditionFailure("cmark_parser_new failed: out of memory")
                }
                for name in Self.extensionNames {
                    // The core extensions are compiled into libcmark-gfm-extensions; a miss means a broken install.
                    guard let syntaxExtension = cmark_find_syntax_extension(name) else {
                        preconditionFailure("libcmark-gfm-extensions has no '\(name)' extension")
                    }
                    cmark_parser_attach_syntax_extension(parser, syntaxExtension)
                }
                bytes.withMemoryRebound(to: CChar.self) { chars in
                    if let base = chars.baseAddress {
                        cmark_parser_feed(parser, base, chars.count)
                    }
                }
                guard let root = cmark_parser_finish(parser) else {
                    preconditionFailure("cmark_parser_finish failed: out of memory")
                }
                parsed = (parser, root)
            }
        }
        guard let parsed else { preconditionFailure("cmark-gfm parse did not run") }
        (parser, root) = parsed
    }

    deinit {
        cmark_node_free(root)
        cmark_parser_free(parser)
    }

    /// The tree as HTML, with the renderers of the attached extensions, and two repairs of what they write:
    /// - GFM table alignment comes out as `align="right"`, obsolete in HTML; a class keeps it valid (and no style=).
    /// - A task item's checkbox comes out with no name at all (axe rule `label`); it is given one, in the words the caller passes.
    func html(taskLabels: TaskListLabels) -> String {
        guard let rendered = cmark_render_html(root, Self.options, cmark_parser_get_syntax_extensions(parser)) else {
            return ""
        }
        // cmark_parser_new uses the default allocator, and the renderer allocates the result with the tree's.
        defer { cmark_get_default_mem_allocator().pointee.free(rendered) }
        let name = { (label: String) in " aria-label=\"\(HTMLEscaping.escape(label))\" />" }
        return Self.replacing([
            (Self.alignAttribute, Array(" class=\"align-".utf8)),
            (Self.checkedBox, Array((Self.checkedBox.dropLast(3) + name(taskLabels.done)).utf8)),
            (Self.uncheckedBox, Array((Self.uncheckedBox.dropLast(3) + name(taskLabels.notDone)).utf8)),
        ], in: rendered)
    }

    static let alignAttribute = " align=\""
    /// The tasklist extension's boxes, byte for byte. Raw HTML is omitted and text is escaped, so a body cannot write them.
    static let checkedBox = "<input type=\"checkbox\" checked=\"\" disabled=\"\" />"
    static let uncheckedBox = "<input type=\"checkbox\" disabled=\"\" />"

    /// `text` with every occurrence of each pattern replaced, in one pass over the C string with strstr
    /// (String.replacing was an eighth of a whole check on a large site). No two patterns overlap in any text.
    static func replacing(_ rules: [(pattern: String, replacement: [UInt8])], in text: UnsafePointer<CChar>) -> String {
        func find(_ pattern: String, from: UnsafePointer<CChar>) -> UnsafePointer<CChar>? { strstr(from, pattern).map { UnsafePointer($0) } }
        var hits = rules.map { find($0.pattern, from: text) }
        guard hits.contains(where: { $0 != nil }) else { return String(cString: text) }
        var out = [UInt8]()
        out.reserveCapacity(strlen(text) + 256)
        var start = text
        while let (rule, hit) = hits.indices.compactMap({ i in hits[i].map { (i, $0) } }).min(by: { $0.1 < $1.1 }) {
            out.append(contentsOf: UnsafeRawBufferPointer(start: start, count: hit - start))
            out.append(contentsOf: rules[rule].replacement)
            start = hit + rules[rule].pattern.utf8.count
            for i in hits.indices {
                if let h = hits[i], h < start { hits[i] = find(rules[i].pattern, from: start) }
            }
        }
        out.append(contentsOf: UnsafeRawBufferPointer(start: start, count: strlen(start)))
        return String(decoding: out, as: UTF8.self)
    }
}
