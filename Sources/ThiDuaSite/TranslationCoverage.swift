import ThiDuaModel

/// How far one language's translation has got: what `thidua check --translations` reports.
public struct TranslationCoverage: Sendable {
    public let language: Language
    public let translated: [EntityRef]
    public let missing: [EntityRef]
    /// Translated, but with a list (basis, initiatives) that no longer matches the default file.
    public let stale: [EntityRef]

    /// One report per language other than the default; `staleFiles` are the files the loader warned about.
    public static func of(_ site: Site, staleFiles: Set<String>) -> [TranslationCoverage] {
        let entries = site.entities.map { ($0.ref, $0.entry) }
        return site.settings.languages.dropFirst().map { lang in
            let translated = entries.filter { $0.1.translations.contains(lang) }.map(\.0)
            let missing = entries.filter { !$0.1.translations.contains(lang) }.map(\.0)
            let stale = translated.filter { staleFiles.contains("content/\($0.kind.rawValue)/\($0.id).\(lang.code).md") }
            return TranslationCoverage(language: lang, translated: translated, missing: missing, stale: stale)
        }
    }
}
