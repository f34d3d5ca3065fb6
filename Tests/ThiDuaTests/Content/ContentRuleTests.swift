import Foundation
import Testing
import ThiDuaContent
import ThiDuaModel

private typealias F = ContentFixture

/// One test per rule of CONTENT-MODEL and issue 3: each changes one file of a valid site
/// and asserts the exact diagnostic (code, file, line, column) it must produce.
@Suite("Content: rules")
struct ContentRuleTests {
    @Test func fixtureIsValid() {
        #expect(F.diagnostics().isEmpty, "\(render(F.diagnostics()))")
    }

    // MARK: YAML and front matter

    @Test func yamlSyntaxErrorUsesFileLineNumbers() {
        let text = "---\nname: Tổ\nunit: [cd-truong\nfield: education\n---\n"
        let d = single(F.diagnostics(["content/collectives/to-khoi-1.vi.md": text]))
        // libyaml notices the unclosed list on the next line: file line 4 (the YAML's own line 3).
        expectDiagnostic(d, .error, .yamlSyntax, file: "content/collectives/to-khoi-1.vi.md", line: 4, column: 6)
    }

    @Test func yamlTabIndentationSuggestsSpaces() {
        let text = "---\nname: Tổ\nperiod:\n\tfrom: 2021-01-01\n---\n"
        let d = F.diagnostics(["content/collectives/to-khoi-1.vi.md": text]).first { $0.code == .yamlSyntax }
        expectDiagnostic(d, .error, .yamlSyntax, file: "content/collectives/to-khoi-1.vi.md", line: 4)
        #expect(d?.fix?[.en] == "Indent with spaces, not tabs.")
    }

    @Test func duplicateKey() {
        let text = F.unitRoot.replacingOccurrences(of: "kind: province-federation", with: "kind: province-federation\nkind: sector-union")
        let d = single(F.diagnostics(["content/units/ldld-tinh.vi.md": text]))
        expectDiagnostic(d, .error, .yamlDuplicateKey, file: "content/units/ldld-tinh.vi.md", line: 3)
    }

    @Test func frontMatterMissing() {
        let d = single(F.diagnostics(["content/pages/gioi-thieu.vi.md": "# Giới thiệu\n\nTrang.\n"]))
        expectDiagnostic(d, .error, .frontMatterMissing, file: "content/pages/gioi-thieu.vi.md", line: 1, column: 1)
    }

    @Test func frontMatterUnclosed() {
        let d = single(F.diagnostics(["content/pages/gioi-thieu.vi.md": "---\ntitle: Giới thiệu\n\nTrang.\n"]))
        expectDiagnostic(d, .error, .frontMatterUnclosed, file: "content/pages/gioi-thieu.vi.md", line: 1)
        #expect(d?.message[.en] == "The front matter opened with '---' on line 1 is never closed by another '---' line.")
    }

    @Test func frontMatterThatIsNotAMapping() {
        let d = single(F.diagnostics(["content/pages/gioi-thieu.vi.md": "---\n- a\n- b\n---\n"]))
        expectDiagnostic(d, .error, .frontMatterType, file: "content/pages/gioi-thieu.vi.md", line: 2)
    }

    @Test func billionLaughsIsRefusedQuickly() {
        var yaml = "---\ntitle: Giới thiệu\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
            previous = name
        }
        yaml += "? *i\n: 1\n---\n"
        let start = Date()
        let d = single(F.diagnostics(["content/pages/gioi-thieu.vi.md": yaml]))
        #expect(Date().timeIntervalSince(start) < 5)
        expectDiagnostic(d, .error, .yamlAlias, file: "content/pages/gioi-thieu.vi.md", line: 3, column: 4)
    }

    @Test func anchorInsideQuotedTextIsJustText() {
        let text = "---\ntitle: \"Hỏi & đáp: &x\"\nsummary: Tom &Jerry\n---\n"
        #expect(F.diagnostics(["content/pages/gioi-thieu.vi.md": text]).isEmpty)
    }

    @Test(arguments: [String(repeating: "[", count: 5_000), "x:\n" + (1...200).map { String(repeating: " ", count: $0) + "k:" }.joined(separator: "\n")])
    func deepNestingEndsInADiagnostic(_ nesting: String) {
        let d = F.diagnostics(["content/pages/gioi-thieu.vi.md": "---\ntitle: T\nx: \(nesting)\n---\n"])
        #expect(d.contains { $0.code == .yamlTooDeep && $0.file == "content/pages/gioi-thieu.vi.md" }, "\(render(d))")
    }

    // MARK: Fields

    @Test func unknownKeyNamesTheClosestKnownKey() {
        let text = F.collective.replacingOccurrences(of: "recognised: 2024-01-02", with: "recognised: 2024-01-02\nmembrs: 6")
        let d = single(F.diagnostics(["content/collectives/to-khoi-1.vi.md": text]))
        expectDiagnostic(d, .warning, .fieldUnknown, file: "content/collectives/to-khoi-1.vi.md", line: 8, column: 1)
        #expect(d?.message[.en] == "The field 'membrs' is not part of the content model and is ignored; did you mean 'members'?")
        #expect(d?.message[.vi] == "Trường 'membrs' không có trong mô hình nội dung nên bị bỏ qua; có phải ý bạn là 'members'?")
    }

    @Test func misspeltRequiredFieldIsUnknownAndMissing() {
        let text = F.collective.replacingOccurrences(of: "recognised:", with: "recognized:")
        let d = F.diagnostics(["content/collectives/to-khoi-1.vi.md": text])
        #expect(d.map(\.code) == [.fieldRequired, .fieldUnknown], "\(render(d))")
        expectDiagnostic(d.first, .error, .fieldRequired, file: "content/collectives/to-khoi-1.vi.md", line: 1)
        #expect(d.last?.message[.en]?.hasSuffix("did you mean 'recognised'?") == true)
    }

    @Test func requiredField() {
        let text = F.unitRoot.replacingOccurrences(of: "kind: province-federation\n", with: "")
        let d = single(F.diagnostics(["content/units/ldld-tinh.vi.md": text]))
        expectDiagnostic(d, .error, .fieldRequired, file: "content/units/ldld-tinh.vi.md", line: 1, column: 1)
        #expect(d?.message[.en] == "The required field 'kind' is missing (or empty).")
    }

    @Test func requiredFieldsOfANestedValue() {
        let text = F.campaign.replacingOccurrences(of: "{from: 2021-08-11, to: 2025-12-31}", with: "{from: 2021-08-11}")
        let d = single(F.diagnostics(["content/campaigns/thi-dua.vi.md": text]))
        expectDiagnostic(d, .error, .fieldRequired, file: "content/campaigns/thi-dua.vi.md", line: 4, column: 9)
    }

    @Test(arguments: [("content/collectives/to-khoi-1.vi.md", 5), ("content/individuals/lo-thi-mai.vi.md", 7)])
    func emptyListOfCampaignsIsAMissingRequiredField(_ file: String, _ line: Int) {
        let original = F.files[file]!
        #expect(original.contains("campaigns: [thi-dua]"))
        let d = single(F.diagnostics([file: original.replacingOccurrences(of: "campaigns: [thi-dua]", with: "campaigns: []")]))
        expectDiagnostic(d, .error, .fieldRequired, file: file, line: line, column: 12)
        #expect(d?.message[.en] == "The required field 'campaigns' is missing (or empty).")
        #expect(d?.message[.vi] == "Thiếu trường bắt buộc 'campaigns' (hoặc trường này đang để trống).")
    }

    @Test func wrongTypeForABoolean() {
        let text = F.individual.replacingOccurrences(of: "consent: true", with: "consent: yes")
        let d = F.diagnostics(["content/individuals/lo-thi-mai.vi.md": text]).first { $0.code == .fieldType }
        expectDiagnostic(d, .error, .fieldType, file: "content/individuals/lo-thi-mai.vi.md", line: 12, column: 10)
    }

    @Test func wrongTypeForACountGuessesTheNumber() {
        let text = F.collective.replacingOccurrences(of: "stage: nurtured", with: "stage: nurtured\nmembers: 1.200")
        let d = single(F.diagnostics(["content/collectives/to-khoi-1.vi.md": text]))
        expectDiagnostic(d, .error, .fieldType, file: "content/collectives/to-khoi-1.vi.md", line: 7, column: 10)
        #expect(d?.fix?[.en] == "Write 'members: 1200'.")
    }

    @Test func wrongTypeForAList() {
        let text = F.collective.replacingOccurrences(of: "campaigns: [thi-dua]", with: "campaigns: {a: b}")
        let d = single(F.diagnostics(["content/collectives/to-khoi-1.vi.md": text]))
        expectDiagnostic(d, .error, .fieldType, file: "content/collectives/to-khoi-1.vi.md", line: 5, column: 12)
    }

    @Test func impossibleDate() {
        let text = F.award.replacingOccurrences(of: "date: 2023-07-05", with: "date: 2023-02-30")
        let d = single(F.diagnostics(["content/awards/qd-125.vi.md": text]))
        expectDiagnostic(d, .error, .dateInvalid, file: "content/awards/qd-125.vi.md", line: 4, column: 7)
        #expect(d?.message[.en] == "The date '2023-02-30' in 'date' does not exist: month 2 of 2023 has 28 days.")
    }

    @Test(arguments: [("05/07/2023", "2023-07-05"), ("2023-7-5", "2023-07-05"), ("2023-07-05 10:30:00", "2023-07-05"),
                      ("2023-07-05T10:30:00Z", "2023-07-05")])
    func otherDateFormatsAreRefusedWithAGuess(_ written: String, _ guess: String) {
        let text = F.award.replacingOccurrences(of: "date: 2023-07-05", with: "date: \(written)")
        let d = single(F.diagnostics(["content/awards/qd-125.vi.md": text]))
        expectDiagnostic(d, .error, .dateInvalid, file: "content/awards/qd-125.vi.md", line: 4, column: 7)
        #expect(d?.fix?[.en] == "Write 'date: \(guess)'.")
    }

    @Test func valueOutsideAnEnumeration() {
        let text = F.individual.replacingOccurrences(of: "stage: replicated", with: "stage: replicate")
        let d = single(F.diagnostics(["content/individuals/lo-thi-mai.vi.md": text]))
        expectDiagnostic(d, .error, .enumInvalid, file: "content/individuals/lo-thi-mai.vi.md", line: 8, column: 8)
        #expect(d?.message[.en] == "'replicate' is not a valid 'stage'; use one of: discovered, nurtured, summarised, replicated. Did you mean 'replicated'?")
    }

    @Test func periodThatEndsBeforeItStarts() {
        let text = F.campaign.replacingOccurrences(of: "to: 2025-12-31", with: "to: 2020-12-31")
        let d = single(F.diagnostics(["content/campaigns/thi-dua.vi.md": text]))
        expectDiagnostic(d, .error, .periodInvalid, file: "content/campaigns/thi-dua.vi.md", line: 4, column: 9)
    }

    // MARK: Ids and languages

    @Test func malformedIdInAFileName() {
        let d = single(F.diagnostics(["content/pages/Giới thiệu chung.vi.md": F.page]))
        expectDiagnostic(d, .error, .idMalformed, file: "content/pages/Giới thiệu chung.vi.md", line: nil)
        #expect(d?.fix?[.en] == "Use the id 'gioi-thieu-chung'.")
    }

    @Test func malformedIdInAReference() {
        let text = F.unitSchool.replacingOccurrences(of: "parent: ldld-tinh", with: "parent: LĐLĐ tỉnh")
        let d = single(F.diagnostics(["content/units/cd-truong.vi.md": text]))
        expectDiagnostic(d, .error, .idMalformed, file: "content/units/cd-truong.vi.md", line: 4, column: 9)
        #expect(d?.fix?[.en] == "Use the id 'ldld-tinh'.")
    }

    @Test func twoDefaultLanguageFilesForOneId() {
        let d = single(F.diagnostics(["content/pages/gioi-thieu.md": F.page]))
        expectDiagnostic(d, .error, .idDuplicate, file: "content/pages/gioi-thieu.vi.md", line: nil)
    }

    @Test func fileWithoutLanguageSuffixIsTheDefaultLanguage() {
        let r = F.load(["content/pages/gioi-thieu.vi.md": nil, "content/pages/gioi-thieu.md": F.page])
        #expect(r.diagnostics.isEmpty)
        #expect(r.site.pages.first?.title[.vi] == "Giới thiệu")
        #expect(r.sources.file(for: EntityRef(kind: .pages, id: "gioi-thieu"), language: .vi) == "content/pages/gioi-thieu.md")
    }

    @Test func unknownLanguageSuffix() {
        let d = single(F.diagnostics(["content/pages/gioi-thieu.fr.md": F.page]))
        expectDiagnostic(d, .error, .langUnknown, file: "content/pages/gioi-thieu.fr.md", line: nil)
        #expect(d?.message[.en] == "The language suffix '.fr' in the file name is not one of the site's languages (vi, en).")
    }

    // MARK: Translations

    @Test func translationWithoutItsDefaultFile() {
        let d = single(F.diagnostics(["content/pages/lien-he.en.md": "---\ntitle: Contact\n---\n"]))
        expectDiagnostic(d, .error, .translationOrphan, file: "content/pages/lien-he.en.md", line: nil)
        #expect(d?.fix?[.en]?.contains("content/pages/lien-he.vi.md") == true)
    }

    @Test func translationRestatingANonTextFieldWithTheSameValueIsFine() {
        let text = F.individualEN.replacingOccurrences(of: "position: Teacher", with: "position: Teacher\nname: Lò Thị Mai\nstage: replicated\ncampaigns: [thi-dua]")
        #expect(F.diagnostics(["content/individuals/lo-thi-mai.en.md": text]).isEmpty)
    }

    @Test func translationConflictingWithTheDefault() {
        let text = F.individualEN.replacingOccurrences(of: "position: Teacher", with: "position: Teacher\nstage: nurtured")
        let r = F.load(["content/individuals/lo-thi-mai.en.md": text])
        let d = single(r.diagnostics)
        expectDiagnostic(d, .error, .translationConflict, file: "content/individuals/lo-thi-mai.en.md", line: 3, column: 8)
        #expect(r.site.individuals.first?.profile.stage == .replicated, "the default file is canonical")
    }

    @Test func translationRestatingAFieldTheDefaultLacks() {
        let text = F.individualEN.replacingOccurrences(of: "position: Teacher", with: "position: Teacher\nfeatured: true")
        let d = single(F.diagnostics(["content/individuals/lo-thi-mai.en.md": text]))
        expectDiagnostic(d, .error, .translationConflict, file: "content/individuals/lo-thi-mai.en.md", line: 3, column: 11)
    }

    @Test func staleTranslatedListFallsBackToTheDefault() {
        let text = F.campaignEN.replacingOccurrences(of: "number: 09/CT-UBND", with: "number: 10/CT-UBND")
        let r = F.load(["content/campaigns/thi-dua.en.md": text])
        let d = single(r.diagnostics)
        expectDiagnostic(d, .warning, .translationStale, file: "content/campaigns/thi-dua.en.md", line: 4, column: 3)
        let basis = r.site.campaigns.first?.basis.first
        #expect(basis?.number == "09/CT-UBND")
        #expect(basis?.title[.en] == nil, "the stale translation's text is not used")
        #expect(basis?.title[.vi] == "Về phát động thi đua")
        #expect(r.site.campaigns.first?.title[.en] == "Emulation 2021-2025", "other text still comes from the translation")
    }

    @Test func staleWhenTheListLengthDiffers() {
        let text = F.campaignEN + ""
        let longer = text.replacingOccurrences(of: "    title: On launching emulation\n",
                                               with: "    title: On launching emulation\n  - number: 34-CT/TW\n    title: Another\n")
        let d = single(F.diagnostics(["content/campaigns/thi-dua.en.md": longer]))
        expectDiagnostic(d, .warning, .translationStale, file: "content/campaigns/thi-dua.en.md", line: 4)
    }

    @Test func translatedRecordsArePaired() {
        let basis = F.load().site.campaigns.first?.basis
        #expect(basis?.count == 1)
        #expect(basis?.first?.issuer[.en] == "Provincial People's Committee")
        #expect(basis?.first?.issuer[.vi] == "UBND tỉnh")
        #expect(basis?.first?.date == LocalDate(year: 2021, month: 8, day: 11))
    }

    // MARK: References

    @Test func unknownUnitWithASuggestion() {
        let text = F.individual.replacingOccurrences(of: "unit: cd-truong", with: "unit: cd-truonq")
        let d = single(F.diagnostics(["content/individuals/lo-thi-mai.vi.md": text]))
        expectDiagnostic(d, .error, .refUnknown, file: "content/individuals/lo-thi-mai.vi.md", line: 4, column: 7)
        #expect(d?.message[.en] == "No unit 'cd-truonq' exists; did you mean 'cd-truong'?")
        #expect(d?.message[.vi] == "Không có đơn vị nào có mã 'cd-truonq'; có phải ý bạn là 'cd-truong'?")
    }

    @Test func unknownIdSuggestsByWordsToo() {
        let text = F.individual.replacingOccurrences(of: "unit: cd-truong", with: "unit: truong")
        let d = single(F.diagnostics(["content/individuals/lo-thi-mai.vi.md": text]))
        #expect(d?.message[.en] == "No unit 'truong' exists; did you mean 'cd-truong'?")
    }

    @Test(arguments: [
        ("content/collectives/to-khoi-1.vi.md", "campaigns: [thi-dua]", "campaigns: [thi-dua, thi-dau]", 5, 22, "No campaign 'thi-dau' exists; did you mean 'thi-dua'?"),
        ("content/collectives/to-khoi-1.vi.md", "field: education", "field: educaton", 4, 8, "No field 'educaton' exists; did you mean 'education'?"),
        ("content/units/cd-truong.vi.md", "district: tam-duong", "district: tam-dương", 5, 11, nil),
        ("content/units/cd-truong.vi.md", "district: tam-duong", "district: phong-tho", 5, 11, "No district 'phong-tho' exists."),
        ("content/awards/qd-125.vi.md", "individuals: [lo-thi-mai]", "individuals: [lo-thi-may]", 9, 15, "No individual 'lo-thi-may' exists; did you mean 'lo-thi-mai'?"),
        ("content/awards/qd-125.vi.md", "collectives: [to-khoi-1]", "collectives: [to-khoi-2]", 10, 15, "No collective 'to-khoi-2' exists; did you mean 'to-khoi-1'?"),
        ("content/awards/qd-125.vi.md", "campaign: thi-dua", "campaign: thidua", 8, 11, "No campaign 'thidua' exists; did you mean 'thi-dua'?"),
        ("content/campaigns/thi-dua.vi.md", "organizer: ldld-tinh", "organizer: ldld-tin", 3, 12, "No unit 'ldld-tin' exists; did you mean 'ldld-tinh'?"),
        ("content/site.yml", "publisher: ldld-tinh", "publisher: ldld", 6, 12, "No unit 'ldld' exists; did you mean 'ldld-tinh'?"),
        ("content/stories/co-giao.vi.md", "individuals/lo-thi-mai,", "individuals/lo-thi-ma,", 4, 9, "No individual 'lo-thi-ma' exists; did you mean 'individuals/lo-thi-mai'?"),
        ("content/stories/co-giao.vi.md", "individuals/lo-thi-mai,", "individual/lo-thi-mai,", 4, 9, "No entry 'individual/lo-thi-mai' exists; did you mean 'individuals/lo-thi-mai'?"),
        ("content/stories/co-giao.vi.md", "individuals/lo-thi-mai,", "lo-thi-mai,", 4, 9, "No entry 'lo-thi-mai' exists; did you mean 'individuals/lo-thi-mai'?"),
    ] as [(String, String, String, Int, Int, String?)])
    func referenceToSomethingThatDoesNotExist(_ file: String, _ from: String, _ to: String, _ line: Int, _ column: Int, _ message: String?) {
        let original = F.files[file]!
        #expect(original.contains(from))
        let d = single(F.diagnostics([file: original.replacingOccurrences(of: from, with: to)]))
        expectDiagnostic(d, .error, message == nil ? .idMalformed : .refUnknown, file: file, line: line, column: column)
        if let message { #expect(d?.message[.en] == message) }
    }

    @Test func referenceToAnEntityWhoseFileIsBrokenIsNotReportedTwice() {
        let d = F.diagnostics(["content/units/cd-truong.vi.md": "---\nname: [\n---\n"])
        #expect(d.map(\.code) == [.yamlSyntax], "\(render(d))")
    }

    @Test func cycleOfParentsAmongUnits() {
        let root = F.unitRoot.replacingOccurrences(of: "kind: province-federation", with: "kind: province-federation\nparent: cd-truong")
        let d = single(F.diagnostics(["content/units/ldld-tinh.vi.md": root]))
        expectDiagnostic(d, .error, .parentCycle, file: "content/units/cd-truong.vi.md", line: 4, column: 9)
        #expect(d?.message[.en] == "'parent' goes round in a circle among units: cd-truong → ldld-tinh → cd-truong.")
    }

    @Test func campaignThatIsItsOwnParent() {
        let text = F.campaign.replacingOccurrences(of: "status: active", with: "status: active\nparent: thi-dua")
        let d = single(F.diagnostics(["content/campaigns/thi-dua.vi.md": text]))
        expectDiagnostic(d, .error, .parentCycle, file: "content/campaigns/thi-dua.vi.md", line: 6, column: 9)
    }

    @Test func unknownParentOfAUnitWithASuggestion() {
        let text = F.unitSchool.replacingOccurrences(of: "parent: ldld-tinh", with: "parent: ldld-tinhh")
        let d = single(F.diagnostics(["content/units/cd-truong.vi.md": text]))
        expectDiagnostic(d, .error, .refUnknown, file: "content/units/cd-truong.vi.md", line: 4, column: 9)
        #expect(d?.message[.en] == "No unit 'ldld-tinhh' exists; did you mean 'ldld-tinh'?")
        #expect(d?.fix?[.en] == "Write 'ldld-tinh'.")
    }

    @Test func unknownParentOfACampaignWithASuggestion() {
        let text = F.campaign.replacingOccurrences(of: "status: active", with: "status: active\nparent: thi-dau")
        let d = single(F.diagnostics(["content/campaigns/thi-dua.vi.md": text]))
        expectDiagnostic(d, .error, .refUnknown, file: "content/campaigns/thi-dua.vi.md", line: 6, column: 9)
        #expect(d?.message[.en] == "No campaign 'thi-dau' exists; did you mean 'thi-dua'?")
        #expect(d?.message[.vi] == "Không có phong trào thi đua nào có mã 'thi-dau'; có phải ý bạn là 'thi-dua'?")
        #expect(d?.fix?[.en] == "Write 'thi-dua'.")
    }

    @Test func cycleOfTwoCampaigns() {
        let a = F.campaign.replacingOccurrences(of: "status: active", with: "status: active\nparent: thi-dua-con")
        let b = F.campaign.replacingOccurrences(of: "status: active", with: "status: active\nparent: thi-dua")
        let d = single(F.diagnostics(["content/campaigns/thi-dua.vi.md": a, "content/campaigns/thi-dua-con.vi.md": b]))
        // Reported once, at the link leaving the smallest id of the circle.
        expectDiagnostic(d, .error, .parentCycle, file: "content/campaigns/thi-dua.vi.md", line: 6, column: 9)
        #expect(d?.message[.en] == "'parent' goes round in a circle among campaigns: thi-dua → thi-dua-con → thi-dua.")
        #expect(d?.message[.vi] == "Trường 'parent' tạo thành vòng lặp giữa các phong trào thi đua: thi-dua → thi-dua-con → thi-dua.")
    }

    // MARK: The root unit (CONTENT-MODEL section 3: only the root has no parent)

    static let districtUnit = "---\nname: LĐLĐ huyện Tam Đường\nkind: district-federation\ndistrict: tam-duong\n---\n"

    @Test func unitWithoutParentBesideThePublisherIsWarned() {
        let r = F.load(["content/units/ldld-huyen.vi.md": Self.districtUnit])
        let d = single(r.diagnostics)
        expectDiagnostic(d, .warning, .unitRoot, file: "content/units/ldld-huyen.vi.md", line: 1, column: 1)
        #expect(d?.message[.en] == "This unit has no 'parent': only the publisher ('ldld-tinh') may have no parent.")
        #expect(d?.message[.vi] == "Đơn vị này không có 'parent': chỉ đơn vị phát hành trang ('ldld-tinh') mới được không có đơn vị cấp trên.")
        #expect(d?.fix?[.en] == "Add the line 'parent: ldld-tinh', or the id of the unit directly above it.")
        #expect(d?.fix?[.vi] == "Thêm dòng 'parent: ldld-tinh', hoặc mã của đơn vị cấp trên trực tiếp.")
        #expect(r.site.units.contains { $0.id.rawValue == "ldld-huyen" }, "a warning: the unit is still on the site")
    }

    @Test func unitRootWarningIsAtTheOpeningFence() {
        let text = F.unitSchool.replacingOccurrences(of: "parent: ldld-tinh\n", with: "")
        let d = single(F.diagnostics(["content/units/cd-truong.vi.md": "\n\n" + text]))
        expectDiagnostic(d, .warning, .unitRoot, file: "content/units/cd-truong.vi.md", line: 3, column: 1)
    }

    @Test func withoutAPublisherAnyUnitMayHaveNoParent() {
        let site = F.siteYML.replacingOccurrences(of: "publisher: ldld-tinh\n", with: "")
        let d = F.diagnostics(["content/site.yml": site, "content/units/ldld-huyen.vi.md": Self.districtUnit])
        #expect(d.isEmpty, "\(render(d))")
    }

    @Test func unitWithAnUnreadableParentIsNotAlsoWarnedAsRootless() {
        let text = F.unitSchool.replacingOccurrences(of: "parent: ldld-tinh", with: "parent: [ldld-tinh]")
        let d = single(F.diagnostics(["content/units/cd-truong.vi.md": text]))
        expectDiagnostic(d, .error, .fieldType, file: "content/units/cd-truong.vi.md", line: 4, column: 9)
    }

    @Test func unitThatCannotBeBuiltIsNotAlsoWarnedAsRootless() {
        let text = Self.districtUnit.replacingOccurrences(of: "kind: district-federation\n", with: "")
        let d = single(F.diagnostics(["content/units/ldld-huyen.vi.md": text]))
        expectDiagnostic(d, .error, .fieldRequired, file: "content/units/ldld-huyen.vi.md", line: 1, column: 1)
    }

    // MARK: Media and people

    @Test func missingMediaWithASuggestion() {
        let text = F.individual.replacingOccurrences(of: "photo: media/mai.png", with: "photo: media/Mai.PNG")
        let d = single(F.diagnostics(["content/individuals/lo-thi-mai.vi.md": text]))
        expectDiagnostic(d, .error, .mediaMissing, file: "content/individuals/lo-thi-mai.vi.md", line: 10, column: 8)
        #expect(d?.fix?[.en] == "Write 'photo: media/mai.png'.")
    }

    @Test(arguments: ["../secret.png", "media/../../site.yml", "/etc/passwd", "https://example.org/a.png", "units/ldld-tinh.vi.md"])
    func mediaOutsideTheMediaFolder(_ path: String) {
        let text = F.individual.replacingOccurrences(of: "photo: media/mai.png", with: "photo: \"\(path)\"")
        let d = single(F.diagnostics(["content/individuals/lo-thi-mai.vi.md": text]))
        expectDiagnostic(d, .error, .mediaOutside, file: "content/individuals/lo-thi-mai.vi.md", line: 10, column: 8)
    }

    @Test func mediaPathMayBeWrittenFromTheSiteFolder() {
        let text = F.individual.replacingOccurrences(of: "photo: media/mai.png", with: "photo: content/media/mai.png")
        let r = F.load(["content/individuals/lo-thi-mai.vi.md": text])
        #expect(r.diagnostics.isEmpty)
        #expect(r.site.individuals.first?.profile.photo == MediaPath("media/mai.png"))
    }

    @Test func photoWithoutAltText() {
        let text = F.individual.replacingOccurrences(of: "photo_alt: Cô Mai\n", with: "")
        let d = single(F.diagnostics(["content/individuals/lo-thi-mai.vi.md": text]))
        expectDiagnostic(d, .warning, .mediaAltMissing, file: "content/individuals/lo-thi-mai.vi.md", line: 10, column: 8)
    }

    @Test func storyImageIsCheckedToo() {
        let text = F.story.replacingOccurrences(of: "date: 2023-07-10", with: "date: 2023-07-10\nimage: media/khong-co.jpg")
        let d = F.diagnostics(["content/stories/co-giao.vi.md": text])
        #expect(d.map(\.code) == [.mediaAltMissing, .mediaMissing], "\(render(d))")
    }

    @Test func individualWithoutConsentIsWarnedAndNotPublished() {
        let text = F.individual.replacingOccurrences(of: "consent: true\n", with: "")
        let r = F.load(["content/individuals/lo-thi-mai.vi.md": text])
        let d = single(r.diagnostics)
        expectDiagnostic(d, .warning, .consentMissing, file: "content/individuals/lo-thi-mai.vi.md", line: nil)
        #expect(d?.message[.en] == "'Lò Thị Mai' has no 'consent: true': this person will not appear anywhere on the site.")
        #expect(r.site.individuals.first?.consent == false)
        #expect(r.site.published(includeDrafts: false).individuals.isEmpty)
    }

    @Test func consentFalseIsReportedWhereItIsWritten() {
        let text = F.individual.replacingOccurrences(of: "consent: true", with: "consent: false")
        let d = single(F.diagnostics(["content/individuals/lo-thi-mai.vi.md": text]))
        expectDiagnostic(d, .warning, .consentMissing, file: "content/individuals/lo-thi-mai.vi.md", line: 12, column: 10)
    }

    @Test func privateIsNeverReadIntoTheModel() {
        let text = F.individual.replacingOccurrences(of: "  phone: \"0912 345 678\"", with: "  phone: \"0912 345 678\"\n  note: [anything, {goes: here}]\n  cccd: 001234567890")
        let r = F.load(["content/individuals/lo-thi-mai.vi.md": text])
        #expect(r.diagnostics.isEmpty)
        var dump = ""
        Swift.dump(r.site, to: &dump)
        #expect(dump.contains("Lò Thị Mai"), "the dump does show the model")
        #expect(!dump.contains("0912"))
        #expect(!dump.contains("001234567890"))
        #expect(!dump.contains("anything"))
    }

    // MARK: Text encoding

    @Test func nfdTextIsNormalisedWithAWarning() {
        let nfd = F.page.replacingOccurrences(of: "Giới thiệu", with: "Giới thiệu".decomposedStringWithCanonicalMapping)
        #expect(Array(nfd.utf8) != Array(F.page.utf8))
        let r = F.load(["content/pages/gioi-thieu.vi.md": nfd])
        let d = single(r.diagnostics)
        expectDiagnostic(d, .warning, .textNFD, file: "content/pages/gioi-thieu.vi.md", line: 2)
        let title = r.site.pages.first?.title[.vi]
        #expect(title.map { Array($0.unicodeScalars) } == Array("Giới thiệu".precomposedStringWithCanonicalMapping.unicodeScalars))
    }

    @Test func invalidUTF8NamesTheByteOffset() {
        var bytes = Array("---\ntitle: Gi".utf8)
        bytes += [0xC3, 0x28]  // a lead byte without its continuation
        bytes += Array("i thiệu\n---\n".utf8)
        let d = single(F.diagnostics([:], bytes: ["content/pages/gioi-thieu.vi.md": bytes]))
        expectDiagnostic(d, .error, .utf8Invalid, file: "content/pages/gioi-thieu.vi.md", line: 2, column: 10)
        #expect(d?.message[.en] == "The file is not valid UTF-8 text: the byte at offset 13 (counting from 0) is malformed.")
    }

    @Test func byteOrderMarkAndCRLFAreAcceptedSilently() {
        let crlf = F.individual.replacingOccurrences(of: "\n", with: "\r\n")
        let r = F.load([:], bytes: ["content/individuals/lo-thi-mai.vi.md": [0xEF, 0xBB, 0xBF] + Array(crlf.utf8)])
        #expect(r.diagnostics.isEmpty, "\(render(r.diagnostics))")
        #expect(r.site.individuals.first?.name == "Lò Thị Mai")
        #expect(r.site.individuals.first?.entry.body[.vi] == "\nCô Mai.\n")
        // Positions still count the file's lines.
        let broken = crlf.replacingOccurrences(of: "stage: replicated", with: "stage: replicate")
        let d = single(F.diagnostics([:], bytes: ["content/individuals/lo-thi-mai.vi.md": [0xEF, 0xBB, 0xBF] + Array(broken.utf8)]))
        expectDiagnostic(d, .error, .enumInvalid, file: "content/individuals/lo-thi-mai.vi.md", line: 8, column: 8)
    }

    @Test(arguments: ["", "\n\n  \n"])
    func emptyFile(_ text: String) {
        let d = single(F.diagnostics(["content/pages/gioi-thieu.vi.md": text]))
        expectDiagnostic(d, .error, .fileEmpty, file: "content/pages/gioi-thieu.vi.md", line: nil)
    }

    // MARK: The folder

    @Test func noSiteSettings() {
        let d = single(F.diagnostics(["content/site.yml": nil]))
        expectDiagnostic(d, .error, .ioMissingSettings, file: "content/site.yml", line: nil)
        #expect(d?.code.isIO == true)
    }

    @Test func missingSiteFolder() {
        let r = SiteLoader.load(from: DiskSource(siteDirectory: URL(fileURLWithPath: "/nonexistent/thidua-site")))
        let d = single(r.diagnostics)
        expectDiagnostic(d, .error, .ioMissingSite, file: nil, line: nil)
    }

    @Test func fileOutsideTheKnownFoldersIsIgnoredWithAWarning() {
        let d = single(F.diagnostics(["content/individual/nguyen-van-a.vi.md": F.individual]))
        expectDiagnostic(d, .warning, .fileIgnored, file: "content/individual/nguyen-van-a.vi.md", line: nil)
        #expect(d?.message[.en]?.hasSuffix("did you mean the folder 'individuals'?") == true)
    }

    @Test func hiddenFilesAreIgnoredSilently() {
        #expect(F.diagnostics(["content/.DS_Store": "x", "content/pages/.gioi-thieu.vi.md.swp": "x"]).isEmpty)
    }

    @Test(arguments: ["EN", "vi", "english", "v"])
    func invalidOrRepeatedLanguage(_ code: String) {
        let text = F.siteYML.replacingOccurrences(of: "languages: [vi, en]", with: "languages: [vi, en, \(code)]")
        let d = single(F.diagnostics(["content/site.yml": text]))
        expectDiagnostic(d, .error, .langInvalid, file: "content/site.yml", line: 5, column: 21)
        #expect(d?.message[.en] == "'\(code)' is not a valid language code, or is listed twice.")
    }

    @Test func wellFormedButUnlistedLanguageRefusesTheOtherLanguagesFiles() {
        // `xx` is written like a language code; the English files then have no language of the site.
        let text = F.siteYML.replacingOccurrences(of: "languages: [vi, en]", with: "languages: [vi, xx]")
        let d = F.diagnostics(["content/site.yml": text])
        #expect(!d.contains { $0.code == .langInvalid })
        let refused = d.filter { $0.code == .langUnknown && $0.severity == .error }
        #expect(refused.map(\.file) == ["content/campaigns/thi-dua.en.md", "content/individuals/lo-thi-mai.en.md"], "\(render(d))")
        #expect(refused.first?.message[.en] == "The language suffix '.en' in the file name is not one of the site's languages (vi, xx).")
    }

    @Test func labelInALanguageTheSiteDoesNotHave() {
        let text = F.siteYML.replacingOccurrences(of: "en: Education}", with: "en: Education, fr: Éducation}")
        let r = F.load(["content/site.yml": text])
        let d = single(r.diagnostics)
        expectDiagnostic(d, .warning, .langUnknown, file: "content/site.yml", line: 8, column: 44)
        #expect(d?.message[.en] == "The language 'fr' is not in 'languages' (vi, en) and is ignored.")
        #expect(d?.message[.vi] == "Ngôn ngữ 'fr' không có trong 'languages' (vi, en) nên bị bỏ qua.")
        #expect(r.site.settings.fields.first?.label[.en] == "Education", "the known labels are kept")
    }

    @Test func titleInALanguageTheSiteDoesNotHave() {
        let text = F.siteYML.replacingOccurrences(of: "  en: Exemplary Models\n", with: "  en: Exemplary Models\n  fr: Modèles\n")
        let d = single(F.diagnostics(["content/site.yml": text]))
        expectDiagnostic(d, .warning, .langUnknown, file: "content/site.yml", line: 4, column: 3)
    }

    @Test(arguments: [
        ("fields:\n  education: {vi: Giáo dục, en: Education}\n  health: {vi: Y tế, en: Health care}\n", "fields: [education, health]\n", "fields", 7, 9),
        ("districts:\n  tam-duong: {vi: Huyện Tam Đường, en: Tam Đường District}\n", "districts: [tam-duong]\n", "districts", 10, 12),
    ] as [(String, String, String, Int, Int)])
    func vocabularyWrittenAsAListIsTheOneError(_ from: String, _ to: String, _ key: String, _ line: Int, _ column: Int) {
        #expect(F.siteYML.contains(from))
        // Entities still name the ids; they are not reported once more as unknown.
        let d = single(F.diagnostics(["content/site.yml": F.siteYML.replacingOccurrences(of: from, with: to)]))
        expectDiagnostic(d, .error, .fieldType, file: "content/site.yml", line: line, column: column)
        #expect(d?.message[.en] == "The value of '\(key)' has the wrong type: it must be a table of id → {vi: …, en: …}.")
        #expect(d?.message[.vi] == "Giá trị của trường '\(key)' không đúng kiểu: cần một bảng mã → {vi: …, en: …}.")
    }

    /// One typo in site.yml is one error, not one more for every field and district that every file names.
    @Test func brokenSiteYAMLIsTheOneError() {
        let text = F.siteYML.replacingOccurrences(of: "languages: [vi, en]", with: "languages: [vi, en")
        #expect(text != F.siteYML)
        let d = single(F.diagnostics(["content/site.yml": text]))
        #expect(d?.code == .yamlSyntax)
        #expect(d?.file == "content/site.yml")
    }

    @Test func siteSettingsAreCheckedToo() {
        let text = F.siteYML.replacingOccurrences(of: "base_url: https://example.org/", with: "base_url: example.org\ntittle: x")
        let d = F.diagnostics(["content/site.yml": text])
        #expect(d.map(\.code) == [.fieldType, .fieldUnknown], "\(render(d))")
        expectDiagnostic(d.first, .error, .fieldType, file: "content/site.yml", line: 4, column: 11)
        #expect(d.last?.message[.en]?.hasSuffix("did you mean 'title'?") == true)
    }
}
