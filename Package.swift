// swift-tools-version:6.1
import PackageDescription

// The flow, one direction: Content (load, parse, validate) → Model (plain values)
// → Render (Markdown, templates, i18n) → Site (plan pages, write atomically).
let package = Package(
    name: "thidua",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "thidua", targets: ["thidua"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
        // The HTTP server of `thidua serve`; without its default traits, so swift-configuration is not built.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0", traits: []),
        // Hummingbird's own dependencies, named for what serve uses of them: its log and its Ctrl-C handling.
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
    ],
    targets: [
        // Debian's libcmark-gfm (+ extensions), linked as a system library.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // Debian's libvips (libvips-dev, 8.14), through non-variadic wrappers in its header (Swift cannot call C's varargs).
        .systemLibrary(
            name: "CVips",
            pkgConfig: "vips",
            providers: [.apt(["libvips-dev"])]
        ),
        // Atomic exchange of the old and new output folders (renameat2), which Swift's Glibc does not export.
        .target(name: "CAtomicRename"),
        // Plain values named for the domain; no file access, no HTML.
        .target(name: "ThiDuaModel"),
        // The built-in theme (Theme/) and the starter site of `thidua init` (Starter/), embedded in the binary at build time.
        .target(name: "ThiDuaTheme", exclude: ["Theme", "Starter"], plugins: ["EmbedTheme"]),
        .plugin(name: "EmbedTheme", capability: .buildTool(), dependencies: ["thidua-theme-embed"]),
        // The plugin's generator: theme files → one Swift file of base64 literals.
        .executableTarget(name: "thidua-theme-embed"),
        // Photos through libvips: their headers, and their renditions (widths as WebP and JPEG, the share card).
        .target(name: "ThiDuaImages", dependencies: ["ThiDuaModel", "CVips"]),
        // Reads a site folder (content/, and templates/ over the built-in theme) into the model,
        // with diagnostics that name file and line.
        .target(
            name: "ThiDuaContent",
            dependencies: ["ThiDuaModel", "ThiDuaTheme", "ThiDuaImages", .product(name: "Yams", package: "Yams")]
        ),
        // Markdown (cmark-gfm), templates (Mustache), i18n; templates and strings are read through ThiDuaContent's source.
        .target(
            name: "ThiDuaRender",
            dependencies: [
                "ThiDuaModel", "ThiDuaContent", "CCmarkGFM",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // Plans the pages of a site and writes them, atomically, to the output folder.
        .target(
            name: "ThiDuaSite",
            dependencies: ["ThiDuaModel", "ThiDuaContent", "ThiDuaRender", "ThiDuaImages", "CAtomicRename",
                           // The open-data CSV files are written by CSV.swift's RFC 4180 writer.
                           .product(name: "CSV", package: "CSV.swift")]
        ),
        // `thidua serve`: the site built into memory, served over HTTP, rebuilt when a file changes
        // (inotify), browsers reloaded by Server-Sent Events. A module of its own: only it needs the server.
        .target(
            name: "ThiDuaServe",
            dependencies: [
                "ThiDuaSite", "ThiDuaContent", "ThiDuaModel",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "thidua",
            dependencies: [
                "ThiDuaSite", "ThiDuaContent", "ThiDuaModel", "ThiDuaServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
            ],
            // Debian's jemalloc (libjemalloc-dev) in place of glibc's malloc: a build allocates millions of
            // small strings on every core, and glibc's arenas made a 20,000-person build a fifth slower.
            linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]
        ),
        .testTarget(
            name: "ThiDuaTests",
            dependencies: ["ThiDuaModel", "ThiDuaContent", "ThiDuaRender", "ThiDuaSite", "ThiDuaTheme", "ThiDuaServe",
                           "ThiDuaImages", "CVips", .product(name: "Yams", package: "Yams"), .product(name: "CSV", package: "CSV.swift")],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// A libFuzzer target over "file bytes → model" (fuzz/run.sh builds it with -sanitize=fuzzer -D THIDUA_FUZZ; see fuzz/README.md).
package.targets.append(.executableTarget(
    name: "thidua-fuzz",
    dependencies: ["ThiDuaContent", "ThiDuaModel", "ThiDuaRender"]
))
