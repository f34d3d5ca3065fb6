import Testing
import ThiDuaImages
import ThiDuaModel
@testable import ThiDuaContent

/// Every code has its wording in the catalog, in both languages. The switch in `samples(of:)` has no
/// `default`, so a new code does not compile until its catalog functions are listed here.
@Suite struct DiagnosticCatalogTests {
    typealias C = DiagnosticCatalog
    static let f = "content/x.vi.md", at = Position(line: 2, column: 3)

    /// Each catalog function that gives `code`, called once per variant of its wording.
    static func samples(of code: DiagnosticCode) -> [Diagnostic] {
        let day = LocalDate(year: 2023, month: 7, day: 5)!, unit = C.noun(.units)
        switch code {
        case .ioMissingSite: return [C.ioMissingSite(folder: "site")]
        case .ioMissingSettings: return [C.ioMissingSettings(alternative: nil), C.ioMissingSettings(alternative: "site.yaml")]
        case .ioUnreadable: return [ContentSourceError.notFound(f), .missingSiteFolder("site"), .notAFile(path: f), .unreadable(path: f, errno: 13)]
            .map { C.readFailure($0, file: f) }
        case .ioWrite: return [C.ioWrite(SystemFailure(.write, path: "output", errno: 28)),
                               C.themeExportFailed(SystemFailure(.write, path: "theme/a", errno: 13), written: 1, of: 3)]
        case .ioOutputRefused: return [C.ioOutputRefused(output: "/")]
        case .fileEmpty: return [C.fileEmpty(file: f)]
        case .fileIgnored: return [C.fileIgnored(file: f, suggestion: nil), C.fileIgnored(file: f, suggestion: "individuals")]
        case .utf8Invalid: return [C.utf8Invalid(file: f, offset: 9, line: 2, column: 10)]
        case .textNFD: return [C.textNFD(file: f, line: 2)]
        case .bodyTooDeep: return [C.bodyTooDeep(file: f, .tooDeep(line: 1, column: 1, depth: 99), bodyStartLine: 5),
                                   C.bodyTooDeep(file: f, .tooManyBrackets(line: 1, column: 1), bodyStartLine: 5)]
        case .frontMatterMissing: return [C.frontMatterMissing(file: f, line: 1)]
        case .frontMatterUnclosed: return [C.frontMatterUnclosed(file: f, line: 1)]
        case .frontMatterType: return [C.frontMatterNotMapping(file: f, at: at)]
        case .yamlSyntax: return [C.yamlSyntax(file: f, at: at, problem: "x"), C.yamlSyntax(file: f, at: at, problem: "x", tabs: true),
                                  C.yamlComplexKey(file: f, at: at)]
        case .yamlDuplicateKey: return [C.yamlDuplicateKey(file: f, at: at, keys: ["title"])]
        case .yamlAlias: return [C.yamlAlias(file: f, at: at)]
        case .yamlTooDeep: return [C.yamlTooDeep(file: f, at: at, limit: 64)]
        case .yamlTooLarge: return [C.yamlTooLarge(file: f, at: at, limit: 10_000)]
        case .fieldRequired: return [C.fieldRequired(file: f, at: at, key: "title", owner: nil)]
        case .fieldUnknown: return [C.fieldUnknown(file: f, at: at, key: "titel", suggestion: "title", known: [], owner: nil),
                                    C.fieldUnknown(file: f, at: at, key: "x", suggestion: nil, known: ["title"], owner: "awards")]
        case .fieldType: return [C.fieldType(file: f, at: at, key: "menu", expected: .integer),
                                 C.fieldType(file: f, at: at, key: "menu", expected: .integer, guess: "1")]
        case .dateInvalid: return [C.dateInvalid(file: f, at: at, key: "date", value: "2023-02-30", guess: nil),
                                   C.dateInvalid(file: f, at: at, key: "date", value: "5/7/2023", guess: "2023-07-05")]
        case .periodInvalid: return [C.periodInvalid(file: f, at: at, from: day, to: day)]
        case .enumInvalid: return [C.enumInvalid(file: f, at: at, key: "stage", value: "x", allowed: ["a"], suggestion: nil)]
        case .idMalformed: return [C.idMalformed(file: f, at: nil, value: "Á", suggestion: "a")]
        case .idDuplicate: return [C.idDuplicate(file: f, other: "content/x.md", id: "x", language: "vi")]
        case .langUnknown: return [C.languageUnknown(file: f, suffix: "fr", languages: ["vi"], suggestion: nil),
                                   C.languageLabelUnknown(file: f, at: at, code: "fr", languages: ["vi"])]
        case .langInvalid: return [C.languageInvalid(file: f, at: at, value: "VI")]
        case .translationOrphan: return [C.translationOrphan(file: f, id: "x", expected: "content/x.vi.md")]
        case .translationConflict: return [C.translationConflict(file: f, at: at, key: "k", value: "a", original: "b", originalFile: f)]
        case .translationStale: return [C.translationStale(file: f, at: at, key: "k", originalFile: f)]
        case .refUnknown: return [C.refUnknown(file: f, at: at, .field(kind: unit, id: "x"), suggestion: nil),
                                  C.refUnknown(file: f, at: at, .link("individuals/x"), suggestion: "individuals/y"),
                                  C.refUnknown(file: f, at: at, .link("x"), suggestion: nil)]
        case .parentCycle: return [C.parentCycle(file: f, at: at, kind: .units, chain: ["a", "b", "a"])]
        case .unitRoot: return [C.unitRoot(file: f, at: nil, publisher: "root")]
        case .pageCollision: return [C.pageCollision(file: f, id: "x", address: "/x/", taken: LocalizedText([.vi: "a", .en: "a"]))]
        case .linkUnsafe: return [C.linkUnsafe(file: f, at: at, target: "javascript:x")]
        case .linkOutside: return [C.readFailure(ContentSourceError.linkOutside(path: "content/pages/x.md"), file: f)]
        case .mediaOutside: return [C.mediaOutside(file: f, at: at, key: "photo", value: "../x"),
                                    C.readFailure(ContentSourceError.linkOutside(path: "content/media/x.jpg"), file: f)]
        case .mediaMissing: return [C.mediaMissing(file: f, at: at, key: "photo", value: "media/x", suggestion: nil)]
        case .mediaAltMissing: return [C.mediaAltMissing(file: f, at: at, key: "photo", altKey: "photo_alt")]
        case .consentMissing: return [C.consentMissing(file: f, at: nil, name: "A")]
        case .awardFormRecipients: return [C.awardFormRecipients(file: f, at: at, form: "x", recipients: .collectivesOnly),
                                           C.awardFormRecipients(file: f, at: at, form: "x", recipients: .individualsOnly)]
        case .nominationWindowShort: return [C.nominationWindowShort(file: f, at: at, workingDays: 3, from: day, until: day)]
        case .nominationDecisionMissing: return [C.nominationDecisionMissing(file: f, at: at)]
        case .nominationDecisionMismatch: return [C.nominationDecisionMismatch(file: f, at: at, decision: "qd", nominee: "individuals/x")]
        case .nominationUnpublished: return [C.nominationUnpublished(file: f, at: at, nominee: "individuals/x", draft: false),
                                             C.nominationUnpublished(file: f, at: at, nominee: "individuals/x", draft: true)]
        case .mediaRefused: return [C.mediaRefused(file: f, reason: .html), C.mediaRefused(file: f, reason: .script),
                                    C.mediaRefused(file: f, reason: .activeDrawing("<script>"))]
        case .mediaNotImage: return [C.mediaNotImage(file: f, usedBy: f, key: "photo"), C.photoProblem(.notAnImage, file: f, usedBy: f, key: "photo")]
        case .mediaUnsupported: return [C.photoProblem(.unsupportedFormat(loader: "VipsForeignLoadPdfBuffer"), file: f, usedBy: f, key: "photo")]
        case .mediaTooLarge: return [C.photoProblem(.tooLarge(width: 20_000, height: 20_000), file: f, usedBy: f, key: "photo")]
        case .mediaDamaged: return [C.photoProblem(.damaged("x"), file: f, usedBy: f, key: "photo")]
        case .mediaSmall: return [C.mediaSmall(file: f, width: 200, usedBy: f)]
        case .mediaNotDocument: return [C.mediaNotDocument(file: f, at: at, key: "attachment", value: "content/media/x.docx")]
        case .mediaUnused: return [C.mediaUnused(file: f)]
        case .templateSyntax: return [C.templateSyntax(file: f, at: at, problem: LocalizedText([.vi: "a", .en: "a"]))]
        case .templateMissing: return [C.templateMissing(name: "page")]
        case .templatePartialMissing: return [C.templatePartialMissing(file: f, at: at, partial: "p", suggestion: nil),
                                              C.templatePartialMissing(file: f, at: at, partial: "p", suggestion: "q")]
        case .themeEncoding: return [C.themeEncoding(file: f)]
        case .themeExists: return [C.themeExists(f), C.themeExists(f, blocksFolder: true)]
        case .i18nMissing: return [C.i18nMissing(file: f, language: .en)]
        case .i18nYAML: return [C.i18nYAML(file: f, at: at, problem: ""), C.i18nYAML(file: f, at: nil, problem: "x")]
        case .i18nKeyMissing: return [C.i18nKeyMissing(key: "k", language: .en), C.i18nKeyMissing(key: "k", language: .en, usedIn: "t")]
        }
    }

    @Test(arguments: DiagnosticCode.allCases)
    func everyCodeHasItsWordingInBothLanguages(_ code: DiagnosticCode) {
        let samples = Self.samples(of: code)
        #expect(!samples.isEmpty)
        for d in samples {
            #expect(d.code == code, "a catalog function listed under \(code) gives \(d.code)")
            for language in [Language.vi, .en] {
                #expect(!(d.message[language] ?? "").isEmpty, "\(code): no \(language.code) message")
                if let fix = d.fix { #expect(!(fix[language] ?? "").isEmpty, "\(code): no \(language.code) fix") }
            }
            // The two languages are two wordings, not one copied: a missing translation shows as the same text.
            #expect(d.message[.vi] != d.message[.en], "\(code): the message is not translated")
        }
    }

    @Test func codesAreDistinctAndTheIOFamilyIsTheIOPrefix() {
        let raw = DiagnosticCode.allCases.map(\.rawValue)
        #expect(Set(raw).count == raw.count)
        for code in DiagnosticCode.allCases {
            // `isIO` decides the exit status and whether the build stops; its list must match the printed family.
            #expect(code.isIO == code.rawValue.hasPrefix("io."), "\(code)")
            #expect("\(code)" == code.rawValue)
        }
    }
}
