import ThiDuaModel

// Commendation and public comment (CONTENT-MODEL section 9): forms, nominations and their windows.
extension DiagnosticCatalog {
    static func awardFormRecipients(file: String, at: Position?, form: String, recipients: AwardFormRecipients) -> Diagnostic {
        let collectives = recipients == .collectivesOnly
        return make(.error, .awardFormRecipients, file, at,
                    vi: "Hình thức '\(form)' chỉ dành cho \(collectives ? "tập thể" : "cá nhân") (site.yml, award_forms), nhưng ở đây lại dành cho \(collectives ? "cá nhân" : "tập thể").",
                    en: "The form '\(form)' is for \(collectives ? "collectives" : "individuals") only (site.yml, award_forms), but here it goes to \(collectives ? "individuals" : "collectives").",
                    fixVi: "Chọn hình thức khác, hoặc chỉ ghi \(collectives ? "tập thể ('collectives')" : "cá nhân ('individuals')").",
                    fixEn: "Choose another form, or list only \(collectives ? "collectives" : "individuals").")
    }

    static func nominationWindowShort(file: String, at: Position?, workingDays: Int, from: LocalDate, until: LocalDate) -> Diagnostic {
        make(.warning, .nominationWindowShort, file, at,
             vi: "Thời gian lấy ý kiến từ \(from.iso) đến \(until.iso) chỉ có \(workingDays) ngày làm việc (không tính thứ Bảy, Chủ nhật và ngày nghỉ trong 'holidays'); cần ít nhất 10 ngày làm việc.",
             en: "The comment window from \(from.iso) to \(until.iso) has only \(workingDays) working days (Saturdays, Sundays and the 'holidays' not counted); it needs at least 10.",
             fixVi: "Lùi 'comment_until' để có ít nhất 10 ngày làm việc.",
             fixEn: "Move 'comment_until' later so that the window has at least 10 working days.")
    }

    static func nominationDecisionMissing(file: String, at: Position?) -> Diagnostic {
        make(.error, .nominationDecisionMissing, file, at,
             vi: "Đề nghị có 'status: decided' nhưng không ghi quyết định khen thưởng ('decision').",
             en: "The nomination has 'status: decided' but names no commendation decision ('decision').",
             fixVi: "Thêm dòng 'decision: <mã quyết định trong awards/>'.",
             fixEn: "Add a line 'decision: <the award's id in awards/>'.")
    }

    static func nominationDecisionMismatch(file: String, at: Position?, decision: String, nominee: String) -> Diagnostic {
        make(.error, .nominationDecisionMismatch, file, at,
             vi: "Quyết định '\(decision)' không có tên người/tập thể được đề nghị ('\(nominee)').",
             en: "The decision '\(decision)' does not name the nominee ('\(nominee)').",
             fixVi: "Sửa 'decision' cho đúng quyết định, hoặc thêm '\(nominee)' vào danh sách khen thưởng của quyết định đó.",
             fixEn: "Correct 'decision', or add '\(nominee)' to that decision's recipients.")
    }

    static func nominationUnpublished(file: String, at: Position?, nominee: String, draft: Bool) -> Diagnostic {
        make(.warning, .nominationUnpublished, file, at,
             vi: "'\(nominee)' " + (draft ? "đang là bản nháp" : "chưa đồng ý công bố ('consent: true')") + " nên đề nghị này không được đăng.",
             en: "'\(nominee)' " + (draft ? "is a draft" : "has not agreed to be published ('consent: true')") + ", so this nomination is not published.",
             fixVi: draft ? "Bỏ 'draft: true' ở hồ sơ đó khi đã sẵn sàng đăng." : "Chỉ thêm 'consent: true' khi người đó đã đồng ý bằng văn bản.",
             fixEn: draft ? "Remove 'draft: true' from that entry when it is ready." : "Add 'consent: true' only once the person has agreed in writing.")
    }
}
