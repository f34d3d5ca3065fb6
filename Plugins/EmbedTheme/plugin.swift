import Foundation
import PackagePlugin

/// Embeds `Theme/` of the target it is applied to (ThiDuaTheme) as generated Swift, so the
/// theme's files stay the one source and nothing generated is committed.
@main
struct EmbedTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        // `target.directoryURL` needs tools version 6.1; the package's own folder is in 6.0.
        let theme = context.package.directoryURL.appendingPathComponent("Sources/\(target.name)/Theme")
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedThemeFiles.swift")
        // Every file is an input: editing any of them re-runs the generator. (A file added or
        // removed changes this list, which SwiftPM notices when it plans the next build.)
        var inputs: [URL] = []
        if let walker = FileManager.default.enumerator(at: theme, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
                inputs.append(url)
            }
        }
        return [.buildCommand(
            displayName: "Embedding the built-in theme (\(inputs.count) files)",
            executable: try context.tool(named: "thidua-theme-embed").url,
            arguments: [theme.path, output.path],
            inputFiles: inputs.sorted { $0.path < $1.path },
            outputFiles: [output]
        )]
    }
}
