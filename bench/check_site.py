#!/usr/bin/env python3
"""Check a generated benchmark site against the content model (a developer's aid).

    python3 bench/check_site.py SITE_DIR

Parses every file with PyYAML (python3-yaml), checks required fields, ids,
dates, enumerations, references (fields, `about` and `ref:` links in bodies),
and that translations restate no non-text field with a different value.
"""

import os
import re
import sys
import unicodedata

import yaml

REQ = {
    "campaigns": ["title", "organizer", "period", "status"],
    "units": ["name", "kind"],
    "collectives": ["name", "unit", "field", "campaigns", "stage", "recognised"],
    "individuals": ["name", "position", "unit", "field", "campaigns", "stage", "recognised"],
    "awards": ["title", "decision", "date", "issuer", "level", "form"],
    "stories": ["title", "date"],
    "pages": ["title"],
}
TEXT = {"title", "theme", "summary", "name", "short_name", "position", "achievements", "photo_alt",
        "issuer", "image_alt", "basis", "initiatives"}
ENUMS = {"status": {"planned", "active", "closed"},
         "kind": {"province-federation", "district-federation", "sector-union", "public-servants-union",
                  "grassroots-union"},
         "stage": {"discovered", "nurtured", "summarised", "replicated"},
         "level": {"national", "provincial", "district", "grassroots"},
         "form": {"certificate-of-merit", "certificate", "emulation-flag", "title"},
         "gender": {"female", "male"}}
ID = re.compile(r"^[a-z0-9-]+$")


def load(path):
    raw = open(path, "rb").read()
    text = raw.decode("utf-8")
    assert unicodedata.is_normalized("NFC", text), f"{path}: not NFC"
    assert text.startswith("---\n"), path
    end = text.index("\n---\n", 4)
    return yaml.load(text[4:end], Loader=yaml.BaseLoader) or {}, text[end + 5:]


def main(site):
    content = os.path.join(site, "content")
    errors = []
    with open(os.path.join(content, "site.yml"), encoding="utf-8") as f:
        cfg = yaml.safe_load(f)
    fields, districts = set(cfg["fields"]), set(cfg["districts"])
    for v in list(cfg["fields"].values()) + list(cfg["districts"].values()):
        assert set(v) == {"vi", "en"}, v
    ents = {}
    for kind in REQ:
        d = os.path.join(content, kind)
        for fn in sorted(os.listdir(d)):
            eid, lang, _ = fn.rsplit(".", 2)
            ents.setdefault(kind, {}).setdefault(eid, {})[lang] = load(os.path.join(d, fn))
    ids = {k: set(v) for k, v in ents.items()}
    consent = {i for i, e in ents["individuals"].items() if e["vi"][0].get("consent") == "true"}
    import datetime

    def date(v, where):
        try:
            datetime.date.fromisoformat(v)
        except Exception:
            errors.append(f"{where}: bad date {v!r}")

    def ref(kind, v, where):
        if v not in ids[kind]:
            errors.append(f"{where}: unknown {kind} {v!r}")

    words = []
    for kind, es in ents.items():
        for eid, langs in es.items():
            where = f"{kind}/{eid}"
            if not ID.match(eid):
                errors.append(f"{where}: bad id")
            if "vi" not in langs:
                errors.append(f"{where}: no default-language file")
                continue
            fm, body = langs["vi"]
            for r in REQ[kind]:
                if r not in fm:
                    errors.append(f"{where}: missing {r}")
            for k, allowed in ENUMS.items():
                if k in fm and fm[k] not in allowed and not (k == "kind" and kind != "units"):
                    errors.append(f"{where}: bad {k} {fm[k]!r}")
            for k in ("recognised", "date"):
                if k in fm:
                    date(fm[k], where)
            if "period" in fm:
                date(fm["period"]["from"], where)
                date(fm["period"]["to"], where)
            for b in fm.get("basis", []):
                date(b["date"], where)
            if "field" in fm and fm["field"] not in fields:
                errors.append(f"{where}: unknown field")
            if "district" in fm and fm["district"] not in districts:
                errors.append(f"{where}: unknown district")
            for k, target in (("unit", "units"), ("organizer", "units"), ("campaign", "campaigns")):
                if k in fm:
                    ref(target, fm[k], where)
            if "parent" in fm:
                ref(kind, fm["parent"], where)
            for k, target in (("campaigns", "campaigns"), ("individuals", "individuals"),
                              ("collectives", "collectives")):
                for v in fm.get(k, []) if isinstance(fm.get(k), list) else []:
                    ref(target, v, where)
            for a in fm.get("about", []):
                k, v = a.split("/", 1)
                ref(k, v, where)
                if k == "individuals" and v not in consent:
                    errors.append(f"{where}: about an unpublished person")
            for lang, (tfm, tbody) in langs.items():
                for m in re.finditer(r"\]\(ref:([a-z]+)/([a-z0-9-]+)\)", tbody):
                    ref(m.group(1), m.group(2), f"{where}.{lang}")
                    if m.group(1) == "individuals" and m.group(2) not in consent:
                        errors.append(f"{where}: links an unpublished person")
                if lang != "vi":
                    for k, v in tfm.items():
                        if k not in TEXT and fm.get(k) != v:
                            errors.append(f"{where}.{lang}: restates {k} differently")
                        if k in ("basis", "initiatives") and len(v) != len(fm.get(k, [])):
                            errors.append(f"{where}.{lang}: stale {k}")
                words.append(len(tbody.split()))
    for e in errors[:50]:
        print(e)
    print(f"check_site: {sum(len(v) for v in ents.values())} entities, "
          f"{sum(len(l) for v in ents.values() for l in v.values())} files, "
          f"body words min {min(words)} max {max(words)} mean {sum(words) // len(words)}; {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
