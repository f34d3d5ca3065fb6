import Foundation

/// The default look, built into the binary: the files of `Sources/ThiDuaTheme/Theme/`
/// (templates, partials, `i18n/<lang>.yml`, `assets/`), embedded at build time by the
/// EmbedTheme plugin. A site's own `templates/` overrides them file by file.
public enum BuiltinTheme {
    /// Path relative to the theme root (`layout.mustache`, `i18n/vi.yml`, `assets/site.css`) → bytes.
    /// Decoded once, at first use.
    public static let files: [String: [UInt8]] = Dictionary(uniqueKeysWithValues: embeddedThemeFiles.map { file in
        guard let data = Data(base64Encoded: file.base64) else {
            preconditionFailure("thidua-theme-embed wrote invalid base64 for \(file.path)")
        }
        return (file.path, [UInt8](data))
    })
}
