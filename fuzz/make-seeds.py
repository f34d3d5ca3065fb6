#!/usr/bin/env python3
"""Writes fuzz/corpus-seed/: example content files, each prefixed with the selector byte the
fuzz target reads (low 3 bits: folder; next 3 bits: file name; 0x40: the file is site.yml),
plus a few hand-written hostile inputs. Run from anywhere; commit the result."""
import hashlib, os, pathlib

# Paths from the repository itself, so the seeds are the same on every machine and in every clone.
repository = pathlib.Path(__file__).resolve().parent.parent
KINDS = ["individuals", "units", "collectives", "campaigns", "awards", "stories", "pages", "media"]
out = repository / "fuzz/corpus-seed"
out.mkdir(parents=True, exist_ok=True)
seeds = []

def add(selector, data):
    seeds.append(bytes([selector]) + data)

# The example site frozen for the tests, then the repository's own site.
roots = [repository / "Tests/ThiDuaTests/Fixtures/golden/content", repository / "content"]
taken = {}
for root in roots:
    if not root.is_dir():
        continue
    for path in sorted(root.rglob("*")):
        if not path.is_file() or path.stat().st_size > 8192:
            continue
        rel = path.relative_to(root).parts
        if rel == ("site.yml",):
            add(0x40, path.read_bytes()); continue
        if len(rel) != 2 or rel[0] not in KINDS or rel[0] == "media":
            continue
        name = 2 << 3 if rel[1].endswith(".en.md") else 0  # x.en.md or x.vi.md
        if taken.get((rel[0], name), 0) >= 3:  # at most three per folder and language
            continue
        taken[(rel[0], name)] = taken.get((rel[0], name), 0) + 1
        add(KINDS.index(rel[0]) | name, path.read_bytes())

front = b"---\nname: A\nunit: cd-truong-th-ban-giang\nconsent: true\n"
hostile = [
    front + b"a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n---\n",        # aliases
    front + b"deep: " + b"[" * 200 + b"\n---\n",                          # flow nesting
    front + b"".join(b"  " * i + b"k:\n" for i in range(100)) + b"---\n",  # block nesting
    front + b"---\n" + b"> " * 300 + b"[" * 300 + b"\n",                   # Markdown nesting
    front + b"---\n" + b"* " * 300 + b"x\n",
    b"\xef\xbb\xbf---\r\nname: B\r\n---\r\nbody\r\n",                         # BOM, CRLF
    front + b"summary: \xff\xfe\n---\n",                                   # invalid UTF-8
    front + b"summary: Le\xcc\x82\n---\n",                                 # NFD
    front + b"---\n[x](javascript:alert(1)) [y](ref:individuals/lo-thi-mai) ![z](data:x)\n",
    front + b"---\n| a | b |\n|---|---|\n| 1 | 2 |\n~~s~~ https://example.org [ ] task\n",
    b"---\n---\n", b"---\n", b"", b"...\n",
    front + b"recognised: 2023-02-30\nmembers: 99999999999999999999999\n---\n",
]
for h in hostile:
    add(0, h)

for f in out.iterdir():
    f.unlink()
for s in seeds:
    (out / hashlib.sha1(s).hexdigest()).write_bytes(s)
print(f"{len(seeds)} seeds in {out.relative_to(repository)}")
