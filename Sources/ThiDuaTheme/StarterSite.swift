import Foundation

/// The starter site `thidua init` writes: one sample of each kind (`sample: true`), a `.gitignore`
/// and the CI workflow files, from `Sources/ThiDuaTheme/Starter/`, embedded at build time as the
/// theme is. Names starting with `dot-` there stand for hidden ones (`dot-gitignore` is
/// `.gitignore`): the embedding leaves hidden files out, as it does for the theme.
public enum StarterSite {
    /// Path in the new site (`.github/workflows/thidua.yml`, `content/units/cd-mau-co-so.md`) → bytes.
    public static let files: [String: [UInt8]] = Dictionary(uniqueKeysWithValues: embeddedStarterFiles.map { file in
        guard let data = Data(base64Encoded: file.base64) else {
            preconditionFailure("thidua-theme-embed wrote invalid base64 for \(file.path)")
        }
        let path = file.path.split(separator: "/", omittingEmptySubsequences: false).map { part in
            part.hasPrefix("dot-") ? "." + part.dropFirst(4) : String(part)
        }.joined(separator: "/")
        return (path, [UInt8](data))
    })
}
