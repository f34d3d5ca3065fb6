#!/usr/bin/env python3
"""Time full builds with /usr/bin/time -v and print ThiDua and Hugo side by side.

Called by bench/run.sh, which builds thidua and generates the sites:

    python3 bench/measure.py --runs 3 [--thidua BIN] [--hugo] N...

For each N it builds bench/work/site-N with `thidua build` and
bench/work/hugo-N with `hugo --quiet`, each from a clean output folder, RUNS
times; it reports the median wall time, the median user+sys CPU time, the
highest peak RSS, the pages written (index.html files, less Hugo's alias
redirects) and pages per second. The table is printed and also written, with
the machine, to bench/work/results-<date>.md and .json.
"""

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "bench", "work")


def time_v(cmd, log):
    """Run cmd under /usr/bin/time -v; return (exit, wall s, cpu s, max RSS KB)."""
    tfile = log + ".time"
    with open(log, "w") as out:
        rc = subprocess.call(["/usr/bin/time", "-v", "-o", tfile] + cmd, stdout=out, stderr=subprocess.STDOUT)
    text = open(tfile).read()

    def field(name):
        m = re.search(re.escape(name) + r".*?:\s*([\d:.]+)\s*$", text, re.M)
        return m.group(1) if m else "0"
    parts = [float(x) for x in field("Elapsed (wall clock) time").split(":")]
    wall = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
    cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
    return rc, wall, cpu, int(field("Maximum resident set size (kbytes)"))


def count_pages(out):
    """index.html files, less alias redirects (Hugo writes /page/1/ and /vi/ as redirects)."""
    n = 0
    for d, _, files in os.walk(out):
        if "index.html" in files:
            p = os.path.join(d, "index.html")
            if os.path.getsize(p) < 2048:
                with open(p, "rb") as f:
                    if b'http-equiv="refresh"' in f.read():
                        continue
            n += 1
    return n


def rebuild_after_edit(name, cmd_for, out, edited, log_prefix, runs):
    """Append a sentence to one profile's file and rebuild over the existing output, `runs` times
    (each run a new sentence), then restore the file and rebuild once more, unmeasured.

    What a communications officer does on every edit; returns the median wall time in seconds
    and the highest peak RSS in MB."""
    original = open(edited, "rb").read()
    walls, peak = [], 0
    try:
        for i in range(runs):
            with open(edited, "ab") as f:
                f.write(f"\nCâu mới số {i + 1}, thêm để đo thời gian tạo lại trang.\n".encode("utf-8"))
            rc, wall, cpu, rss = time_v(cmd_for(out), f"{log_prefix}-rebuild-{i + 1}.log")
            if rc != 0:
                print(f"  {name}: rebuild exit {rc}", flush=True)
                return None, None
            print(f"  {name} rebuild {i + 1}/{runs} after editing one profile: {wall:.2f} s wall, {cpu:.2f} s CPU, "
                  f"{rss / 1024:.0f} MB peak", flush=True)
            walls.append(wall)
            peak = max(peak, rss / 1024)
        return statistics.median(walls), peak
    finally:
        with open(edited, "wb") as f:
            f.write(original)
        time_v(cmd_for(out), log_prefix + "-rebuild-restore.log")


def measure(name, cmd_for, out, runs, log_prefix):
    rows = []
    for i in range(runs):
        # From nothing: the output and what thidua keeps beside it (its cache and the site before).
        parent, base = os.path.split(out)
        for path in (out, os.path.join(parent, f".{base}.previous")):
            if os.path.exists(path):
                shutil.rmtree(path)
        cache = os.path.join(parent, f".{base}.thidua-cache")
        if os.path.exists(cache):
            os.remove(cache)
        log = f"{log_prefix}-{i + 1}.log"
        rc, wall, cpu, rss = time_v(cmd_for(out), log)
        if rc != 0:
            tail = open(log, errors="replace").read()[-3000:]
            print(f"  {name}: exit {rc} (log {os.path.relpath(log, ROOT)})\n{tail}", flush=True)
            return None
        print(f"  {name} run {i + 1}/{runs}: {wall:.2f} s wall, {cpu:.2f} s CPU, {rss / 1024:.0f} MB peak",
              flush=True)
        rows.append((wall, cpu, rss))
    pages = count_pages(out)
    wall = statistics.median(r[0] for r in rows)
    return {"wall": wall, "cpu": statistics.median(r[1] for r in rows), "rss_mb": max(r[2] for r in rows) / 1024,
            "pages": pages, "pages_per_s": pages / wall if wall else 0, "runs": [list(r) for r in rows]}


def site_size(n):
    content = os.path.join(WORK, f"site-{n}", "content")
    files = size = 0
    for d, _, fs in os.walk(content):
        for f in fs:
            files += 1
            size += os.path.getsize(os.path.join(d, f))
    return files, size / 1e6


def fmt(r, key, spec):
    return "pending" if r is None else format(r[key], spec)


def machine():
    cpu = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem = "?"
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GB"
    osname = platform.platform()
    if os.path.exists("/etc/os-release"):
        m = re.search(r'PRETTY_NAME="([^"]+)"', open("/etc/os-release").read())
        osname = m.group(1) if m else osname

    def version(cmd):
        try:
            return subprocess.run(cmd, capture_output=True, text=True).stdout.strip().splitlines()[0]
        except Exception:
            return "not installed"
    return {"nproc": os.cpu_count(), "cpu": cpu, "memory": mem, "os": osname,
            "swift": version(["swift", "--version"]), "hugo": version(["hugo", "version"]),
            "load": open("/proc/loadavg").read().split()[:3]}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--thidua", help="the thidua executable; left out: ThiDua's cells say pending")
    ap.add_argument("--hugo", action="store_true", help="also build the Hugo sites")
    ap.add_argument("--out-root", default=WORK,
                    help="where the generated sites are written (run.sh: a tmpfs, see BENCHMARKS.md)")
    ap.add_argument("ns", nargs="+", type=int)
    a = ap.parse_args()
    a.out_root = os.path.abspath(a.out_root)  # hugo reads a relative -d against its own site folder
    os.makedirs(a.out_root, exist_ok=True)
    results = []
    for n in a.ns:
        files, mb = site_size(n)
        print(f"N={n}: {files} content files, {mb:.1f} MB", flush=True)
        site = os.path.join(WORK, f"site-{n}")
        t = h = None
        # The profile edited for the rebuild: the first individual, in both tools' content.
        person = sorted(f for f in os.listdir(os.path.join(site, "content", "individuals")) if f.endswith(".vi.md"))[0]
        if a.thidua:
            cmd = lambda out: [a.thidua, "build", "--site", site, "--output", out]
            full = lambda out: cmd(out) + ["--full"]
            out = os.path.join(a.out_root, f"out-thidua-{n}")
            t = measure("thidua", full, out, a.runs, os.path.join(WORK, f"log-thidua-{n}"))
            if t:
                t["rebuild"], t["rebuild_rss_mb"] = rebuild_after_edit(
                    "thidua", cmd, out, os.path.join(site, "content", "individuals", person),
                    os.path.join(WORK, f"log-thidua-{n}"), a.runs)
        if a.hugo:
            hsite = os.path.join(WORK, f"hugo-{n}")
            cmd = lambda out: ["hugo", "--quiet", "-s", hsite, "-d", out]
            out = os.path.join(a.out_root, f"out-hugo-{n}")
            h = measure("hugo", cmd, out, a.runs, os.path.join(WORK, f"log-hugo-{n}"))
            hugo_person = os.path.join(hsite, "content", "vi", "ca-nhan", person.replace(".vi.md", ".md"))
            if h and os.path.exists(hugo_person):
                h["rebuild"], h["rebuild_rss_mb"] = rebuild_after_edit("hugo", cmd, out, hugo_person,
                                                                       os.path.join(WORK, f"log-hugo-{n}"), a.runs)
        if t and h:
            same = "same" if t["pages"] == h["pages"] else f"DIFFER by {t['pages'] - h['pages']:+d}"
            print(f"  pages: thidua {t['pages']}, hugo {h['pages']} ({same})", flush=True)
        results.append({"n": n, "content_files": files, "content_mb": round(mb, 1), "thidua": t, "hugo": h})

    m = machine()
    date = datetime.date.today().isoformat()
    head = ("| N | content | tool | wall (median of {r}) | CPU user+sys | peak RSS | pages | pages/s | rebuild after one edit |"
            .format(r=a.runs))
    lines = [head, "|---:|---:|---|---:|---:|---:|---:|---:|---:|"]
    ratio = ["| N | time Hugo/ThiDua (higher is better) | memory ThiDua/Hugo (lower is better) | "
             "ThiDua's rebuild after one edit ÷ its full build |",
             "|---:|---:|---:|---:|"]
    for r in results:
        content = f"{r['content_files']} files, {r['content_mb']} MB"
        for tool in ("thidua", "hugo"):
            x = r[tool]
            if tool == "hugo" and not a.hugo:
                continue
            lines.append(f"| {r['n']} | {content} | {'ThiDua' if tool == 'thidua' else 'Hugo'} | "
                         f"{fmt(x, 'wall', '.2f')} s | {fmt(x, 'cpu', '.2f')} s | {fmt(x, 'rss_mb', '.0f')} MB | "
                         f"{fmt(x, 'pages', 'd')} | {fmt(x, 'pages_per_s', '.0f')} | "
                         f"{'pending' if not x or x.get('rebuild') is None else format(x['rebuild'], '.2f') + ' s'} |"
                         .replace("pending s", "pending")
                         .replace("pending MB", "pending"))
        t, h = r["thidua"], r["hugo"]
        share = f"{t['rebuild'] / t['wall']:.2f}" if t and t.get("rebuild") else "pending"
        ratio.append(f"| {r['n']} | {h['wall'] / t['wall']:.2f}× | {t['rss_mb'] / h['rss_mb']:.2f}× | {share} |"
                     if t and h else f"| {r['n']} | pending | pending | {share} |")
    text = "\n".join(lines) + "\n\n" + "\n".join(ratio) + "\n\nServe: time from saving one profile to its page " \
        "rebuilt: n/a (no serve yet)\n"
    print()
    m["out_root"] = a.out_root
    print(f"Results {date} on {m['nproc']} × {m['cpu']}, {m['memory']}, {m['os']} (load {' '.join(m['load'])}), "
          f"output under {a.out_root}")
    print(text)
    os.makedirs(WORK, exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y-%m-%d-%H%M")
    with open(os.path.join(WORK, f"results-{stamp}.md"), "w") as f:
        f.write(f"Results {date}\n\n{json.dumps(m, indent=1)}\n\n{text}")
    with open(os.path.join(WORK, f"results-{stamp}.json"), "w") as f:
        json.dump({"date": date, "machine": m, "runs": a.runs, "results": results}, f, indent=1)
    if a.thidua and any(r["thidua"] is None for r in results):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
