import CCmarkGFM

/// A link or image in a Markdown body, with where it starts in that body.
public struct MarkdownLink: Sendable, Hashable {
    /// The URL as written, after cmark decoded its entities and escapes (for `ref:` links, what follows `ref:`).
    public let target: String
    /// The line within the body, 1-based.
    public let line: Int
    /// The column within that line, 1-based, counted in characters (not bytes).
    public let column: Int

    public init(target: String, line: Int, column: Int) {
        self.target = target
        self.line = line
        self.column = column
    }
}

/// A Markdown body turned into HTML, with the links that could not be kept.
public struct RenderedMarkdown: Sendable {
    /// The body as HTML: GitHub-flavoured, raw HTML omitted, refused URLs dropped.
    public let html: String
    /// `ref:` links the resolver returned nil for; they are rendered as plain text, without `<a>`.
    public let unresolvedRefs: [MarkdownLink]
    /// Every `ref:` link, resolved or not: what a later build checks again when the site around the body changes.
    public let refLinks: [MarkdownLink]
    /// Links and images whose URL scheme was refused (`javascript:`, `vbscript:`, `data:`, `file:`); rendered without the URL.
    public let blockedLinks: [MarkdownLink]
    /// The text as gathered, before whitespace is collapsed (done only when asked for).
    let rawText: String
    /// The text without markup, whitespace collapsed to single spaces (for summaries and search).
    public var plainText: String { MarkdownLinkWalk.collapseWhitespace(rawText) }
}

/// What a screen reader says for the checkbox of a GFM task item (`- [x]`, `- [ ]`). cmark-gfm writes the box
/// with no name; the words come from the interface strings (`task.done`, `task.not_done`) of the language the
/// text is shown in, because the renderer itself knows no language.
public struct TaskListLabels: Sendable, Hashable {
    public let done: String
    public let notDone: String

    public init(done: String, notDone: String) {
        self.done = done
        self.notDone = notDone
    }
}

/// Renders Markdown bodies through libcmark-gfm with GitHub's extensions.
public struct MarkdownRenderer: Sendable {
    public init() {}

    /// Renders `markdown` (a body, without front matter) to HTML.
    ///
    /// `taskLabels` name task items' checkboxes, in the language of the text around them.
    /// `resolveRef` gets what follows `ref:` (e.g. "individuals/lo-thi-mai") and returns the URL to link to, or nil.
    public func render(_ markdown: String, taskLabels: TaskListLabels, resolveRef: (String) -> String?) -> RenderedMarkdown {
        let tree = CmarkTree(parsing: markdown)
        var walk = MarkdownLinkWalk(body: markdown)
        walk.visit(tree.root, resolveRef: resolveRef)
        return RenderedMarkdown(
            html: tree.html(taskLabels: taskLabels),
            unresolvedRefs: walk.unresolvedRefs,
            refLinks: walk.refLinks,
            blockedLinks: walk.blockedLinks,
            rawText: walk.rawText
        )
    }
}
