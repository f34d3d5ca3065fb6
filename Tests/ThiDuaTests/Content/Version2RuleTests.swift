import Foundation
import Testing
import ThiDuaContent
import ThiDuaModel

private typealias F = ContentFixture

/// Content model version 2 (CONTENT-MODEL section 9): `award_forms`, `holidays`, `contact` and
/// `license` in site.yml, and `nominations/`. Each test changes one file of the version-2 fixture
/// (the version-1 fixture plus those) and asserts the exact diagnostic it must produce.
@Suite("Content: version 2 rules")
struct Version2RuleTests {
    static let siteYML = F.siteYML + """
        award_forms:
          tap-the-lao-dong-xuat-sac: {vi: Tập thể lao động xuất sắc, en: Excellent Labour Collective, collective_only: true}
          lao-dong-tien-tien: {vi: Lao động tiên tiến, en: Advanced Worker, individual_only: true}
          ky-niem-chuong: {vi: Kỷ niệm chương, en: Commemorative Medal}
        holidays: [2023-09-01, 2023-09-04, 2027-01-01]
        contact:
          email: gop-y@example.org
          address: {vi: Số 1 đường Trần Phú, en: 1 Trần Phú street}
          phone: "0213 000 000"
        license: {vi: Giấy phép CC BY 4.0, en: Licence CC BY 4.0}

        """
    static let nominationPath = "content/nominations/de-nghi-mai.vi.md"
    /// Window: Monday 5 June to Friday 16 June 2023, exactly 10 working days.
    static let nomination = """
        ---
        title: Đề nghị tặng Bằng khen cho cô Mai
        nominee: individuals/lo-thi-mai
        form: certificate-of-merit
        level: provincial
        proposer: cd-truong
        submission: {number: 12/TTr-CĐCS, date: 2023-06-01}
        reason: Dạy giỏi, nhiều sáng kiến.
        comment_from: 2023-06-05
        comment_until: 2023-06-16
        status: decided
        decision: qd-125
        ---

        Nội dung.

        """

    static func load(_ changes: [String: String?] = [:]) -> LoadResult {
        var all: [String: String?] = ["content/site.yml": siteYML, nominationPath: nomination]
        for (k, v) in changes { all[k] = v }
        return F.load(all)
    }
    static func diagnostics(_ changes: [String: String?] = [:]) -> [Diagnostic] { load(changes).diagnostics }
    static func nominationWith(_ from: String, _ to: String) -> String {
        nomination.replacingOccurrences(of: from, with: to)
    }

    @Test func theVersion2FixtureIsValidAndReadIntoTheModel() throws {
        let loaded = Self.load()
        #expect(loaded.diagnostics.isEmpty, "\(render(loaded.diagnostics))")
        let s = loaded.site.settings
        #expect(s.awardForms.map(\.id.rawValue) == ["tap-the-lao-dong-xuat-sac", "lao-dong-tien-tien", "ky-niem-chuong"])
        #expect(s.awardForms.map(\.recipients) == [.collectivesOnly, .individualsOnly, .any])
        #expect(s.awardForms[0].label[.en] == "Excellent Labour Collective")
        #expect(s.allAwardForms.count == 7)
        #expect(s.holidays.map(\.iso) == ["2023-09-01", "2023-09-04", "2027-01-01"])
        #expect(s.contact == Contact(email: "gop-y@example.org", address: LocalizedText([.vi: "Số 1 đường Trần Phú", .en: "1 Trần Phú street"]),
                                     phone: "0213 000 000"))
        #expect(s.license?[.en] == "Licence CC BY 4.0")
        let n = try #require(loaded.site.nominations.first)
        #expect(n.nominee == EntityRef(kind: .individuals, id: "lo-thi-mai"))
        #expect(n.form == .certificateOfMerit && n.level == .provincial && n.proposer == ID("cd-truong"))
        #expect(n.submission == Submission(number: "12/TTr-CĐCS", date: LocalDate(iso: "2023-06-01")))
        #expect(n.comment == Period(from: LocalDate(iso: "2023-06-05")!, to: LocalDate(iso: "2023-06-16")!))
        #expect(n.outcome == .decided && n.decision == ID("qd-125"))
        #expect(n.reason[.vi] == "Dạy giỏi, nhiều sáng kiến.")
    }

    @Test func aVersion1SiteHasNoneOfTheVersion2Settings() {
        let loaded = F.load()
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.site.settings.awardForms.isEmpty && loaded.site.settings.holidays.isEmpty)
        #expect(loaded.site.settings.contact == nil && loaded.site.settings.license == nil)
        #expect(loaded.site.nominations.isEmpty)
    }

    // MARK: Award forms

    @Test func anAwardMayUseAFormOfTheSite() {
        let award = F.award.replacingOccurrences(of: "form: certificate-of-merit", with: "form: ky-niem-chuong")
        let loaded = Self.load(["content/awards/qd-125.vi.md": award])
        #expect(loaded.diagnostics.isEmpty, "\(render(loaded.diagnostics))")
        #expect(loaded.site.awards.first?.form == AwardForm("ky-niem-chuong"))
    }

    @Test func anAwardsUnknownFormIsAnErrorAtItsLineWithASuggestion() {
        let award = F.award.replacingOccurrences(of: "form: certificate-of-merit", with: "form: ky-niem-chuon")
        let d = single(Self.diagnostics(["content/awards/qd-125.vi.md": award]))
        expectDiagnostic(d, .error, .refUnknown, file: "content/awards/qd-125.vi.md", line: 7, column: 7)
        #expect(d?.message[.en] == "No award form 'ky-niem-chuon' exists; did you mean 'ky-niem-chuong'?")
        #expect(d?.message[.vi] == "Không có hình thức khen thưởng nào có mã 'ky-niem-chuon'; có phải ý bạn là 'ky-niem-chuong'?")
    }

    @Test func anAwardsFormNothingLikeAKnownOneSendsStaffToSiteYML() {
        let award = F.award.replacingOccurrences(of: "form: certificate-of-merit", with: "form: zzzzzzzzzzzz")
        let d = single(Self.diagnostics(["content/awards/qd-125.vi.md": award]))
        expectDiagnostic(d, .error, .refUnknown, file: "content/awards/qd-125.vi.md", line: 7, column: 7)
        #expect(d?.fix?[.en] == "Check the id, or declare it under 'award_forms' in content/site.yml.")
        #expect(d?.fix?[.vi] == "Kiểm tra lại mã, hoặc khai báo nó trong mục 'award_forms' của content/site.yml.")
    }

    @Test func aSitesFormIsUnknownToASiteThatDoesNotListIt() {
        let award = F.award.replacingOccurrences(of: "form: certificate-of-merit", with: "form: ky-niem-chuong")
        let d = single(F.diagnostics(["content/awards/qd-125.vi.md": award]))
        expectDiagnostic(d, .error, .refUnknown, file: "content/awards/qd-125.vi.md", line: 7, column: 7)
    }

    @Test func aNominationsUnknownFormIsAnErrorAtItsLine() {
        let d = single(Self.diagnostics([Self.nominationPath: Self.nominationWith("form: certificate-of-merit", "form: bang-khen")]))
        expectDiagnostic(d, .error, .refUnknown, file: Self.nominationPath, line: 4, column: 7)
    }

    @Test func aFormForCollectivesOnlyGivenToAnIndividualIsAnError() {
        let award = F.award.replacingOccurrences(of: "form: certificate-of-merit", with: "form: tap-the-lao-dong-xuat-sac")
        let d = single(Self.diagnostics(["content/awards/qd-125.vi.md": award]))
        expectDiagnostic(d, .error, .awardFormRecipients, file: "content/awards/qd-125.vi.md", line: 7, column: 7)
        #expect(d?.message[.en] == "The form 'tap-the-lao-dong-xuat-sac' is for collectives only (site.yml, award_forms), but here it goes to individuals.")
    }

    @Test func aFormForIndividualsOnlyProposedForACollectiveIsAnError() {
        let text = Self.nominationWith("nominee: individuals/lo-thi-mai", "nominee: collectives/to-khoi-1")
            .replacingOccurrences(of: "form: certificate-of-merit", with: "form: lao-dong-tien-tien")
            .replacingOccurrences(of: "status: decided\ndecision: qd-125\n", with: "")
        let d = single(Self.diagnostics([Self.nominationPath: text]))
        expectDiagnostic(d, .error, .awardFormRecipients, file: Self.nominationPath, line: 4, column: 7)
    }

    @Test func aFormFlagThatIsNotABooleanIsATypeError() {
        let yml = Self.siteYML.replacingOccurrences(of: "collective_only: true", with: "collective_only: có")
        let d = single(Self.diagnostics(["content/site.yml": yml]))
        expectDiagnostic(d, .error, .fieldType, file: "content/site.yml", line: 13)
        #expect(d?.message[.en] == "The value of 'award_forms.tap-the-lao-dong-xuat-sac.collective_only' has the wrong type: it must be true or false.")
    }

    @Test func aHolidayThatIsNotADateIsAnErrorAtItsPlaceInTheList() {
        let yml = Self.siteYML.replacingOccurrences(of: "2023-09-04", with: "04/09/2023")
        let d = single(Self.diagnostics(["content/site.yml": yml]))
        expectDiagnostic(d, .error, .dateInvalid, file: "content/site.yml", line: 16, column: 24)
        #expect(d?.fix?[.en] == "Write 'holidays: 2023-09-04'.")
    }

    // MARK: Nominations

    @Test func aWindowUnderTenWorkingDaysIsAWarningWithTheCount() {
        // Monday 28 December 2026 to Friday 8 January 2027: ten weekdays, one of them the holiday of 1 January.
        let text = Self.nominationWith("comment_from: 2023-06-05\ncomment_until: 2023-06-16\nstatus: decided\ndecision: qd-125\n",
                                       "comment_from: 2026-12-28\ncomment_until: 2027-01-08\n")
        let d = single(Self.diagnostics([Self.nominationPath: text]))
        expectDiagnostic(d, .warning, .nominationWindowShort, file: Self.nominationPath, line: 10, column: 16)
        #expect(d?.message[.en] == "The comment window from 2026-12-28 to 2027-01-08 has only 9 working days (Saturdays, Sundays and the 'holidays' not counted); it needs at least 10.")
    }

    @Test func holidaysOnAWeekendDoNotShortenTheWindow() {
        // 2 September 2023 is a Saturday; 1 and 4 September (Friday, Monday) are the holidays listed.
        let calendar = WorkingCalendar(holidays: [LocalDate(iso: "2023-09-01")!, LocalDate(iso: "2023-09-02")!, LocalDate(iso: "2023-09-04")!])
        #expect(calendar.workingDays(from: LocalDate(iso: "2023-08-28")!, to: LocalDate(iso: "2023-09-08")!) == 8)
    }

    @Test func aWindowThatEndsBeforeItStartsIsAnError() {
        let text = Self.nominationWith("comment_until: 2023-06-16", "comment_until: 2023-06-01")
        let d = single(Self.diagnostics([Self.nominationPath: text]))
        expectDiagnostic(d, .error, .periodInvalid, file: Self.nominationPath, line: 10, column: 16)
    }

    @Test func decidedWithoutADecisionIsAnErrorAtTheStatus() {
        let d = single(Self.diagnostics([Self.nominationPath: Self.nominationWith("decision: qd-125\n", "")]))
        expectDiagnostic(d, .error, .nominationDecisionMissing, file: Self.nominationPath, line: 11, column: 9)
        #expect(d?.message[.en] == "The nomination has 'status: decided' but names no commendation decision ('decision').")
    }

    @Test func aDecisionThatDoesNotNameTheNomineeIsAnError() {
        let award = F.award.replacingOccurrences(of: "individuals: [lo-thi-mai]\n", with: "")
        let d = single(Self.diagnostics(["content/awards/qd-125.vi.md": award]))
        expectDiagnostic(d, .error, .nominationDecisionMismatch, file: Self.nominationPath, line: 12, column: 11)
        #expect(d?.message[.en] == "The decision 'qd-125' does not name the nominee ('individuals/lo-thi-mai').")
    }

    @Test func aDecisionThatDoesNotExistIsAnUnknownReference() {
        let d = single(Self.diagnostics([Self.nominationPath: Self.nominationWith("decision: qd-125", "decision: qd-126")]))
        expectDiagnostic(d, .error, .refUnknown, file: Self.nominationPath, line: 12, column: 11)
    }

    @Test func aNomineeThatDoesNotExistIsAnUnknownReference() {
        let text = Self.nominationWith("individuals/lo-thi-mai", "individuals/lo-thi-may")
            .replacingOccurrences(of: "status: decided\ndecision: qd-125\n", with: "")
        let d = single(Self.diagnostics([Self.nominationPath: text]))
        expectDiagnostic(d, .error, .refUnknown, file: Self.nominationPath, line: 3, column: 10)
        #expect(d?.fix?[.en] == "Write 'individuals/lo-thi-mai'.")
    }

    @Test func aNomineeMustBeAnIndividualOrACollective() {
        let d = single(Self.diagnostics([Self.nominationPath: Self.nominationWith("individuals/lo-thi-mai", "units/cd-truong")]))
        expectDiagnostic(d, .error, .fieldType, file: Self.nominationPath, line: 3, column: 10)
        #expect(d?.message[.en] == "The value of 'nominee' has the wrong type: it must be a reference written individuals/<id> or collectives/<id>, e.g. individuals/lo-thi-mai.")
    }

    @Test func aNomineeWithoutConsentTakesTheNominationOutOfTheSite() {
        let person = F.individual.replacingOccurrences(of: "consent: true\n", with: "")
        let loaded = Self.load(["content/individuals/lo-thi-mai.vi.md": person])
        let d = loaded.diagnostics.first { $0.code == .nominationUnpublished }
        expectDiagnostic(d, .warning, .nominationUnpublished, file: Self.nominationPath, line: 3, column: 10)
        #expect(d?.message[.en] == "'individuals/lo-thi-mai' has not agreed to be published ('consent: true'), so this nomination is not published.")
        var site = loaded.site
        site.buildDate = LocalDate(iso: "2023-06-06")!
        #expect(site.published(includeDrafts: false).nominations.isEmpty)
    }

    @Test func aNomineeInDraftTakesTheNominationOutOfTheSite() {
        let collective = F.collective.replacingOccurrences(of: "stage: nurtured", with: "stage: nurtured\ndraft: true")
        let text = Self.nominationWith("nominee: individuals/lo-thi-mai", "nominee: collectives/to-khoi-1")
            .replacingOccurrences(of: "status: decided\ndecision: qd-125\n", with: "")
        let loaded = Self.load(["content/collectives/to-khoi-1.vi.md": collective, Self.nominationPath: text])
        let d = single(loaded.diagnostics)
        expectDiagnostic(d, .warning, .nominationUnpublished, file: Self.nominationPath, line: 3, column: 10)
        #expect(d?.message[.en] == "'collectives/to-khoi-1' is a draft, so this nomination is not published.")
        var site = loaded.site
        site.buildDate = LocalDate(iso: "2023-06-06")!
        #expect(site.published(includeDrafts: false).nominations.isEmpty)
        #expect(site.published(includeDrafts: true).nominations.count == 1)
    }

    @Test func aTranslationCarriesTheTextFieldsOnly() {
        let en = "---\ntitle: Nomination of Ms Mai\nreason: A fine teacher.\nlevel: national\n---\n\nText.\n"
        let d = single(Self.diagnostics(["content/nominations/de-nghi-mai.en.md": en]))
        expectDiagnostic(d, .error, .translationConflict, file: "content/nominations/de-nghi-mai.en.md", line: 4)
    }
}

/// Where a nomination stands on a day, and the days it is counted in.
@Suite("Model: nominations and working days")
struct NominationModelTests {
    static func day(_ s: String) -> LocalDate { LocalDate(iso: s)! }

    @Test func theStatusFollowsTheBuildDateUntilAnOutcomeIsWritten() {
        var n = Nomination(id: ID("n"), title: LocalizedText("t", in: .vi), nominee: EntityRef(kind: .individuals, id: "a"),
                           form: .certificate, level: .district, proposer: ID("u"),
                           comment: Period(from: Self.day("2026-11-23"), to: Self.day("2026-12-11")))
        #expect(n.status(on: Self.day("2026-11-22")) == .upcoming)
        #expect(n.status(on: Self.day("2026-11-23")) == .open)
        #expect(n.status(on: Self.day("2026-12-11")) == .open)
        #expect(n.status(on: Self.day("2026-12-12")) == .closed)
        n.outcome = .withdrawn
        #expect(n.status(on: Self.day("2026-12-01")) == .withdrawn)
        n.outcome = .decided
        #expect(n.status(on: Self.day("2027-01-01")) == .decided)
        #expect([NominationStatus.withdrawn, .decided, .closed, .open].sorted() == [.open, .closed, .decided, .withdrawn])
    }

    @Test func aNominationNotYetOpenIsNotPublished() {
        let loaded = Version2RuleTests.load([Version2RuleTests.nominationPath:
            Version2RuleTests.nominationWith("status: decided\ndecision: qd-125\n", "")])
        var site = loaded.site
        site.buildDate = Self.day("2023-06-04")
        #expect(site.published(includeDrafts: false).nominations.isEmpty)
        site.buildDate = Self.day("2023-06-05")
        #expect(site.published(includeDrafts: false).nominations.map(\.id.rawValue) == ["de-nghi-mai"])
    }

    @Test func daysCountAcrossMonthsYearsAndLeapDays() {
        for iso in ["1970-01-01", "2000-02-29", "2023-12-31", "2024-03-01", "1969-12-31", "9999-12-31", "0001-01-01"] {
            let d = Self.day(iso)
            #expect(LocalDate(dayNumber: d.dayNumber) == d, "\(iso)")
        }
        #expect(Self.day("1970-01-01").dayNumber == 0)
        #expect(Self.day("2024-03-01").dayNumber - Self.day("2024-02-28").dayNumber == 2)
        #expect(Self.day("2026-12-02").weekday == 3)  // a Wednesday
        #expect(Self.day("2026-12-05").isWeekend && Self.day("2026-12-06").isWeekend && !Self.day("2026-12-07").isWeekend)
        #expect(Self.day("2023-12-31").adding(days: 1) == Self.day("2024-01-01"))
    }

    @Test func workingDaysLeaveOutWeekendsAndHolidays() {
        let none = WorkingCalendar(holidays: [])
        #expect(none.workingDays(from: Self.day("2026-11-23"), to: Self.day("2026-12-11")) == 15)
        #expect(none.workingDays(from: Self.day("2026-12-05"), to: Self.day("2026-12-06")) == 0)
        #expect(none.workingDays(from: Self.day("2026-12-11"), to: Self.day("2026-12-01")) == 0)
        // Against a count day by day, over windows of every length up to eight weeks.
        let holidays = WorkingCalendar(holidays: [Self.day("2026-12-03"), Self.day("2026-12-25"), Self.day("2026-12-26")])
        let start = Self.day("2026-11-30")
        for length in 0..<56 {
            let end = start.adding(days: length)!
            var expected = 0
            for i in 0...length { let d = start.adding(days: i)!; if !d.isWeekend && !holidays.holidays.contains(d) { expected += 1 } }
            #expect(holidays.workingDays(from: start, to: end) == expected, "\(length)")
        }
    }
}
