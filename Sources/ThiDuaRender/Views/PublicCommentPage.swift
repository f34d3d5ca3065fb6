import ThiDuaModel

/// The public-comment page (lấy ý kiến nhân dân, `/lay-y-kien/`): the nominations open for comment on
/// the build date first, each with everything a reader needs to comment; then those closed and
/// awaiting a decision; then those decided (linking the decision) or withdrawn.
enum PublicCommentPage {
    static let template = "public-comment"

    /// The published nominations in the page's order: by status (open, closed, decided, withdrawn),
    /// then the window that closes first, then by id.
    static func ordered(_ data: ViewData) -> [Nomination] {
        let day = data.site.buildDate
        return data.site.nominations.sorted {
            ($0.status(on: day), $0.comment.to, $0.id) < ($1.status(on: day), $1.comment.to, $1.id)
        }
    }

    /// Every nomination shown, and the nominees, proposers and decisions they link to.
    static func shows(_ data: ViewData) -> [EntityRef] {
        ordered(data).flatMap { n in [n.id.ref, n.nominee, n.proposer.ref] + (n.decision.map { [$0.ref] } ?? []) }
    }

    static func fields(_ v: InLanguage, _ cards: Cards) -> PageFields {
        let s = v.s, day = v.site.buildDate
        var o = TemplateObject()
        o["title"] = s("sections.public_comment.title")
        o["intro"] = s("public_comment.intro")
        o["today"] = s("public_comment.today").replacingAll("{date}", s.longDate(day))
        let all = ordered(v.data)
        func group(_ key: String, _ statuses: Set<NominationStatus>) -> TemplateValue? {
            let list = all.filter { statuses.contains($0.status(on: day)) }
            var g = TemplateObject()
            g["key"] = key
            g["heading"] = s("public_comment.\(key)")
            g["count"] = s.grouped(list.count)
            g.set("items", .list(list.map { v.nominationFields($0).value }))
            if list.isEmpty { g["empty"] = s.lookup("public_comment.none_\(key)")?.description ?? "" }
            return g.value
        }
        o.set("groups", .list([group("open", [.open]), group("closed", [.closed]), group("done", [.decided, .withdrawn])].compactMap { $0 }))
        if let contact = v.site.settings.contact {
            var c = TemplateObject()
            c["email"] = contact.email
            v.put(contact.address, "address", into: &c)
            c["phone"] = contact.phone
            o.set("contact", c.value)
        }
        var p = TemplateObject()
        p["section"] = "public_comment"
        return PageFields(key: "public_comment", value: o.value, title: s("sections.public_comment.title"), description: s("public_comment.intro"), page: p)
    }
}
