import Foundation
import ThiDuaContent
import ThiDuaModel
import ThiDuaRender

/// What `serve` adds to every HTML page it sends: the script that listens for rebuilds, and,
/// while the content has errors, a box over the last good page naming each problem (file,
/// line, message, how to fix it) in the page's own language. Never part of a built site.
struct LivePage: Sendable {
    /// The tool's own words, from the built-in theme's i18n files (a site's own strings may be the broken file).
    let strings: [Language: Strings]
    let defaultLanguage: Language

    static let eventsPath = "/__thidua/events"
    static let scriptPath = "/__thidua/live.js"

    init(defaultLanguage: Language) {
        let builtin = SourceTree(MemorySource([:]))
        strings = StringsLoader.load(from: builtin, languages: [.vi, .en]).strings
        self.defaultLanguage = defaultLanguage
    }

    /// The page with the script (and the box, when there are errors) before `</body>`.
    func inject(into html: [UInt8], errors: [Diagnostic]) -> [UInt8] {
        let page = String(decoding: html, as: UTF8.self)
        let language = Self.language(of: page) ?? defaultLanguage
        let added = (errors.isEmpty ? "" : overlay(errors, language: language, withSite: true)) + Self.scriptTag
        guard let end = page.range(of: "</body>", options: .backwards) else { return html + Array(added.utf8) }
        var out = page
        out.insert(contentsOf: added, at: end.lowerBound)
        return Array(out.utf8)
    }

    /// A page of its own for when no build has succeeded yet: only the box.
    func errorPage(_ errors: [Diagnostic]) -> [UInt8] {
        let l = defaultLanguage
        return Array("""
        <!DOCTYPE html>
        <html lang="\(l.code)"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(htmlEscaped(text("serve.overlay_title", l)))</title></head>
        <body>\(overlay(errors, language: l, withSite: false))\(Self.scriptTag)</body></html>
        """.utf8)
    }

    /// `lang` of the page's `<html>` element.
    static func language(of page: String) -> Language? {
        guard let tag = page.range(of: "<html lang=\"") else { return nil }
        let rest = page[tag.upperBound...].prefix(12)
        guard let quote = rest.firstIndex(of: "\"") else { return nil }
        return Language(String(rest[..<quote]))
    }

    static let scriptTag = "<script src=\"\(scriptPath)\"></script>\n"

    private func text(_ key: String, _ language: Language) -> String {
        (strings[language] ?? strings[.vi])?(key) ?? key
    }

    func overlay(_ diagnostics: [Diagnostic], language l: Language, withSite: Bool) -> String {
        func words(_ t: LocalizedText) -> String { t[l] ?? t[.vi] ?? t[.en] ?? "" }
        var items = ""
        for d in diagnostics.sorted() {
            var place = d.file ?? "thidua"
            if let line = d.line { place += ":\(line)"; if let c = d.column { place += ":\(c)" } }
            let label = text(d.severity == .error ? "serve.error" : "serve.warning", l)
            items += "<li><code>\(htmlEscaped(place))</code> <strong>\(htmlEscaped(label))[\(htmlEscaped(d.code.rawValue))]</strong>: \(htmlEscaped(words(d.message)))"
            if let fix = d.fix { items += "<br><em>\(htmlEscaped(text("serve.fix", l))):</em> \(htmlEscaped(words(fix)))" }
            items += "</li>\n"
        }
        return """
        <div id="thidua-overlay" role="alertdialog" aria-labelledby="thidua-overlay-title" lang="\(l.code)">
        <style>#thidua-overlay{position:fixed;inset:0 0 auto 0;max-height:80vh;overflow:auto;z-index:2147483647;background:#fff8f6;color:#3b0d0c;border-bottom:4px solid #b3261e;padding:1rem 1.25rem;font:16px/1.5 system-ui,sans-serif;box-shadow:0 4px 16px rgba(0,0,0,.3)}#thidua-overlay h2{margin:0 0 .5rem;font-size:1.2rem}#thidua-overlay ol{padding-left:1.5rem}#thidua-overlay li{margin:.5rem 0}#thidua-overlay code{font-size:.95em;word-break:break-all}#thidua-overlay button{font:inherit;padding:.25rem .75rem}</style>
        <h2 id="thidua-overlay-title">\(htmlEscaped(text("serve.overlay_title", l)))</h2>
        <p>\(htmlEscaped(text(withSite ? "serve.overlay_intro" : "serve.no_site", l)))</p>
        <ol>
        \(items)</ol>
        <button type="button" id="thidua-overlay-close">\(htmlEscaped(text("serve.close", l)))</button>
        </div>

        """
    }

    /// Listens for rebuilds: reloads when this page changed (or the error box did), swaps the
    /// stylesheets in place when only CSS changed, so the reader keeps the scroll position.
    static let script = """
    (function () {
      var close = document.getElementById("thidua-overlay-close");
      if (close) close.addEventListener("click", function () { document.getElementById("thidua-overlay").hidden = true; });
      var events = new EventSource("\(eventsPath)");
      events.addEventListener("reload", function (e) {
        var change = JSON.parse(e.data);
        if (change.all || change.pages.indexOf(location.pathname) >= 0) location.reload();
      });
      events.addEventListener("css", function () {
        document.querySelectorAll('link[rel="stylesheet"]').forEach(function (link) {
          var url = new URL(link.href);
          url.searchParams.set("thidua-reload", String(Date.now()));
          var next = link.cloneNode();
          next.href = url.href;
          next.addEventListener("load", function () { link.remove(); });
          link.after(next);
        });
      });
    })();

    """
}
