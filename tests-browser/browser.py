"""What check_pages.py and screenshots.py share: a local web server over a
generated site, headless Debian Chromium through selenium, and the list of the
site's pages grouped by kind.

Nothing here downloads anything: Chromium and chromedriver come from Debian,
selenium and axe-core from PyPI (see install.sh)."""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path

# Section 7 of CONTENT-MODEL.md: the first path segment of each kind of page, per
# language. Used only when a page does not say its kind itself (<body data-kind>).
SECTION_SLUGS = {
    "vi": {"phong-trao": "campaigns", "don-vi": "units", "tap-the": "collectives",
           "ca-nhan": "individuals", "khen-thuong": "awards", "tin-tuc": "stories",
           "bao-cao": "reports", "tim-kiem": "search"},
    "en": {"campaigns": "campaigns", "units": "units", "collectives": "collectives",
           "individuals": "individuals", "awards": "awards", "stories": "stories",
           "reports": "reports", "search": "search"},
}
# The localised folders under a section: a campaign's report, a list's facets, the stages.
SUB_SLUGS = {"phong-trao": "campaigns", "linh-vuc": "field", "dia-ban": "district", "khau": "stage",
             "nam": "year", "phat-hien": "discovered", "boi-duong": "nurtured", "tong-ket": "summarised",
             "nhan-rong": "replicated"}
OTHER_LANGS = ("en",)  # languages served under /<code>/; the default is at the root


@dataclass(frozen=True)
class Page:
    url: str      # path on the site, "/ca-nhan/lo-thi-huong/"
    file: Path    # the index.html that serves it
    lang: str     # from <html lang>
    kind: str     # "home", "list-individuals", "individuals", "pages", ...

    @property
    def is_pagination(self) -> bool:
        return "/page/" in self.url or "/trang/" in self.url


_LANG_RE = re.compile(r"<html[^>]*\slang=\"([^\"]+)\"", re.I)
_KIND_RE = re.compile(r"<body[^>]*\sdata-kind=\"([^\"]*)\"", re.I)


def _kind_from_path(url: str, lang: str) -> str:
    parts = [p for p in url.strip("/").split("/") if p]
    if parts and parts[0] in OTHER_LANGS:
        parts = parts[1:]
    if not parts:
        return "home"
    kind = SECTION_SLUGS.get(lang, {}).get(parts[0])
    if kind is None:
        return "pages" if len(parts) == 1 else "other"
    if len(parts) == 1 or parts[1] in ("page", "trang"):
        return "list-" + kind if kind not in ("reports", "search") else kind
    return kind


def discover(root: Path) -> list[Page]:
    """Every index.html under root, sorted by address, with its language and kind."""
    pages = []
    for file in sorted(root.rglob("index.html")):
        rel = file.parent.relative_to(root).as_posix()
        url = "/" if rel == "." else f"/{rel}/"
        head = file.read_text(encoding="utf-8", errors="replace")[:200_000]
        m = _LANG_RE.search(head)
        lang = m.group(1) if m else "?"
        k = _KIND_RE.search(head)
        kind = k.group(1) if k and k.group(1) else _kind_from_path(url, lang)
        pages.append(Page(url, file, lang, kind))
    return pages


def representatives(pages: list[Page]) -> list[Page]:
    """One page of every (language, kind): the largest file, so the one with the most
    features (a person with photo, awards and stories beats a bare one); pagination
    pages only when a kind has nothing else. Deterministic."""
    best: dict[tuple[str, str], Page] = {}
    for p in pages:
        key = (p.lang, p.kind)
        cur = best.get(key)
        rank = (not p.is_pagination, p.file.stat().st_size, p.url)
        if cur is None or rank > (not cur.is_pagination, cur.file.stat().st_size, cur.url):
            best[key] = p
    return [best[k] for k in sorted(best)]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep the report readable
        pass


class Server:
    """The output folder on http://127.0.0.1:<free port>/, in a thread."""

    def __init__(self, root: Path):
        handler = functools.partial(_QuietHandler, directory=str(root))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> "Server":
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


def chromium(width: int = 1280, height: int = 900):
    """Debian's headless Chromium driven by Debian's chromedriver."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--hide-scrollbars", "--force-color-profile=srgb", "--lang=vi",
                "--disable-extensions", "--no-first-run", f"--window-size={width},{height}"):
        opts.add_argument(arg)
    service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver",
                      log_output=os.devnull)
    driver = webdriver.Chrome(service=service, options=opts)
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(120)
    return driver


def set_viewport(driver, width: int, height: int = 900) -> None:
    """A phone-sized or desktop-sized viewport, exactly `width` CSS pixels wide
    (a window size would include the browser's own frame)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})


def full_page_png(driver, width: int) -> bytes:
    """A PNG of the whole page, top to bottom, `width` CSS pixels wide."""
    import base64
    # Lazy images below the fold would be blank boxes in a full-page capture.
    driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "const imgs = [...document.images];"
        "imgs.forEach(i => { i.loading = 'eager'; });"
        "Promise.all(imgs.map(i => i.complete ? null : new Promise(r => { i.onload = i.onerror = r; })))"
        ".then(() => done(true));")
    height = driver.execute_script(
        "return Math.ceil(Math.max(document.documentElement.scrollHeight,"
        " document.body ? document.body.scrollHeight : 0))")
    set_viewport(driver, width, min(int(height), 16000))
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True, "fromSurface": True})
    set_viewport(driver, width)
    return base64.b64decode(shot["data"])
