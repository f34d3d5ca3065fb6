import ThiDuaModel

/// The menu item a page marks as current: the home page, a section of the menu (its list and its
/// entries), a page of the menu, or none (a section or page not in the menu).
public enum MenuCurrent: Hashable, Sendable {
    case home
    case section(Section)
    case page(String)
    case none
}

extension ViewData {
    /// The sections the main menu links to, after the home page and before the menu's pages.
    static let menuSections: [Section] = [.entities(.campaigns), .entities(.collectives), .entities(.individuals),
                                          .entities(.awards), .entities(.stories), .reports]

    /// Which menu item a page of `kind` marks as current.
    func menuCurrent(_ kind: PageKind) -> MenuCurrent {
        func section(_ s: Section) -> MenuCurrent { Self.menuSections.contains(s) ? .section(s) : .none }
        switch kind {
        case .home: return .home
        case .list(let k, _, _, _), .facet(let k, _, _, _): return section(.entities(k))
        case .entity(let ref) where ref.kind == .pages:
            return menuPages.contains { $0.id.rawValue == ref.id } ? .page(ref.id) : .none
        case .entity(let ref): return section(.entities(ref.kind))
        case .report: return section(.reports)
        }
    }

    /// Every menu a page can show, with what its partial is rendered with: the menu over the shared values.
    func menuContexts() -> [MenuContext] {
        let currents: [MenuCurrent] = [.home] + Self.menuSections.map { .section($0) } + menuPages.map { .page($0.id.rawValue) } + [.none]
        return site.settings.languages.flatMap { lang in
            currents.map { current in
                var o = shared(lang)
                o.set("menu", inLanguage(lang).menu(current: current))
                return MenuContext(language: lang, current: current, context: o.value)
            }
        }
    }
}

extension InLanguage {
    /// The main menu with `current` marked: `{items, count}`.
    func menu(current: MenuCurrent) -> TemplateValue {
        var menu: [TemplateValue] = [], currentTitle: String?
        func item(_ title: String, _ url: String, current: Bool) {
            var d = TemplateObject()
            d["title"] = title; d["url"] = url; d.set("current", current)
            if current { currentTitle = title }
            menu.append(d.value)
        }
        item(s("nav.home"), routes.home(lang), current: current == .home)
        for section in ViewData.menuSections {
            item(s("sections.\(section.key).title"), routes.section(section, lang), current: current == .section(section))
        }
        for pg in data.menuPages {
            item(text(pg.title), url(pg.id.ref), current: current == .page(pg.id.rawValue))
        }
        var o = TemplateObject()
        o.set("items", .list(menu))
        o["count"] = String(menu.count)
        // Said beside the folded menu's button, so a phone shows where the reader is.
        o["current_title"] = currentTitle
        return o.value
    }
}
