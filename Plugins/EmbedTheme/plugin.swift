import Foundation
import PackagePlugin

/// Embeds `Theme/` and `Starter/` of the target it is applied to (ThiDuaTheme) as generated Swift,
/// so their files stay the one source and nothing generated is committed.
@main
struct EmbedTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        // Two folders, each its own generated file: the theme, and the starter site `thidua init` writes.
        try [("Theme", "embeddedThemeFiles"), ("Starter", "embeddedStarterFiles")].map { folder, variable in
            // `target.directoryURL` needs tools version 6.1; the package's own folder is in 6.0.
            let root = context.package.directoryURL.appendingPathComponent("Sources/\(target.name)/\(folder)")
            let output = context.pluginWorkDirectoryURL.appendingPathComponent("Embedded\(folder)Files.swift")
            // Every file is an input: editing any of them re-runs the generator. (A file added or
            // removed changes this list, which SwiftPM notices when it plans the next build.)
            var inputs: [URL] = []
            if let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) {
                for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
                    inputs.append(url)
                }
            }
            return .buildCommand(
                displayName: "Embedding Sources/\(target.name)/\(folder) (\(inputs.count) files)",
                executable: try context.tool(named: "thidua-theme-embed").url,
                arguments: [root.path, output.path, variable],
                inputFiles: inputs.sorted { $0.path < $1.path },
                outputFiles: [output]
            )
        }
    }
}
