#!/usr/bin/env python3
"""Write a synthetic ThiDua site for benchmarking.

    python3 bench/gen_site.py N OUTDIR

OUTDIR/content/ is a site in the content model (../shared/CONTENT-MODEL.md) with
N exemplary individuals and the other kinds in proportion: N/5 collectives,
N/10 award decisions (1-20 recipients each), N/5 stories, about N/20 grassroots
unions under 8 district federations and 6 sector unions, 20 campaigns, 4 pages.
Bodies are 300-1,500 words; about 80% of entities have an English translation;
about 3% of individuals have not consented to publication.

OUTDIR/bench-data.json holds the same front matter as plain data, for
gen_hugo.py. Standard library only; deterministic: the same N gives
byte-identical files. Everything is invented; no entry describes a real person.
"""

import datetime
import json
import os
import random
import re
import shutil
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from vocab import *  # noqa: E402,F401,F403

SEED = 4042021
DAY0 = datetime.date(2021, 1, 1)


# ---------------------------------------------------------------- helpers

def fold(s):
    """Vietnamese to ASCII, đ → d (CONTENT-MODEL section 5)."""
    s = s.replace("đ", "d").replace("Đ", "D")
    s = unicodedata.normalize("NFD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def slug(s, limit=80):
    s = re.sub(r"[^a-z0-9]+", "-", fold(s).lower()).strip("-")
    return s[:limit].rstrip("-")


class Ids:
    """Unique ids within one kind: `lo-thi-mai`, `lo-thi-mai-2`, …"""

    def __init__(self):
        self.seen = {}

    def make(self, base):
        n = self.seen.get(base, 0) + 1
        self.seen[base] = n
        return base if n == 1 else f"{base}-{n}"


class Raw(str):
    """A scalar written as is (dates, ids, enums)."""


PLAIN_OK = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`0-9.+~][^\n]*$")
RESERVED = {"true", "false", "yes", "no", "on", "off", "null", "y", "n"}


def ys(s):
    """A text scalar: plain where YAML reads it back unchanged, else double-quoted."""
    if isinstance(s, Raw):
        return str(s)
    if (PLAIN_OK.match(s) and ": " not in s and " #" not in s and not s.endswith((":", " "))
            and s.lower() not in RESERVED):
        return s
    return json.dumps(s, ensure_ascii=False)


def flow(s):
    """A text scalar inside a flow map `{…}`, where commas end a plain value."""
    return json.dumps(s, ensure_ascii=False) if re.search(r"[,\[\]{}]", s) else ys(s)


def scalar(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, datetime.date):
        return v.isoformat()
    return ys(v)


def front_matter(fields):
    """fields: list of (key, value). Lists of ids go in flow style, others in block style."""
    out = ["---"]
    for key, v in fields:
        if v is None:
            continue
        if isinstance(v, dict) and key == "period":
            out.append(f"{key}: {{from: {scalar(v['from'])}, to: {scalar(v['to'])}}}")
        elif isinstance(v, dict):
            out.append(f"{key}:")
            for k2, v2 in v.items():
                out.append(f"  {k2}: {scalar(v2)}")
        elif isinstance(v, list) and v and isinstance(v[0], dict):
            out.append(f"{key}:")
            for rec in v:
                first = True
                for k2, v2 in rec.items():
                    if v2 is None:
                        continue
                    out.append(f"  {'- ' if first else '  '}{k2}: {scalar(v2)}")
                    first = False
        elif isinstance(v, list) and v and isinstance(v[0], Raw):
            out.append(f"{key}: [{', '.join(v)}]")
        elif isinstance(v, list):
            out.append(f"{key}:")
            for item in v:
                out.append(f"  - {scalar(item)}")
        else:
            out.append(f"{key}: {scalar(v)}")
    out.append("---")
    return "\n".join(out) + "\n"


def jsonable(fields):
    d = {}
    for k, v in fields:
        if v is None:
            continue
        d[k] = json.loads(json.dumps(v, default=str))
    return d


def rdate(rng, start, end):
    a, b = start.toordinal(), end.toordinal()
    return datetime.date.fromordinal(rng.randint(a, b))


def iso(s):
    return datetime.date.fromisoformat(s)


# ---------------------------------------------------------------- prose

class Prose:
    def __init__(self, lang):
        vi = lang == "vi"
        self.subjects = VI_SUBJECTS if vi else EN_SUBJECTS
        self.actions = VI_ACTIONS if vi else EN_ACTIONS
        self.results = VI_RESULTS if vi else EN_RESULTS
        self.sentences = VI_SENTENCES if vi else EN_SENTENCES
        self.headings = VI_HEADINGS if vi else EN_HEADINGS
        self.items = VI_LIST_ITEMS if vi else EN_LIST_ITEMS
        self.quotes = VI_QUOTES if vi else EN_QUOTES
        self.see = "Xem thêm hồ sơ của" if vi else "See also"
        self.table = (["Năm", "Chỉ tiêu", "Kết quả", "Tỷ lệ"] if vi else ["Year", "Target", "Result", "Rate"])
        self.also = ["Bên cạnh đó,", "Ngoài ra,", "Đặc biệt,", "Năm {y},"] if vi else \
            ["Besides,", "In addition,", "Above all,", "In {y},"]

    def fill(self, rng, s):
        if "{" not in s:
            return s
        y = rng.randint(2021, 2025)
        return s.format(y=y, y1=y + 1, pct=rng.randint(5, 35), pct2=rng.randint(90, 100),
                        money=rng.randint(20, 900), n=rng.randint(2, 12), n2=rng.randint(10, 300))

    def sentence(self, rng):
        r = rng.random()
        if r < 0.55:
            s = f"{rng.choice(self.subjects)} {rng.choice(self.actions)}, {rng.choice(self.results)}."
            if rng.random() < 0.25:
                s = f"{rng.choice(self.also)} {s[0].lower()}{s[1:]}"
            return self.fill(rng, s)
        return self.fill(rng, rng.choice(self.sentences))

    def paragraph(self, rng, n=None):
        out = []
        for _ in range(n or rng.randint(3, 6)):
            s = self.sentence(rng)
            if s in out:
                s = self.sentence(rng)
            out.append(s)
        return " ".join(out)

    def body(self, rng, intro, target, ref=None):
        """Markdown of about `target` words: paragraphs under headings, lists, tables, quotes."""
        blocks = [intro + " " + self.paragraph(rng, rng.randint(2, 4))]
        words = len(blocks[0].split())
        headings = rng.sample(self.headings, len(self.headings))
        table_done = False
        h = 0
        while words < target:
            head = headings[h % len(headings)]
            h += 1
            blocks.append(f"## {head}")
            for _ in range(rng.randint(1, 3)):
                p = self.paragraph(rng)
                blocks.append(p)
                words += len(p.split())
                if words >= target:
                    break
            r = rng.random()
            if r < 0.3:
                items = [self.fill(rng, s) for s in rng.sample(self.items, rng.randint(3, 6))]
                blocks.append("\n".join(f"- {i}" for i in items))
                words += sum(len(i.split()) for i in items)
            elif r < 0.42 and not table_done:
                table_done = True
                rows = ["| " + " | ".join(self.table) + " |", "|---|---:|---:|---:|"]
                for y in range(rng.randint(2021, 2022), 2026):
                    t = rng.randint(50, 400)
                    res = t + rng.randint(-10, 60)
                    rows.append(f"| {y} | {t} | {res} | {res * 100 // t}% |")
                blocks.append("\n".join(rows))
                words += 4 * len(rows)
            elif r < 0.52:
                q = rng.choice(self.quotes)
                blocks.append(f"> {q}")
                words += len(q.split())
        if ref:
            text, target_ref = ref
            i = rng.randint(0, len(blocks) - 1)
            while blocks[i].startswith(("#", "|", "-", ">")):
                i = (i + 1) % len(blocks)
            blocks[i] += f" {self.see} [{text}](ref:{target_ref})."
        return "\n\n".join(blocks) + "\n"


# ---------------------------------------------------------------- the site

def generate(n, outdir):
    rng = random.Random(SEED)
    prose = {"vi": Prose("vi"), "en": Prose("en")}
    content = os.path.join(outdir, "content")
    if os.path.exists(content):
        shutil.rmtree(content)
    entities = []  # (kind, id, vi fields, en fields or None, vi body, en body or None)

    districts = {d[0]: d for d in DISTRICTS}

    def d_in(did, lang):
        label = districts[did][1] if lang == "vi" else districts[did][2]
        return label[0].lower() + label[1:] if lang == "vi" else label

    def body_len():
        return int(rng.triangular(280, 1300, 500))

    translated = lambda: rng.random() < 0.8  # noqa: E731

    # ---- units
    units = []  # dicts: id, field, district, name vi/en
    root = "ldld-tinh-lai-chau"
    units.append(dict(id=root, kind="province-federation", parent=None, district="lai-chau-city",
                      vi="Liên đoàn Lao động tỉnh Lai Châu", en="Lai Châu Provincial Federation of Labour",
                      svi="LĐLĐ tỉnh", sen="Provincial Federation", field=None))
    district_fed = {}
    for did, vi_label, en_label, _ in DISTRICTS:
        uid = "ldld-" + slug(vi_label)
        district_fed[did] = uid
        units.append(dict(id=uid, kind="district-federation", parent=root, district=did,
                          vi=f"Liên đoàn Lao động {d_in(did, 'vi')}", en=f"{en_label} Federation of Labour",
                          svi=f"LĐLĐ {d_in(did, 'vi')}", sen=f"{en_label} Federation", field=None))
    sector_of_field = {}
    for uid, vi, en, svi, sen, kind, fields in SECTOR_UNIONS:
        units.append(dict(id=uid, kind=kind, parent=root, district="lai-chau-city", vi=vi, en=en,
                          svi=svi, sen=sen, field=None))
        for f in fields:
            sector_of_field[f] = uid
    unit_ids = Ids()
    for u in units:
        unit_ids.make(u["id"])
    grassroots = []
    org_count = {}
    field_names = [f[0] for f in FIELDS]
    field_w = [FIELD_WEIGHTS[f] for f in field_names]
    for _ in range(max(12, n // 20)):
        field = rng.choices(field_names, field_w)[0]
        did, _, en_label, communes = rng.choice(DISTRICTS)
        p = rng.choice(communes)
        tvi, ten = rng.choice(ORGS[field])
        org_vi = tvi.format(p=p, d=d_in(did, "vi"))
        org_en = ten.format(p=p, de=en_label)
        k = org_count[org_vi] = org_count.get(org_vi, 0) + 1
        if k > 1:
            org_vi += f" số {k}"
            org_en += f" No. {k}"
        parent = sector_of_field[field] if rng.random() < 0.4 else district_fed[did]
        u = dict(id=unit_ids.make(slug("cd " + org_vi, 70)), kind="grassroots-union", parent=parent,
                 district=did, vi=f"Công đoàn {org_vi}", en=f"{org_en} Trade Union", svi=None, sen=None,
                 field=field, org_vi=org_vi, org_en=org_en)
        units.append(u)
        grassroots.append(u)
    by_field = {}
    for u in grassroots:
        by_field.setdefault(u["field"], []).append(u)

    # ---- campaigns
    campaigns = []
    for (cid, parent, org, frm, to, status, tvi, ten, thvi, then) in CAMPAIGNS:
        campaigns.append(dict(id=cid, parent=parent, organizer=org, frm=iso(frm), to=iso(to), status=status,
                              vi=tvi, en=ten, thvi=thvi, then=then))
    open_campaigns = [c for c in campaigns if c["status"] != "planned"]
    field_campaign = {"education": "nha-giao-tan-tam", "health": "thay-thuoc-nhu-me-hien",
                      "agriculture": "nang-suat-chat-luong-nganh-che",
                      "public-administration": "van-hoa-cong-so"}

    def pick_campaigns(field, when):
        ok = [c["id"] for c in open_campaigns if c["frm"] <= when]
        chosen = []
        fc = field_campaign.get(field)
        if fc and fc in ok and rng.random() < 0.6:
            chosen.append(fc)
        for c in rng.sample(ok, min(len(ok), rng.randint(1, 2))):
            if c not in chosen:
                chosen.append(c)
        return chosen

    stages = ["discovered", "nurtured", "summarised", "replicated"]
    stage_w = [40, 30, 18, 12]

    def achievements(lang_pairs_count, collective=False):
        bank_vi, bank_en = (VI_ACHIEVEMENTS_C, EN_ACHIEVEMENTS_C) if collective else (VI_ACHIEVEMENTS, EN_ACHIEVEMENTS)
        years = rng.sample(range(2021, 2025), min(4, lang_pairs_count))
        idx = [(rng.randrange(len(bank_vi)), y) for y in sorted(years)]
        vi = [bank_vi[i].format(y=y, y1=y + 1) for i, y in idx]
        en = [bank_en[i].format(y=y, y1=y + 1) for i, y in idx]
        return vi, en

    def initiatives():
        if rng.random() >= 0.4:
            return None, None
        vi, en = [], []
        for _ in range(rng.randint(1, 2)):
            tvi, ten = rng.choice(VI_INITIATIVES)
            xvi, xen = rng.choice(INITIATIVE_TOPICS)
            year = rng.randint(2021, 2025)
            benefit = rng.randint(2, 90) * 5_000_000
            vi.append({"title": tvi.format(x=xvi), "year": year, "benefit_vnd": benefit})
            en.append({"title": ten.format(xe=xen), "year": year, "benefit_vnd": benefit})
        return vi, en

    # ---- collectives
    collectives = []
    coll_ids = Ids()
    coll_names = {}
    for _ in range(max(5, n // 5)):
        u = rng.choice(grassroots)
        gvi, gen = rng.choice(GROUPS[u["field"]])
        k, v = rng.randint(1, 5), rng.choice(districts[u["district"]][3])
        name_vi = f"{gvi.format(k=k, v=v)}, {u['org_vi']}"
        name_en = f"{gen.format(k=k, v=v)}, {u['org_en']}"
        c = coll_names[name_vi] = coll_names.get(name_vi, 0) + 1
        if c > 1:
            name_vi += f" (nhóm {c})"
            name_en += f" (group {c})"
        recognised = rdate(rng, datetime.date(2021, 9, 1), datetime.date(2025, 6, 30))
        collectives.append(dict(id=coll_ids.make(slug(name_vi, 70)), unit=u, vi=name_vi, en=name_en,
                                recognised=recognised, campaigns=pick_campaigns(u["field"], recognised)))

    # ---- individuals
    people = []
    person_ids = Ids()
    group_w = [g[0] for g in NAME_GROUPS]
    for _ in range(n):
        _, fams, mf, mm, gf, gm, g2f, g2m = rng.choices(NAME_GROUPS, group_w)[0]
        female = rng.random() < 0.55
        fam = rng.choice(fams)
        mid = rng.choice(mf if female else mm)
        two = g2f if female else g2m
        given_name = None
        if two and rng.random() < 0.12:
            given = rng.choice(two)
            given_name = given
            name = f"{fam} {mid} {given}" if rng.random() < 0.5 and not given.startswith(mid) else f"{fam} {given}"
        else:
            given = rng.choice(gf if female else gm)
            name = f"{fam} {mid} {given}"
        u = rng.choice(grassroots)
        pvi, pen, direct = rng.choice(POSITIONS[u["field"]])
        k = rng.randint(1, 5)
        recognised = rdate(rng, datetime.date(2021, 9, 1), datetime.date(2025, 6, 30))
        people.append(dict(id=person_ids.make(slug(name)), name=name, given_name=given_name, female=female,
                           given=given, unit=u, pvi=pvi.format(k=k), pen=pen.format(k=k), direct=direct,
                           recognised=recognised, campaigns=pick_campaigns(u["field"], recognised),
                           consent=rng.random() < 0.97))
    published = [p for p in people if p["consent"]]
    people_by_district = {}
    colls_by_district = {}
    for p in people:
        people_by_district.setdefault(p["unit"]["district"], []).append(p)
    for c in collectives:
        colls_by_district.setdefault(c["unit"]["district"], []).append(c)

    def some_ref():
        """A `ref:` target that exists and is published, with its display name per language."""
        r = rng.random()
        if r < 0.55 and published:
            p = rng.choice(published)
            return ("individuals/" + p["id"], p["name"], p["name"])
        if r < 0.8:
            c = rng.choice(collectives)
            return ("collectives/" + c["id"], c["vi"], c["en"])
        if r < 0.92:
            u = rng.choice(units)
            return ("units/" + u["id"], u["vi"], u["en"])
        c = rng.choice(campaigns)
        return ("campaigns/" + c["id"], c["vi"], c["en"])

    def bodies(intro_vi, intro_en, has_en, length=None):
        length = length or body_len()
        ref = some_ref() if rng.random() < 0.35 else None
        vi = prose["vi"].body(rng, intro_vi, length, (ref[1], ref[0]) if ref else None)
        en = prose["en"].body(rng, intro_en, int(length * rng.uniform(0.9, 1.1)),
                              (ref[2], ref[0]) if ref else None) if has_en else None
        return vi, en

    # ---- write: site.yml
    os.makedirs(content)
    site_yml = ["title:", "  vi: Điển hình tiên tiến — Công đoàn tỉnh Lai Châu",
                "  en: Exemplary Models — Lai Châu Trade Unions",
                "base_url: https://thidua.example.org/", "languages: [vi, en]", f"publisher: {root}", "fields:"]
    for fid, vi, en in FIELDS:
        site_yml.append(f"  {fid}: {{vi: {flow(vi)}, en: {flow(en)}}}")
    site_yml.append("districts:")
    for did, vi, en, _ in DISTRICTS:
        site_yml.append(f"  {did}: {{vi: {flow(vi)}, en: {flow(en)}}}")
    write(os.path.join(content, "site.yml"), "\n".join(site_yml) + "\n")

    def emit(kind, eid, vi_fields, en_fields, vi_body, en_body):
        d = os.path.join(content, kind)
        write(os.path.join(d, f"{eid}.vi.md"), front_matter(vi_fields) + "\n" + vi_body)
        if en_fields is not None:
            write(os.path.join(d, f"{eid}.en.md"), front_matter(en_fields) + "\n" + en_body)
        entities.append({"kind": kind, "id": eid, "vi": jsonable(vi_fields),
                         "en": jsonable(en_fields) if en_fields is not None else None})

    # ---- campaigns
    for c in campaigns:
        has_en = c["id"] == "thi-dua-2021-2025" or translated()
        basis = None
        if c["parent"] is None or rng.random() < 0.5:
            chosen = [b for b in BASIS if iso(b[1]) <= c["frm"]]
            chosen = chosen[:1] + rng.sample(chosen[1:], min(len(chosen) - 1, rng.randint(0, 2)))
            basis = [(b[0], iso(b[1]), b[2], b[3], b[4], b[5]) for b in chosen]
        sum_vi = f"Phong trào thi đua do {next(u['vi'] for u in units if u['id'] == c['organizer'])} phát động."
        sum_en = f"An emulation movement launched by the {next(u['en'] for u in units if u['id'] == c['organizer'])}."
        vi_f = [("title", c["vi"]), ("theme", c["thvi"]), ("summary", sum_vi), ("organizer", Raw(c["organizer"])),
                ("parent", Raw(c["parent"]) if c["parent"] else None),
                ("period", {"from": c["frm"], "to": c["to"]}), ("status", Raw(c["status"])),
                ("basis", [{"number": b[0], "date": b[1], "issuer": b[2], "title": b[4]} for b in basis]
                 if basis else None)]
        en_f = [("title", c["en"]), ("theme", c["then"]), ("summary", sum_en),
                ("basis", [{"number": b[0], "date": b[1], "issuer": b[3], "title": b[5]} for b in basis]
                 if basis else None)] if has_en else None
        vb, eb = bodies(f"{sum_vi} Chủ đề của phong trào: “{c['thvi']}”.",
                        f"{sum_en} Its theme: “{c['then']}”.", has_en)
        emit("campaigns", c["id"], vi_f, en_f, vb, eb)

    # ---- units
    for u in units:
        has_en = u["kind"] != "grassroots-union" or translated()
        vi_f = [("name", u["vi"]), ("short_name", u["svi"]), ("kind", Raw(u["kind"])),
                ("parent", Raw(u["parent"]) if u["parent"] else None), ("district", Raw(u["district"]))]
        en_f = [("name", u["en"]), ("short_name", u["sen"])] if has_en else None
        vb, eb = bodies(f"{u['vi']} hiện có {rng.randint(12, 400)} đoàn viên.",
                        f"The {u['en']} has {rng.randint(12, 400)} members.", has_en)
        emit("units", u["id"], vi_f, en_f, vb, eb)

    # ---- collectives
    for c in collectives:
        has_en = translated()
        u = c["unit"]
        ach_vi, ach_en = achievements(rng.randint(1, 3), collective=True)
        ini_vi, ini_en = initiatives()
        si = rng.randrange(len(VI_SUMMARIES))
        vi_f = [("name", c["vi"]), ("unit", Raw(u["id"])), ("field", Raw(u["field"])),
                ("district", Raw(u["district"])), ("campaigns", [Raw(x) for x in c["campaigns"]]),
                ("stage", Raw(rng.choices(stages, stage_w)[0])), ("recognised", c["recognised"]),
                ("featured", True if rng.random() < 0.03 else None), ("members", rng.randint(4, 60)),
                ("achievements", ach_vi), ("initiatives", ini_vi), ("summary", VI_SUMMARIES[si])]
        en_f = [("name", c["en"]), ("achievements", ach_en), ("initiatives", ini_en),
                ("summary", EN_SUMMARIES[si])] if has_en else None
        vb, eb = bodies(f"{c['vi']} là tập thể tiêu biểu của {u['vi']}.",
                        f"The {c['en']} is an exemplary team of the {u['en']}.", has_en)
        emit("collectives", c["id"], vi_f, en_f, vb, eb)

    # ---- individuals
    for p in people:
        has_en = translated()
        u = p["unit"]
        ach_vi, ach_en = achievements(rng.randint(1, 4))
        ini_vi, ini_en = initiatives()
        si = rng.randrange(len(VI_SUMMARIES))
        private = None
        if rng.random() < 0.05:
            private = {"phone": f"09{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(100, 999)}",
                       "note": "Số điện thoại chỉ dùng để liên hệ, không công bố."}
        vi_f = [("name", p["name"]), ("given_name", p["given_name"]), ("position", p["pvi"]),
                ("unit", Raw(u["id"])), ("field", Raw(u["field"])), ("district", Raw(u["district"])),
                ("direct_worker", p["direct"]), ("gender", Raw("female" if p["female"] else "male")),
                ("campaigns", [Raw(x) for x in p["campaigns"]]), ("stage", Raw(rng.choices(stages, stage_w)[0])),
                ("recognised", p["recognised"]), ("featured", True if rng.random() < 0.02 else None),
                ("achievements", ach_vi), ("initiatives", ini_vi), ("summary", VI_SUMMARIES[si]),
                ("consent", p["consent"]), ("private", private)]
        en_f = [("position", p["pen"]), ("achievements", ach_en), ("initiatives", ini_en),
                ("summary", EN_SUMMARIES[si])] if has_en else None
        hon_vi = "Chị" if p["female"] else "Anh"
        hon_en = "Ms" if p["female"] else "Mr"
        vb, eb = bodies(f"{hon_vi} {p['name']} hiện là {p['pvi'][0].lower()}{p['pvi'][1:]} tại {u['org_vi']}.",
                        f"{hon_en} {p['name']} works as {p['pen'][0].lower()}{p['pen'][1:]} at the {u['org_en']}.",
                        has_en)
        emit("individuals", p["id"], vi_f, en_f, vb, eb)

    # ---- awards
    award_ids = Ids()
    levels = ["national", "provincial", "district", "grassroots"]
    numbers = {}
    for _ in range(max(3, n // 10)):
        has_en = translated()
        level = rng.choices(levels, [5, 35, 40, 20])[0]
        date = rdate(rng, datetime.date(2021, 9, 15), datetime.date(2025, 9, 30))
        did = rng.choice(DISTRICTS)[0]
        if level == "national":
            form = rng.choice(["certificate-of-merit", "emulation-flag"])
            issuer = ("Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam",
                      "Presidium of the Vietnam General Confederation of Labour")
            title = ("Bằng khen của Tổng Liên đoàn Lao động Việt Nam", "Certificate of Merit of the VGCL") \
                if form == "certificate-of-merit" else ("Cờ thi đua của Tổng Liên đoàn Lao động Việt Nam",
                                                         "Emulation Flag of the VGCL")
            suffix, prefix = "QĐ-TLĐ", "qd-tld"
        elif level == "provincial":
            form = rng.choice(["certificate-of-merit", "certificate-of-merit", "emulation-flag", "title"])
            issuer = ("Ban Chấp hành Liên đoàn Lao động tỉnh Lai Châu",
                      "Executive Committee of the Lai Châu Provincial Federation of Labour")
            title = {"certificate-of-merit": ("Bằng khen của Ban Chấp hành LĐLĐ tỉnh",
                                              "Certificate of Merit of the Provincial Federation"),
                     "emulation-flag": ("Cờ thi đua của Ban Chấp hành LĐLĐ tỉnh",
                                        "Emulation Flag of the Provincial Federation"),
                     "title": ("Danh hiệu Lao động giỏi, Lao động sáng tạo", "Good Work, Creative Work title")}[form]
            suffix, prefix = "QĐ-LĐLĐ", "qd"
        elif level == "district":
            form = "certificate"
            issuer = (f"Ban Chấp hành Liên đoàn Lao động {d_in(did, 'vi')}",
                      f"Executive Committee of the {d_in(did, 'en')} Federation of Labour")
            title = (f"Giấy khen của LĐLĐ {d_in(did, 'vi')}", f"Certificate of the {d_in(did, 'en')} Federation")
            suffix, prefix = "QĐ-LĐLĐH", "qd-" + did
        else:
            u = rng.choice(grassroots)
            did = u["district"]
            form = rng.choice(["certificate", "title"])
            issuer = (f"Ban Chấp hành {u['vi']}", f"Executive Committee of the {u['en']}")
            title = (f"Giấy khen của Ban Chấp hành {u['vi']}", f"Certificate of the {u['en']}") \
                if form == "certificate" else ("Danh hiệu Đoàn viên công đoàn xuất sắc", "Outstanding Union Member")
            suffix, prefix = "QĐ-CĐCS", "qd-cs"
        key = (prefix, date.year)
        num = numbers[key] = numbers.get(key, rng.randint(5, 40)) + rng.randint(1, 9)
        aid = award_ids.make(f"{prefix}-{num}-{date.year}")
        camps = [c["id"] for c in open_campaigns if c["frm"] <= date <= c["to"]]
        campaign = rng.choice(camps) if camps and rng.random() < 0.85 else None
        count = rng.randint(1, 20)
        pool_p = people_by_district.get(did, people) if level in ("district", "grassroots") else people
        pool_c = colls_by_district.get(did, collectives) if level in ("district", "grassroots") else collectives
        n_c = 0 if rng.random() < 0.4 else rng.randint(0, max(0, min(count, 5)))
        n_p = max(0 if n_c else 1, count - n_c)
        inds = sorted({p["id"] for p in rng.sample(pool_p, min(n_p, len(pool_p)))})
        cols = sorted({c["id"] for c in rng.sample(pool_c, min(n_c, len(pool_c)))})
        vi_f = [("title", title[0]), ("decision", f"{num}/{suffix}"), ("date", date), ("issuer", issuer[0]),
                ("level", Raw(level)), ("form", Raw(form)), ("campaign", Raw(campaign) if campaign else None),
                ("individuals", [Raw(x) for x in inds] or None), ("collectives", [Raw(x) for x in cols] or None)]
        en_f = [("title", title[1]), ("issuer", issuer[1])] if has_en else None
        vb, eb = bodies(f"Quyết định số {num}/{suffix} khen thưởng {len(inds) + len(cols)} tập thể, cá nhân.",
                        f"Decision {num}/{suffix} commends {len(inds) + len(cols)} collectives and individuals.",
                        has_en, length=int(rng.triangular(300, 700, 350)))
        emit("awards", aid, vi_f, en_f, vb, eb)

    # ---- stories
    story_ids = Ids()
    tag_p = [("mười năm bám bản", "ten years in the village"), ("người giữ lửa ở điểm trường", "keeping the school alive"),
             ("sáng kiến từ những việc nhỏ", "initiatives from small things"),
             ("tấm gương lao động giỏi", "a model of good work"), ("thầm lặng nơi biên cương", "quiet work on the border"),
             ("giỏi việc nước, đảm việc nhà", "good at work, caring at home")]
    tag_c = [("tập thể đoàn kết, sáng tạo", "a united, creative team"),
             ("điểm sáng của phong trào thi đua", "a bright spot of the movement"),
             ("từ phát hiện đến nhân rộng", "from discovery to replication")]
    for _ in range(max(5, n // 5)):
        has_en = translated()
        date = rdate(rng, datetime.date(2021, 9, 1), datetime.date(2025, 10, 31))
        r = rng.random()
        about = []
        if r < 0.55:
            p = rng.choice(published)
            t = rng.choice(tag_p)
            hv, he = ("Chị", "Ms") if p["female"] else ("Anh", "Mr")
            title = (f"{hv} {p['name']}: {t[0]}", f"{he} {p['name']}: {t[1]}")
            about.append("individuals/" + p["id"])
            if rng.random() < 0.3:
                about.append("campaigns/" + rng.choice(p["campaigns"]))
        elif r < 0.85:
            c = rng.choice(collectives)
            t = rng.choice(tag_c)
            title = (f"{c['vi']}: {t[0]}", f"{c['en']}: {t[1]}")
            about.append("collectives/" + c["id"])
        elif r < 0.95:
            c = rng.choice(open_campaigns)
            title = (f"Sơ kết phong trào “{c['vi']}” năm {date.year}",
                     f"{date.year} review of the “{c['en']}” movement")
            about.append("campaigns/" + c["id"])
        else:
            u = rng.choice(units)
            title = (f"{u['vi']} tổ chức Hội nghị người lao động năm {date.year}",
                     f"The {u['en']} holds its {date.year} workers' conference")
            about.append("units/" + u["id"])
        sid = story_ids.make(slug(title[0], 70))
        vi_f = [("title", title[0]), ("date", date), ("summary", rng.choice(VI_SENTENCES)),
                ("about", [Raw(a) for a in about])]
        en_f = [("title", title[1]), ("summary", rng.choice(EN_SENTENCES))] if has_en else None
        vb, eb = bodies(f"Ngày {date.day:02d}/{date.month}/{date.year}, phóng viên đã có dịp tìm hiểu câu chuyện này.",
                        f"On {date.day} {date.strftime('%B')} {date.year}, our reporter went to hear this story.",
                        has_en)
        emit("stories", sid, vi_f, en_f, vb, eb)

    # ---- pages
    pages = [("gioi-thieu", 1, "Giới thiệu", "About"),
             ("huong-dan-de-xuat-dien-hinh", 2, "Hướng dẫn đề xuất điển hình", "How to nominate a model"),
             ("lien-he", 3, "Liên hệ", "Contact"),
             ("quy-che-khen-thuong", None, "Quy chế khen thưởng", "Commendation regulations")]
    for pid, menu, tvi, ten in pages:
        vi_f = [("title", tvi), ("menu", menu), ("summary", tvi + " — Công đoàn tỉnh Lai Châu.")]
        en_f = [("title", ten), ("summary", ten + " — Lai Châu trade unions.")]
        vb, eb = bodies("Trang thông tin về các điển hình tiên tiến của công nhân, viên chức, lao động tỉnh Lai Châu.",
                        "Information about the exemplary models among Lai Châu's workers and public employees.", True)
        emit("pages", pid, vi_f, en_f, vb, eb)

    os.makedirs(os.path.join(content, "media"), exist_ok=True)
    data = {"n": n, "seed": SEED, "languages": ["vi", "en"],
            "site": {"title": {"vi": "Điển hình tiên tiến — Công đoàn tỉnh Lai Châu",
                               "en": "Exemplary Models — Lai Châu Trade Unions"},
                     "base_url": "https://thidua.example.org/",
                     "fields": {f: {"vi": vi, "en": en} for f, vi, en in FIELDS},
                     "districts": {d: {"vi": vi, "en": en} for d, vi, en, _ in DISTRICTS}},
            "entities": entities}
    with open(os.path.join(outdir, "bench-data.json"), "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, separators=(",", ":"))
    counts = {}
    for e in entities:
        counts[e["kind"]] = counts.get(e["kind"], 0) + 1
    return counts, sum(1 for p in people if not p["consent"])


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(unicodedata.normalize("NFC", text))


def main():
    if len(sys.argv) != 3 or not sys.argv[1].isdigit():
        sys.exit(__doc__)
    n, outdir = int(sys.argv[1]), sys.argv[2]
    counts, hidden = generate(n, outdir)
    print(f"gen_site: N={n} in {outdir}: " + ", ".join(f"{k} {v}" for k, v in counts.items())
          + f"; {hidden} individuals without consent")


if __name__ == "__main__":
    main()
