#!/usr/bin/env bash
# The photo benchmark of issue 11 (see BENCHMARKS.md). A benchmark, not a test.
#
#   bash bench/photos.sh            1,000 phone photos (4,000 x 3,000, sideways, GPS, XMP, IPTC)
#   bash bench/photos.sh 200        another count
#
# Generates a site of N+10% people (bench/gen_site.py), gives N of them a distinct phone photo
# (tests-browser/phone_photos.py, cached under bench/work/), builds thidua in release mode, then
# measures with /usr/bin/time -v: a first build (--full, the store of processed photos emptied),
# a rebuild with nothing changed, and a rebuild after one photo is replaced. Prints wall time,
# CPU, peak RSS and what each build encoded. Output in /dev/shm like bench/run.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000}
WORK=bench/work
SITE="$WORK/photos-$N"
OUT_BASE=${BENCH_OUT:-/dev/shm/thidua-bench-photos}
mkdir -p "$WORK" "$OUT_BASE"
[ -x /usr/bin/time ] || { echo "photos.sh: /usr/bin/time (package 'time') is needed" >&2; exit 1; }
bash tests-browser/install.sh >/dev/null   # libvips-tools and exiftool for the photos

if [ ! -f "$SITE/.photos-done" ]; then
  rm -rf "$SITE"
  python3 bench/gen_site.py $((N + N / 10 + 50)) "$SITE" >/dev/null
  python3 tests-browser/phone_photos.py "$SITE" "$N"
  touch "$SITE/.photos-done"
fi
du -sh "$SITE/content/media" | awk '{print "photos.sh: source photos " $1}'

swift build -c release --product thidua >"$WORK/swift-build.log" 2>&1
THIDUA="$(swift build -c release --show-bin-path)/thidua"
OUT="$OUT_BASE/output"

measure() {  # name, then thidua's arguments
  local name=$1; shift
  local log="$WORK/photos-$N-$name.time"
  /usr/bin/time -v "$THIDUA" build --site "$SITE" --output "$OUT" --quiet "$@" 2>"$log" || { cat "$log"; exit 1; }
  local wall cpu rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log")
  cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.1f", u + s}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%d", $2 / 1024}' "$log")
  printf "| %s | %s | %s s | %s MB |\n" "$name" "$wall" "$cpu" "$rss"
}

echo "photos.sh: N=$N photos; load: $(uptime | sed 's/.*load average: //')"
echo "| build | wall | CPU user+sys | peak RSS |"
echo "|---|---:|---:|---:|"
rm -rf "$OUT" "$OUT_BASE/.output.thidua-cache" "$OUT_BASE/.output.thidua-images" "$OUT_BASE/.output.previous"
measure "first build (every photo encoded)" --full
measure "rebuild, nothing changed"
first=$(ls "$SITE/content/media" | head -1)
cp "$SITE/content/media/$first" "$WORK/photos-$N-saved.jpg"
exiftool -q -overwrite_original -Artist="replaced" "$SITE/content/media/$first"
measure "rebuild after one photo replaced"
cp "$WORK/photos-$N-saved.jpg" "$SITE/content/media/$first"
echo "photos.sh: load after: $(uptime | sed 's/.*load average: //')"
du -sh "$OUT/media" "$OUT_BASE/.output.thidua-images" | awk '{print "photos.sh: " $2 " " $1}'
