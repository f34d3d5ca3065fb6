#!/usr/bin/env bash
# The speed benchmark of issue 4 (see BENCHMARKS.md). A benchmark, not a test.
#
#   bash bench/run.sh              N = 1000 5000 20000, 3 runs each
#   bash bench/run.sh 1000         chosen sizes
#   bash bench/run.sh --quick      N = 200, one run: a smoke test
#   bash bench/run.sh --no-hugo …  ThiDua only
#   bash bench/run.sh --prepare …  generate the sites only, measure nothing
#
# Builds thidua in release mode, generates each synthetic site once (cached
# under bench/work/, regenerated when the generator changes), writes the
# equivalent Hugo site, then times full builds from a clean output folder with
# /usr/bin/time -v and prints both tools side by side.
# THIDUA_SCRATCH=DIR builds with `--scratch-path DIR` (default: .build).
# BENCH_OUT=DIR is where both tools write their sites: by default a folder in
# /dev/shm (RAM), because on this machine's disk (ext4 without a journal) creating
# files right after deleting the last run's costs both tools a third of their time
# in the kernel (see BENCHMARKS.md); BENCH_OUT=bench/work measures on disk.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=bench/work
RUNS=3
HUGO=1
PREPARE=0
NS=()
for arg in "$@"; do
  case "$arg" in
    --quick) NS=(200); RUNS=1 ;;
    --no-hugo) HUGO=0 ;;
    --prepare) PREPARE=1 ;;
    --runs=*) RUNS=${arg#--runs=} ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *[!0-9]*|'') echo "run.sh: unknown argument '$arg'" >&2; exit 2 ;;
    *) NS+=("$arg") ;;
  esac
done
[ ${#NS[@]} -gt 0 ] || NS=(1000 5000 20000)
mkdir -p "$WORK"

# --- tools: GNU time for peak memory (required), Hugo for the comparison
apt_install() {
  local pkgs=("$@")
  echo "run.sh: installing ${pkgs[*]}"
  if [ "$(id -u)" = 0 ]; then SUDO=(); elif command -v sudo >/dev/null; then SUDO=(sudo); else return 1; fi
  "${SUDO[@]}" apt-get update -qq >/dev/null && "${SUDO[@]}" apt-get install -y -qq "${pkgs[@]}" >/dev/null
}
[ -x /usr/bin/time ] || apt_install time || { echo "run.sh: /usr/bin/time (package 'time') is needed" >&2; exit 1; }
if [ "$HUGO" = 1 ] && ! command -v hugo >/dev/null; then
  apt_install hugo || { echo "run.sh: hugo could not be installed; measuring ThiDua alone"; HUGO=0; }
fi

# --- thidua, release build
THIDUA=""
SCRATCH=()
[ -n "${THIDUA_SCRATCH:-}" ] && SCRATCH=(--scratch-path "$THIDUA_SCRATCH")
echo "run.sh: swift build -c release ${SCRATCH[*]}"
if swift build -c release "${SCRATCH[@]}" >"$WORK/swift-build.log" 2>&1; then
  THIDUA="$(swift build -c release "${SCRATCH[@]}" --show-bin-path)/thidua"
else
  echo "run.sh: the release build failed (see $WORK/swift-build.log); ThiDua's figures will read 'pending'"
  tail -n 15 "$WORK/swift-build.log"
fi

# --- sites, generated once per generator version
stamp_of() { cat "$@" | sha256sum | cut -c1-16; }
SITE_STAMP=$(stamp_of bench/gen_site.py bench/vocab.py)
HUGO_STAMP=$(stamp_of bench/gen_hugo.py $(find bench/hugo -type f | sort))-$SITE_STAMP
for n in "${NS[@]}"; do
  site=$WORK/site-$n
  if [ "$(cat "$site/.stamp" 2>/dev/null)" != "$SITE_STAMP" ]; then
    echo "run.sh: generating the site with N=$n"
    rm -rf "$site"
    python3 bench/gen_site.py "$n" "$site"
    echo "$SITE_STAMP" >"$site/.stamp"
  fi
  # No templates/: the look measured is the built-in theme of the binary being measured.
  # (Removed for sites generated when the repository still copied its templates in.)
  rm -rf "$site/templates"
  if [ "$HUGO" = 1 ] && [ "$(cat "$WORK/hugo-$n/.stamp" 2>/dev/null)" != "$HUGO_STAMP" ]; then
    echo "run.sh: writing the equivalent Hugo site with N=$n"
    python3 bench/gen_hugo.py "$site" "$WORK/hugo-$n"
    echo "$HUGO_STAMP" >"$WORK/hugo-$n/.stamp"
  fi
done

[ "$PREPARE" = 1 ] && { echo "run.sh: sites ready under $WORK"; exit 0; }

# --- measure
OUT=${BENCH_OUT:-}
if [ -z "$OUT" ]; then
  if [ -d /dev/shm ] && [ -w /dev/shm ]; then OUT=/dev/shm/thidua-bench; else OUT=$WORK; fi
fi
ARGS=(--runs "$RUNS" --out-root "$OUT")
[ -n "$THIDUA" ] && ARGS+=(--thidua "$THIDUA")
[ "$HUGO" = 1 ] && ARGS+=(--hugo)
status=0
python3 bench/measure.py "${ARGS[@]}" "${NS[@]}" || status=$?
# The generated sites are large (a few GB at N = 20,000): RAM is given back.
[ "$OUT" = "$WORK" ] || rm -rf "$OUT"
exit $status
