import Foundation
import Synchronization
import Testing
import ThiDuaModel
import ThiDuaSite

/// What `thidua check` prints: for people, for tools, for GitHub.
@Suite("Printing diagnostics")
struct DiagnosticOutputTests {
    let sample = [
        Diagnostic(.warning, .mediaAltMissing, file: "content/b.vi.md", line: 3, column: 1,
                   message: LocalizedText([.vi: "Ảnh thiếu mô tả.", .en: "The photo has no alt text."])),
        Diagnostic(.error, .refUnknown, file: "content/individuals/lo-thi-mai.vi.md", line: 7, column: 7,
                   message: LocalizedText([.vi: "Không có đơn vị 'ldld-tam-duong'.", .en: "No unit 'ldld-tam-duong'."]),
                   fix: LocalizedText([.vi: "Có phải ý bạn là 'ldld-huyen-tam-duong'?", .en: "Did you mean 'ldld-huyen-tam-duong'?"])),
    ]

    func capture(_ format: DiagnosticPrinter.Format, _ language: Language, _ diagnostics: [Diagnostic]) -> (out: String, err: String) {
        let buffer = Mutex<(String, String)>(("", ""))
        let printer = DiagnosticPrinter(language: language, format: format, colour: false) { text, toOut in
            buffer.withLock { if toOut { $0.0 += text } else { $0.1 += text } }
        }
        printer.print(diagnostics)
        return buffer.withLock { $0 }
    }

    @Test("text reads like a compiler's, sorted by file, with the fix and a count")
    func text() {
        let (out, err) = capture(.text, .en, sample)
        #expect(out.isEmpty)
        #expect(err == """
        content/b.vi.md:3:1: warning[media.alt-missing]: The photo has no alt text.
        content/individuals/lo-thi-mai.vi.md:7:7: error[ref.unknown]: No unit 'ldld-tam-duong'.
            fix: Did you mean 'ldld-huyen-tam-duong'?
        1 error(s), 1 warning(s).

        """)
        let vi = capture(.text, .vi, sample).err
        #expect(vi.contains("content/individuals/lo-thi-mai.vi.md:7:7: lỗi[ref.unknown]: Không có đơn vị 'ldld-tam-duong'."))
        #expect(vi.hasSuffix("1 lỗi, 1 cảnh báo.\n"))
    }

    @Test("json is one parseable object on standard output")
    func json() throws {
        let (out, _) = capture(.json, .en, sample)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        #expect(object["errors"] as? Int == 1)
        let items = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(items.count == 2)
        #expect(items[1]["code"] as? String == "ref.unknown")
        #expect(items[1]["line"] as? Int == 7)
        #expect(items[1]["fix"] as? String == "Did you mean 'ldld-huyen-tam-duong'?")
        #expect(items[0]["fix"] is NSNull)
    }

    @Test("github prints workflow annotations with escaped properties")
    func github() {
        let (out, _) = capture(.github, .en, sample)
        #expect(out.contains("::error file=content/individuals/lo-thi-mai.vi.md,line=7,col=7,title=ref.unknown::No unit 'ldld-tam-duong'. Did you mean 'ldld-huyen-tam-duong'?\n"))
        #expect(out.hasPrefix("::warning file=content/b.vi.md,line=3,col=1,title=media.alt-missing::"))
    }

    @Test("exit status: 0 clean or warnings, 1 content errors, 2 folder problems; --strict fails on warnings")
    func exitCodes() {
        let printer = DiagnosticPrinter(language: .en, colour: false) { _, _ in }
        #expect(printer.exitCode([], strict: true) == 0)
        #expect(printer.exitCode([sample[0]], strict: false) == 0)
        #expect(printer.exitCode([sample[0]], strict: true) == 1)
        #expect(printer.exitCode(sample, strict: false) == 1)
        let io = Diagnostic(.error, .ioMissingSite, file: nil, message: LocalizedText([.en: "x"]))
        #expect(printer.exitCode(sample + [io], strict: false) == 2)
    }
}
