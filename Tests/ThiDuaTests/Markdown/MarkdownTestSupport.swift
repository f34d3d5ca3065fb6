import ThiDuaRender

/// Renders a body with a resolver that knows the given `ref:` targets.
func renderMarkdown(_ markdown: String, refs: [String: String] = [:]) -> RenderedMarkdown {
    MarkdownRenderer().render(markdown) { refs[$0] }
}
