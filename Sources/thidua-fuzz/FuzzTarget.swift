// A libFuzzer target over "file bytes → model" (see fuzz/README.md).
//
// Built normally (`swift build`), this is a tiny executable that runs one input file through
// the same path, so the target keeps compiling with the rest of the package. Built with
// `-sanitize=fuzzer -D THIDUA_FUZZ` (fuzz/run.sh), it defines only LLVMFuzzerTestOneInput
// and libFuzzer supplies `main`.
import ThiDuaContent
import ThiDuaModel
import ThiDuaRender

/// A small valid site the fuzzed file joins: settings plus the entities it is likely to refer to.
let fixedSite: [String: [UInt8]] = [
    "content/site.yml": """
        title:
          vi: Điển hình tiên tiến
          en: Exemplary Models
        base_url: https://example.org/
        languages: [vi, en]
        publisher: ldld-tinh-lai-chau
        fields:
          education: {vi: Giáo dục, en: Education}
        districts:
          tam-duong: {vi: Huyện Tam Đường, en: Tam Đường District}
        """,
    "content/units/ldld-tinh-lai-chau.vi.md": """
        ---
        name: Liên đoàn Lao động tỉnh Lai Châu
        kind: province-federation
        district: tam-duong
        ---
        """,
    "content/units/cd-truong-th-ban-giang.vi.md": """
        ---
        name: Công đoàn Trường Tiểu học Bản Giang
        kind: grassroots-union
        parent: ldld-tinh-lai-chau
        district: tam-duong
        ---
        Một [liên kết](ref:individuals/lo-thi-mai).
        """,
    "content/campaigns/thi-dua.vi.md": """
        ---
        title: Thi đua 2021-2025
        organizer: ldld-tinh-lai-chau
        period: {from: 2021-08-11, to: 2025-12-31}
        status: active
        ---
        """,
    "content/individuals/lo-thi-mai.vi.md": """
        ---
        name: Lò Thị Mai
        position: Giáo viên
        unit: cd-truong-th-ban-giang
        field: education
        campaigns: [thi-dua]
        stage: nurtured
        district: tam-duong
        recognised: 2023-07-05
        consent: true
        ---
        Cô Mai.
        """,
].mapValues { Array($0.utf8) }

let kinds = ["individuals", "units", "collectives", "campaigns", "awards", "stories", "pages", "media"]
let names = ["x.vi.md", "x.md", "x.en.md", "lo-thi-mai.en.md", "cd-truong-th-ban-giang.en.md", "x.fr.md", "X Y.md", "x.vi.en.md"]

/// The first byte picks the folder (low 3 bits) and the file name (next 3 bits); the rest is the file.
func runOne(_ data: UnsafeRawBufferPointer) {
    guard let selector = data.first else { return }
    let bytes = Array(data.dropFirst())
    let kind = kinds[Int(selector & 7)]
    let name = names[Int((selector >> 3) & 7)]
    var files = fixedSite
    files["content/\(kind)/\(name)"] = bytes
    if selector & 0x40 != 0 { files["content/site.yml"] = bytes }  // sometimes the settings themselves
    // The bytes as a whole body too, so the Markdown renderer sees them even when their front matter is refused;
    // through the loader, which refuses bodies that would make cmark-gfm slow without bound.
    files["content/pages/than-bai.vi.md"] = Array("---\ntitle: Thân bài\n---\n".utf8) + bytes

    let loaded = SiteLoader.load(from: MemorySource(bytes: files))
    let site = loaded.site
    _ = Relations(site)
    _ = site.published(includeDrafts: selector & 0x80 != 0)

    let renderer = MarkdownRenderer()
    // The words do not matter here; the pass that writes them into every task box does.
    let taskLabels = TaskListLabels(done: "đã xong", notDone: "chưa xong")
    let known = Set(site.allRefs)
    let resolve: (String) -> String? = { target in
        guard let ref = EntityRef(target), known.contains(ref) else { return nil }
        return "/\(target)/"
    }
    var bodies: [LocalizedText] = site.campaigns.map(\.entry.body) + site.units.map(\.entry.body)
    bodies += site.collectives.map(\.entry.body) + site.individuals.map(\.entry.body)
    bodies += site.awards.map(\.entry.body) + site.stories.map(\.entry.body) + site.pages.map(\.entry.body)
    for body in bodies {
        for language in site.settings.languages {
            if let text = body[language], !text.isEmpty { _ = renderer.render(text, taskLabels: taskLabels, resolveRef: resolve) }
        }
    }
}

#if THIDUA_FUZZ
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    runOne(UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : size))
    return 0
}

/// libFuzzer's driver, which its own `main` would call.
@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(_ argc: UnsafeMutablePointer<CInt>,
               _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
               _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// SwiftPM links an executable target with `main` defined as `<module>_main` (so tests can link the module);
/// that symbol is this, handing the process to libFuzzer.
@_cdecl("thidua_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return runDriver(&argc, &argv, { data, size in fuzzTestOneInput(data, size) })
}
#else
import Foundation

/// `thidua-fuzz FILE…`: runs each file (a fuzzer input: selector byte + file bytes) once, without libFuzzer.
@main
struct FuzzReplay {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("thidua-fuzz: cannot read \(path)")
                continue
            }
            data.withUnsafeBytes { runOne($0) }
            print("thidua-fuzz: \(path): ok")
        }
    }
}
#endif
