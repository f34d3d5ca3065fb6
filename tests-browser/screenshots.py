#!/usr/bin/env python3
"""Full-height PNG screenshots of a generated ThiDua site, 360 px and 1280 px wide.

    python3 tests-browser/screenshots.py OUTPUT_DIR OUT_DIR

Takes the home page, an individual, a campaign (of each kind the largest page that
is at most MAX_HEIGHT pixels tall on a phone, so one with much to show but a
picture of reasonable size), and the overall report and the search page once the site has
them (a note says so while it does not), in Vietnamese; writes
OUT_DIR/<name>-<width>.png, reduced to 256 colours when Pillow is installed (the
pages are flat colour; this keeps each file small enough to commit).
The repository keeps them in docs/screenshots/.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import browser  # noqa: E402

SHOTS = [  # (file name, page kind, only the section's own page: the overall report, not a year's)
    ("home", "home", False),
    ("individual", "individuals", False),
    ("campaign", "campaigns", False),
    ("reports", "reports", True),
    ("search", "search", True),
]
WIDTHS = (360, 1280)
MAX_HEIGHT = 7000  # CSS px at 360 px wide


def shrink(png: bytes) -> bytes:
    try:
        from PIL import Image
    except ImportError:
        return png
    import io
    im = Image.open(io.BytesIO(png)).convert("RGB")
    out = io.BytesIO()
    im.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE) \
        .save(out, "PNG", optimize=True)
    return out.getvalue() if len(out.getvalue()) < len(png) else png


def choose(driver, base: str, pages: list[browser.Page]):
    """The largest page no taller than MAX_HEIGHT at 360 px (else the shortest)."""
    browser.set_viewport(driver, 360)
    best = None
    for p in sorted(pages, key=lambda p: (-p.file.stat().st_size, p.url))[:8]:
        driver.get(base + p.url)
        h = driver.execute_script("return document.documentElement.scrollHeight")
        if h <= MAX_HEIGHT:
            return p
        if best is None or h < best[0]:
            best = (h, p)
    return best[1] if best else None


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    root, out = Path(sys.argv[1]).resolve(), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    pages = browser.discover(root)
    driver = browser.chromium()
    try:
        with browser.Server(root) as server:
            for name, kind, front in SHOTS:
                page = choose(driver, server.base, [p for p in pages if p.lang == "vi" and
                                                    p.kind == kind and not p.is_pagination and
                                                    (not front or p.url.count("/") == 2)])
                if page is None:
                    print(f"skipped {name}: the site has no {kind} page yet")
                    continue
                for width in WIDTHS:
                    browser.set_viewport(driver, width)
                    driver.get(server.base + page.url)
                    png = shrink(browser.full_page_png(driver, width))
                    path = out / f"{name}-{width}.png"
                    path.write_bytes(png)
                    print(f"{path}  {page.url}  {len(png) // 1024} KB")
    finally:
        driver.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
