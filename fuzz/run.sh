#!/usr/bin/env bash
# Fuzzes "file bytes → model" (SiteLoader + MarkdownRenderer) with libFuzzer for N seconds (default 600).
# Usage: fuzz/run.sh [seconds]        Environment: FUZZ_ASAN=0 to build without AddressSanitizer.
set -euo pipefail
seconds="${1:-600}"
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"

sanitizers=(-Xswiftc -sanitize=fuzzer)
if [ "${FUZZ_ASAN:-1}" != 0 ]; then sanitizers=(-Xswiftc -sanitize=fuzzer,address); fi
swift build -c release --scratch-path .build-fuzz --product thidua-fuzz \
    "${sanitizers[@]}" -Xswiftc -DTHIDUA_FUZZ
binary="$(swift build -c release --scratch-path .build-fuzz --show-bin-path)/thidua-fuzz"

# The working corpus starts from the committed seeds and grows across runs (git-ignored).
mkdir -p fuzz/corpus fuzz/artifacts
cp -n fuzz/corpus-seed/* fuzz/corpus/ 2>/dev/null || true

# Swift's own backtracer would wait on a crash; libFuzzer reports crashes itself.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:handle_abort=1}"
exec "$binary" fuzz/corpus \
    -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix=fuzz/artifacts/ -print_final_stats=1
