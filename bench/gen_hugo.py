#!/usr/bin/env python3
"""Write a Hugo site equivalent to a generated benchmark site.

    python3 bench/gen_hugo.py SITE_DIR HUGO_DIR

SITE_DIR is a folder written by gen_site.py (its bench-data.json and content/).
HUGO_DIR gets the same pages in both languages at the same addresses as
CONTENT-MODEL section 7 (vi at the root, en under /en/, localised section
names): one content folder per language, pages paired by translationKey; an
untranslated entity gets an English page from the Vietnamese text, marked
untranslated. Individuals without consent are left out, `private` is never
written. Section lists are paginated by 50; campaign and unit pages list their
collectives and individuals; a case lists its awards and stories; there are a
report page, a search page with a JSON index, a sitemap and RSS feeds (home and
stories). Relations are computed here once and written as page paths that the
layouts resolve with site.GetPage, as a careful Hugo site would do, rather than
with a `where` over every page on every page.

Layouts and configuration come from bench/hugo/. Standard library only.
"""

import json
import os
import re
import shutil
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
LANGS = ["vi", "en"]
SECTIONS = {  # kind: (vi slug, en slug, vi title, en title, hugo type)
    "campaigns": ("phong-trao", "campaigns", "Phong trào thi đua", "Campaigns", "campaign"),
    "units": ("don-vi", "units", "Đơn vị", "Units", "unit"),
    "collectives": ("tap-the", "collectives", "Tập thể điển hình", "Exemplary collectives", "case"),
    "individuals": ("ca-nhan", "individuals", "Cá nhân điển hình", "Exemplary individuals", "case"),
    "awards": ("khen-thuong", "awards", "Quyết định khen thưởng", "Award decisions", "award"),
    "stories": ("tin-tuc", "stories", "Tin tức", "Stories", "story"),
}
TEXT_FIELDS = {"title", "theme", "summary", "name", "short_name", "position", "achievements", "photo_alt",
               "issuer", "image_alt", "basis", "initiatives"}

# Vietnamese alphabetical order: letters, then tones (ngang, huyền, hỏi, ngã, sắc, nặng).
ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
MODS = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn: part of the letter


def vi_key(text):
    letters, tones = [], []
    for ch in text.lower():
        if ch == "đ":
            letters.append(ALPHABET.index("đ"))
            tones.append(0)
            continue
        d = unicodedata.normalize("NFD", ch)
        base = d[0]
        mods = "".join(c for c in d[1:] if c in MODS)
        tone = next((TONES[c] for c in d[1:] if c in TONES), 0)
        letter = unicodedata.normalize("NFC", base + mods)
        if letter in ALPHABET:
            letters.append(ALPHABET.index(letter) + 1)
        elif base.isalnum():
            letters.append(100 + ord(base))
        else:
            letters.append(0)  # spaces and punctuation sort first
        tones.append(tone)
    return (letters, tones)


def fold(s):
    s = s.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c)).lower()


def read_body(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    end = text.index("\n---\n", 4)
    return text[end + 5:]


def yaml_fm(d):
    """YAML front matter; every value as JSON, which YAML reads unchanged."""
    lines = ["---"]
    for k, v in d.items():
        if v is None or v == [] or v == "":
            continue
        lines.append(f"{k}: {json.dumps(v, ensure_ascii=False, separators=(', ', ': '))}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    site, out = sys.argv[1], sys.argv[2]
    with open(os.path.join(site, "bench-data.json"), encoding="utf-8") as f:
        data = json.load(f)
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(out)
    shutil.copy(os.path.join(HERE, "hugo", "config.toml"), out)
    shutil.copytree(os.path.join(HERE, "hugo", "layouts"), os.path.join(out, "layouts"))
    shutil.copytree(os.path.join(HERE, "hugo", "i18n"), os.path.join(out, "i18n"))
    os.makedirs(os.path.join(out, "data"))
    for name in ("fields", "districts"):
        with open(os.path.join(out, "data", name + ".json"), "w", encoding="utf-8") as f:
            json.dump(data["site"][name], f, ensure_ascii=False)

    ents = {}
    for e in data["entities"]:
        ents.setdefault(e["kind"], {})[e["id"]] = e
    hidden = {i for i, e in ents["individuals"].items() if not e["vi"].get("consent")}

    def published(kind, eid):
        return not (kind == "individuals" and eid in hidden)

    def gp(kind, eid, lang):
        """The path site.GetPage finds the entity at, within one language's content folder."""
        if kind == "pages":
            return "/" + eid
        return f"/{SECTIONS[kind][LANGS.index(lang)]}/{eid}"

    def url(kind, eid, lang):
        return ("" if lang == "vi" else "/" + lang) + gp(kind, eid, lang) + "/"

    # Orders: people by given name, then the whole name (Vietnamese order); names and titles alike.
    def name_of(e):
        return e["vi"].get("name") or e["vi"].get("title")

    def person_key(e):
        fm = e["vi"]
        given = fm.get("given_name") or fm["name"].split()[-1]
        return (vi_key(given), vi_key(fm["name"]), e["id"])

    order = {}
    for kind, es in ents.items():
        if kind == "individuals":
            ranked = sorted(es.values(), key=person_key)
        elif kind in ("awards", "stories"):
            ranked = sorted(es.values(), key=lambda e: (e["vi"]["date"], e["id"]), reverse=True)
        elif kind == "campaigns":
            ranked = sorted(es.values(), key=lambda e: (e["vi"]["period"]["from"], e["id"]))
        else:
            ranked = sorted(es.values(), key=lambda e: (vi_key(name_of(e)), e["id"]))
        order[kind] = {e["id"]: i + 1 for i, e in enumerate(ranked)}

    # Relations, derived once.
    rel = {}  # (kind, id) -> {name: [(kind, id)]}

    def add(kind, eid, name, target):
        rel.setdefault((kind, eid), {}).setdefault(name, []).append(target)

    for kind in ("collectives", "individuals"):
        for eid, e in ents[kind].items():
            if not published(kind, eid):
                continue
            fm = e["vi"]
            add("units", fm["unit"], kind, (kind, eid))
            for c in fm["campaigns"]:
                add("campaigns", c, kind, (kind, eid))
    for eid, e in ents["units"].items():
        if e["vi"].get("parent"):
            add("units", e["vi"]["parent"], "sub", ("units", eid))
    for eid, e in ents["campaigns"].items():
        if e["vi"].get("parent"):
            add("campaigns", e["vi"]["parent"], "sub", ("campaigns", eid))
    for eid, e in ents["awards"].items():
        if e["vi"].get("campaign"):
            add("campaigns", e["vi"]["campaign"], "awards", ("awards", eid))
        for kind in ("individuals", "collectives"):
            for r in e["vi"].get(kind, []):
                if published(kind, r):
                    add(kind, r, "awards", ("awards", eid))
    for eid, e in ents["stories"].items():
        for a in e["vi"].get("about", []):
            k, i = a.split("/", 1)
            add(k, i, "stories", ("stories", eid))

    ref_re = re.compile(r"\]\(ref:([a-z]+)/([a-z0-9-]+)\)")
    written = 0
    for lang in LANGS:
        root = os.path.join(out, "content", lang)
        li = LANGS.index(lang)
        for kind, (svi, sen, tvi, ten, typ) in SECTIONS.items():
            d = os.path.join(root, (svi, sen)[li])
            os.makedirs(d)
            fm = {"title": (tvi, ten)[li], "translationKey": "section/" + kind}
            if kind == "stories":
                fm["outputs"] = ["HTML", "RSS"]
            with open(os.path.join(d, "_index.md"), "w", encoding="utf-8") as f:
                f.write(yaml_fm(fm))
        for key, (title_vi, title_en, layout) in {
                ("bao-cao", "reports"): ("Báo cáo", "Reports", "report"),
                ("tim-kiem", "search"): ("Tìm kiếm", "Search", "search")}.items():
            fm = {"title": (title_vi, title_en)[li], "translationKey": "special/" + key[1], "layout": layout}
            if layout == "search":
                fm["outputs"] = ["HTML", "JSON"]
            with open(os.path.join(root, key[li] + ".md"), "w", encoding="utf-8") as f:
                f.write(yaml_fm(fm))

        for kind, es in ents.items():
            for eid, e in es.items():
                if not published(kind, eid):
                    continue
                base = e["vi"]
                own = e.get(lang) if lang != "vi" else base
                src_lang = lang if own is not None else "vi"
                text = dict(base)
                text.pop("private", None)
                text.pop("consent", None)
                if own is not None and lang != "vi":
                    for k, v in own.items():
                        if k in TEXT_FIELDS:
                            text[k] = v
                body = read_body(os.path.join(site, "content", kind, f"{eid}.{src_lang}.md"))
                body = ref_re.sub(lambda m: f"]({url(m.group(1), m.group(2), lang)})", body)
                fm = {"title": text.get("title") or text.get("name"),
                      "translationKey": f"{kind}/{eid}", "weight": order[kind][eid],
                      "untranslated": True if own is None else None}
                r = rel.get((kind, eid), {})

                def paths(name):
                    return [gp(k, i, lang) for k, i in sorted(r.get(name, []),
                                                               key=lambda t: (t[0], order[t[0]][t[1]]))]

                if kind == "pages":
                    fm.update(summary=text.get("summary"))
                    if text.get("menu"):
                        fm["menu"] = {"main": {"weight": 10 + text["menu"]}}
                else:
                    fm["type"] = SECTIONS[kind][4]
                if kind in ("collectives", "individuals"):
                    fm.update(entity=kind, summary=text.get("summary"), position=text.get("position"),
                              unit_path=gp("units", text["unit"], lang), field=text["field"],
                              district=text.get("district"), direct_worker=text.get("direct_worker"),
                              members=text.get("members"), stage=text["stage"], recognised=text["recognised"],
                              featured=text.get("featured"), achievements=text.get("achievements"),
                              initiatives=text.get("initiatives"),
                              campaign_paths=[gp("campaigns", c, lang) for c in text["campaigns"]],
                              award_paths=paths("awards"), story_paths=paths("stories"),
                              fold=fold(fm["title"]))
                elif kind == "campaigns":
                    fm.update(theme=text.get("theme"), summary=text.get("summary"),
                              organizer_path=gp("units", text["organizer"], lang),
                              parent_path=gp("campaigns", text["parent"], lang) if text.get("parent") else None,
                              period=text["period"], status=text["status"], basis=text.get("basis"),
                              sub_paths=paths("sub"), collective_paths=paths("collectives"),
                              individual_paths=paths("individuals"), award_paths=paths("awards"),
                              story_paths=paths("stories"), fold=fold(fm["title"]))
                elif kind == "units":
                    fm.update(short_name=text.get("short_name"), unit_kind=text["kind"],
                              parent_path=gp("units", text["parent"], lang) if text.get("parent") else None,
                              district=text.get("district"), sub_paths=paths("sub"),
                              collective_paths=paths("collectives"), individual_paths=paths("individuals"),
                              story_paths=paths("stories"), fold=fold(fm["title"]))
                elif kind == "awards":
                    fm.update(date=text["date"], decision=text["decision"], issuer=text["issuer"],
                              level=text["level"], form=text["form"],
                              campaign_path=gp("campaigns", text["campaign"], lang) if text.get("campaign") else None,
                              collective_paths=[gp("collectives", c, lang) for c in text.get("collectives", [])],
                              individual_paths=[gp("individuals", i, lang) for i in text.get("individuals", [])
                                                if published("individuals", i)])
                elif kind == "stories":
                    fm.update(date=text["date"], summary=text.get("summary"),
                              about_paths=[gp(*a.split("/", 1), lang) for a in text.get("about", [])])
                path = os.path.join(root, gp(kind, eid, lang).lstrip("/") + ".md")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(yaml_fm(fm) + "\n" + body)
                written += 1
    print(f"gen_hugo: {written} content files in {out}")


if __name__ == "__main__":
    main()
