import ThiDuaContent
import ThiDuaModel
import ThiDuaRender

/// The names of task boxes from the built-in theme's interface strings (`i18n/`), so the
/// tests assert the words a reader hears, read from where they live.
let repositoryTaskLabels: [Language: TaskListLabels] = {
    StringsLoader.load(from: SourceTree(MemorySource([:])), languages: [.vi, .en]).strings.mapValues(\.taskListLabels)
}()

func taskLabels(_ language: Language) -> TaskListLabels {
    repositoryTaskLabels[language] ?? TaskListLabels(done: "missing task.done", notDone: "missing task.not_done")
}

/// Renders a body for a page in `language`, with a resolver that knows the given `ref:` targets.
func renderMarkdown(_ markdown: String, refs: [String: String] = [:], language: Language = .vi) -> RenderedMarkdown {
    MarkdownRenderer().render(markdown, taskLabels: taskLabels(language)) { refs[$0] }
}
