#!/usr/bin/env bash
# Builds the libFuzzer targets with clang in build-fuzz and runs each briefly (FUZZ_SECONDS, 30 by
# default) from the committed seeds in fuzz/corpus/. A crash leaves its input in build-fuzz/ and
# fails the script.
set -euo pipefail
cd "$(dirname "$0")/.."
SECS="${FUZZ_SECONDS:-30}"
if [ ! -f build-fuzz/build.ninja ]; then
  CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBF_FUZZ=ON \
    -DBF_WERROR=OFF -DBF_BUILD_BENCH=OFF > /dev/null
fi
ninja -C build-fuzz fuzz_request fuzz_appspec
for t in appspec request; do
  mkdir -p "build-fuzz/corpus/$t"
  echo "fuzz_$t: ${SECS} s"
  (cd build-fuzz && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "./fuzz/fuzz_$t" -max_total_time="$SECS" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
    "corpus/$t" "../fuzz/corpus/$t" 2>&1 | grep -E "^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss|==[0-9]+==ERROR|SUMMARY)" || true)
  ls build-fuzz/crash-* build-fuzz/leak-* build-fuzz/timeout-* 2>/dev/null && { echo "fuzz_$t found a failing input" >&2; exit 1; }
done
echo "fuzz: no crashes"
