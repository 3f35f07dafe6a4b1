#!/usr/bin/env bash
# `make bench`: every benchmark program, printed as medians over repetitions. Figures in the
# README come from this script; on a loaded machine compare CPU time, not wall time.
set -euo pipefail
cd "$(dirname "$0")/.."
REPS=${BENCH_REPETITIONS:-5}
run() {
  local bin=$1
  if [ -x "build/bench/$bin" ]; then
    echo "== $bin"
    "build/bench/$bin" --benchmark_repetitions="$REPS" --benchmark_report_aggregates_only=true 2>/dev/null \
      | grep -E '^(Benchmark|BM_.*_median)'
    echo
  fi
}
for b in analyze_bench analyze_plan_bench plan_bench generate_bench; do run "$b"; done
# Scripted benchmarks (servers, pipelines) add themselves here.
for s in bench/*.sh; do
  [ -e "$s" ] || continue
  echo "== $s"
  bash "$s"
  echo
done
