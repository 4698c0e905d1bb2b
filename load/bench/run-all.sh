#!/usr/bin/env bash
# Builds the host (Release) so that the measured code is the checked-out code, then runs the five issue-6
# benchmarks and the idle-tenants run (bench6) one after another with their default (full) sizes and writes each
# one's output to load/results/<date>-benchN-<name>.txt (also shown on the terminal). A failing
# benchmark is recorded and the next one still runs; the exit code is 1 if any failed.
# Usage: load/bench/run-all.sh            full sizes (takes a long while; run it on a quiet machine)
#        load/bench/run-all.sh --smoke    small sizes and short phases, output to /tmp/orleansscim-smoke/
# Env: RESULTS_DIR (load/results), DATE (today, UTC, YYYY-MM-DD), NO_BUILD=1 (use the existing Release build).
set -uo pipefail
bench_dir=$(cd "$(dirname "$0")" && pwd)
results=${RESULTS_DIR:-$bench_dir/../results}
smoke=0
if [ "${1:-}" = --smoke ]; then smoke=1; results=${RESULTS_DIR:-/tmp/orleansscim-smoke}; fi
mkdir -p "$results"
date=${DATE:-$(date -u +%Y-%m-%d)}
failed=()
if [ "${NO_BUILD:-0}" != 1 ]; then
  echo "building src/OrleansScim.Host (Release)..."
  dotnet build "$bench_dir/../../src/OrleansScim.Host" -c Release -v q -nologo > "$results/$date-build.log" 2>&1 \
    || { echo "build failed; see $results/$date-build.log"; exit 1; }
  rm -f "$results/$date-build.log"
fi

run() {
  local name=$1; shift
  local file="$results/$date-$name.txt"
  echo "### $name -> $file"
  if "$@" 2>&1 | tee "$file"; then :; else failed+=("$name"); fi
  echo
}

if [ "$smoke" = 1 ]; then
  run bench1-provision    "$bench_dir/bench1-provision.sh" 200 5000
  LOOKUP_SECONDS=5 LIGHT_SECONDS=3 PAGE_SECONDS=5 run bench2-big-tenant "$bench_dir/bench2-big-tenant.sh" 2000
  run bench3-group-growth "$bench_dir/bench3-group-growth.sh" 2000 100
  run bench4-get-vs-bare  "$bench_dir/bench4-get-vs-bare.sh" 3 3
  ROUNDS=2 PHASE_SECONDS=5 WARMUP=3 run bench5-cycle-scaling "$bench_dir/bench5-cycle-scaling.sh" 500 5000
  run bench6-idle-tenants "$bench_dir/bench6-idle-tenants.sh" 300
else
  run bench1-provision    "$bench_dir/bench1-provision.sh"
  run bench2-big-tenant   "$bench_dir/bench2-big-tenant.sh"
  run bench3-group-growth "$bench_dir/bench3-group-growth.sh"
  run bench4-get-vs-bare  "$bench_dir/bench4-get-vs-bare.sh"
  run bench5-cycle-scaling "$bench_dir/bench5-cycle-scaling.sh"
  run bench6-idle-tenants "$bench_dir/bench6-idle-tenants.sh"
fi

if [ ${#failed[@]} -gt 0 ]; then echo "failed: ${failed[*]}"; exit 1; fi
echo "all benchmarks ran; outputs in $results/$date-*.txt"
