import Foundation
import ThiDuaModel

/// A nomination for commendation published for public comment (đề nghị khen thưởng, lấy ý kiến
/// nhân dân): whom, for what form and level, who proposes it and why, its comment window and
/// where to send a comment, and what became of it. Where it stands is read on the build date.
enum NominationPage: EntityPage {
    static let template = "nomination"

    /// Open first, then awaiting decision, then decided and withdrawn; in each, the latest window first.
    static func listOrder(_ all: [Nomination], defaultLanguage: Language) -> [Nomination] {
        all.sorted { ($1.comment.from, $0.id) < ($0.comment.from, $1.id) }
    }

    static func card(_ n: Nomination, _ v: InLanguage) -> CardFields {
        var card = CardFields()
        v.put(n.title, "title", into: &card.fields)
        let status = n.status(on: v.site.buildDate)
        card.fields["status"] = status.rawValue
        card.fields["status_label"] = v.s("nomination_status.\(status.rawValue)")
        card.meta = [v.formLabel(n.form), v.s("award_level.\(n.level.rawValue)"),
                     v.s("public_comment.window_short").replacingAll("{from}", v.s.shortDate(n.comment.from))
                        .replacingAll("{until}", v.s.shortDate(n.comment.to))]
        return card
    }

    static func page(_ n: Nomination, _ v: InLanguage, _ cards: Cards) -> EntityFields {
        var o = v.nominationFields(n)
        o.set("nominee_card", cards([n.nominee]).first)
        return EntityFields(fields: o, title: v.text(n.title), summary: n.reason)
    }

    static func shows(_ n: Nomination, _ r: Relations) -> [EntityRef] {
        [n.nominee, n.proposer.ref] + (n.decision.map { [$0.ref] } ?? [])
    }
}

extension InLanguage {
    /// Everything the public-comment page and a nomination's own page say of it: the nominee
    /// linked, form and level, proposer and submission, the reason, the window and the working days
    /// left on the build date, where to send a comment, and its decision.
    func nominationFields(_ n: Nomination) -> TemplateObject {
        var o = TemplateObject()
        put(n.title, "title", into: &o)
        o["url"] = url(n.id.ref)
        o.set("nominee", sealed(nominee(n.nominee)))
        o["form_label"] = formLabel(n.form)
        o["level_label"] = s("award_level.\(n.level.rawValue)")
        o.set("proposer", sealed(link(n.proposer, \.name)))
        if let sub = n.submission {
            var d = TemplateObject()
            d["number"] = sub.number
            if let date = sub.date { d["date"] = s.longDate(date); d["date_iso"] = date.iso }
            o.set("submission", d.value)
        }
        put(n.reason, "reason", into: &o)
        o["from"] = s.longDate(n.comment.from); o["from_iso"] = n.comment.from.iso
        o["until"] = s.longDate(n.comment.to); o["until_iso"] = n.comment.to.iso
        o["window"] = s("public_comment.window").replacingAll("{from}", s.longDate(n.comment.from))
            .replacingAll("{until}", s.longDate(n.comment.to))
        let status = n.status(on: site.buildDate)
        o["status"] = status.rawValue
        o["status_label"] = s("nomination_status.\(status.rawValue)")
        o.set("is_open", status == .open)
        if status == .open {
            let left = site.settings.calendar.workingDays(from: site.buildDate, to: n.comment.to)
            o["days_left"] = s("public_comment.days_left").replacingAll("{count}", s.grouped(left))
                .replacingAll("{date}", s.longDate(site.buildDate))
            o.set("contact", commentContact(n))
        }
        o.set("decision", sealed(link(n.decision, \.title)))
        return o
    }

    /// The nominations of `ref` open for comment on the build date, each linked with its window's end:
    /// what the nominee's own page says while they are open.
    func openNominations(_ ref: EntityRef) -> [TemplateValue] {
        let ids = relations.nominationsOf[ref] ?? []
        recorder?.note(ids.map(\.ref))
        return ids.compactMap { site[$0] }.filter { $0.status(on: site.buildDate) == .open }.map { n in
            var o = TemplateObject()
            o["url"] = url(n.id.ref)
            put(n.title, "title", into: &o)
            if o["title_lang"] == nil { o.set("title_lang", .bool(false)) }
            o["notice"] = s("public_comment.nominee_notice").replacingAll("{until}", s.longDate(n.comment.to))
            return o.value
        }
    }

    /// The nominee, linked: a person's name, a collective's name.
    func nominee(_ ref: EntityRef) -> TemplateValue? {
        recorder?.note([ref])
        switch site.entity(ref)?.base {
        case let i as Individual:
            var o = TemplateObject()
            o["url"] = url(ref); o["title"] = i.name
            return o.value
        case let c as Collective: return link(ref, c.name)
        default: return nil
        }
    }

    /// Where to send a comment on `n`: an email link with the nomination in its subject, the postal
    /// address and phone (the nomination's own `contact` text over the site's address).
    func commentContact(_ n: Nomination) -> TemplateValue? {
        let contact = site.settings.contact
        var o = TemplateObject()
        if let email = contact?.email {
            let subject = s("public_comment.mail_subject").replacingAll("{title}", text(n.title))
            o["email"] = email
            o["mailto"] = "mailto:\(email)?subject=" + Self.percentEncoded(subject)
        }
        if !n.contact.isEmpty { put(n.contact, "address", into: &o) } else if let address = contact?.address { put(address, "address", into: &o) }
        o["phone"] = contact?.phone
        return o.fields.isEmpty ? nil : o.value
    }

    /// RFC 3986: everything but the unreserved characters escaped, so a subject in Vietnamese
    /// (or with `&`, `?`, `#`) reaches the mail program whole.
    static func percentEncoded(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
