#!/usr/bin/env bash
# Benchmark 7 (issue: official Azure providers): provision USERS users into TENANTS tenants over HTTP,
# first with the in-memory provider, then with the official Azure Table provider on a local Azurite, in
# one run on one machine; reports users/s, p50/p99, and grain storage operations per created user (from
# Orleans' own storage instruments, GET /bench/storage) for each, and the ratios.
# Usage: load/bench/bench7-azure-table.sh [TENANTS] [USERS]     (defaults 100 100000)
# Env: PORT (5107), WRK_THREADS (2), WRK_CONNS (32), AZURITE_PORT (10102).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
TENANTS=${1:-${TENANTS:-100}} USERS=${2:-${USERS:-100000}}
PORT=${PORT:-5107} THREADS=${WRK_THREADS:-2} CONNS=${WRK_CONNS:-32} AZURITE_PORT=${AZURITE_PORT:-10102}
AZURITE="$ROOT/node_modules/.bin/azurite-table"
[ -x "$AZURITE" ] || { echo "Azurite is missing: bash scripts/install-test-deps.sh" >&2; exit 1; }
AZURITE_KEY="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
TABLES="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$AZURITE_KEY;TableEndpoint=http://127.0.0.1:$AZURITE_PORT/devstoreaccount1;"

echo "== benchmark 7: provision $USERS users into $TENANTS tenants, in-memory vs Azure Table on Azurite (wrk -t$THREADS -c$CONNS)"
machine_line

# storage_ops: "reads writes clears" of the running host.
storage_ops() {
  curl -sf "$BASE/bench/storage" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["reads"], d["writes"], d["clears"])'
}

# run_provider LABEL: one provisioning run against a freshly started host; prints its result lines and
# leaves "LABEL users_per_s p50_ms p99_ms ops_per_user" in $WORK_DIR/summary.
run_provider() {
  local label=$1 out="$WORK_DIR/wrk-$1.txt"
  bench_start_host "$PORT"
  create_tenants "$TENANTS" "b7$label" "$WORK_DIR/tenants-$label.txt"
  read -r r0 w0 c0 < <(storage_ops)
  provision_users "$WORK_DIR/tenants-$label.txt" "$USERS" "" "$THREADS" "$CONNS" "$out"
  require_created "$out" "$USERS"
  read -r r1 w1 c1 < <(storage_ops)
  read -r stored _ _ < <(python3 "$BENCH_DIR/count_users.py" "$BASE" "$ADMIN_KEY" "$WORK_DIR/tenants-$label.txt")
  bench_stop_host
  local created duration p50 p99 rate ops
  created=$(result_field "$out" created) duration=$(result_field "$out" duration_us)
  p50=$(us_to_ms "$(result_field "$out" p50_us)") p99=$(us_to_ms "$(result_field "$out" p99_us)")
  rate=$(awk -v c="$created" -v d="$duration" 'BEGIN {printf "%.0f", c/(d/1e6)}')
  ops=$(awk -v r=$((r1 - r0)) -v w=$((w1 - w0)) -v c=$((c1 - c0)) -v n="$created" 'BEGIN {printf "%.2f (%.2f reads, %.2f writes, %.2f clears)", (r+w+c)/n, r/n, w/n, c/n}')
  echo "-- $label: $created users created, $stored stored, non-2xx $(result_field "$out" failed)"
  echo "   throughput $rate users/s; latency p50 $p50 ms, p99 $p99 ms, max $(us_to_ms "$(result_field "$out" max_us)") ms"
  echo "   grain storage operations per created user: $ops"
  echo "$label $rate $p50 $p99 $(awk -v r=$((r1 - r0)) -v w=$((w1 - w0)) -v c=$((c1 - c0)) -v n="$created" 'BEGIN {printf "%.2f", (r+w+c)/n}')" >> "$WORK_DIR/summary"
}

run_provider memory

# In memory: with its default on-disk store, Azurite rewrites its whole database file (hundreds of MB after
# tens of thousands of users) over and over and becomes the only thing measured.
"$AZURITE" --tableHost 127.0.0.1 --tablePort "$AZURITE_PORT" --inMemoryPersistence --skipApiVersionCheck --disableTelemetry --silent &
AZURITE_PID=$!
trap 'kill $AZURITE_PID 2>/dev/null; bench_cleanup' EXIT
until curl -s -o /dev/null "http://127.0.0.1:$AZURITE_PORT"; do
  kill -0 "$AZURITE_PID" 2>/dev/null || { echo "Azurite exited" >&2; exit 1; }
  sleep 0.2
done
HOST_ENV="Storage__Provider=AzureTable Storage__ConnectionString=$TABLES ${HOST_ENV:-}" run_provider azuretable

echo "-- ratios (Azure Table on Azurite / in-memory, same run)"
awk '{rate[$1]=$2; p50[$1]=$3; p99[$1]=$4} END {
  printf "   throughput %.2f, p50 %.1fx, p99 %.1fx\n", rate["azuretable"]/rate["memory"], p50["azuretable"]/p50["memory"], p99["azuretable"]/p99["memory"] }' "$WORK_DIR/summary"
echo "load average at end:  $(cut -d' ' -f1-3 /proc/loadavg)"
