#!/usr/bin/env bash
# Benchmark 1 (issue 6): provision USERS users into TENANTS tenants (USERS/TENANTS each, round-robin)
# through the HTTP API with wrk + provision.lua; reports users/s, p50/p99 latency, failures, peak RSS.
# Tenant creation is setup and not part of the measured rate.
# Usage: load/bench/bench1-provision.sh [TENANTS] [USERS]     (defaults 10000 1000000)
# Env: PORT (5101), WRK_THREADS (2), WRK_CONNS (32), HOST_ENV (extra host settings),
#      GCDUMP=FILE: after provisioning, a dotnet-gcdump of the host to FILE with its report in FILE.txt, and
#      FILE.heapstat.txt: `dumpheap -stat` of a dotnet-dump heap dump (exact bytes by type; on .NET 10 the
#      gcdump's event buffering is lossy on large heaps, so its per-type report undercounts). Both tools are
#      the global dotnet tools (dotnet tool install -g dotnet-gcdump dotnet-dump). GCDUMP_WAIT=SECONDS waits
#      that long first (idle users and groups deactivate after Cluster:ResourceCollectionAge): the bytes at rest.
#      WARMUP=N: first provisions N users into the same tenants, not measured (a fresh host runs its first
#      ~40,000 creates on code the JIT has not yet optimized: see load/README.md, "A fresh host's first half minute").
set -euo pipefail
source "$(dirname "$0")/lib.sh"
TENANTS=${1:-${TENANTS:-10000}} USERS=${2:-${USERS:-1000000}}
PORT=${PORT:-5101} THREADS=${WRK_THREADS:-2} CONNS=${WRK_CONNS:-32}

echo "== benchmark 1: provision $USERS users into $TENANTS tenants (wrk -t$THREADS -c$CONNS)"
machine_line
bench_start_host "$PORT"
create_tenants "$TENANTS" b1 "$WORK_DIR/tenants.txt"
if [ "${WARMUP:-0}" -gt 0 ]; then
  provision_users "$WORK_DIR/tenants.txt" "$WARMUP" "" "$THREADS" "$CONNS" "$WORK_DIR/warmup.txt"
  echo "warm-up: $(result_field "$WORK_DIR/warmup.txt" created) users created first, not measured"
fi
read -r rss_before _ < <(host_rss_mib)
provision_users "$WORK_DIR/tenants.txt" "$USERS" "" "$THREADS" "$CONNS" "$WORK_DIR/wrk.txt"
read -r peak current < <(host_rss_mib)
if [ -n "${GCDUMP:-}" ]; then
  sleep "${GCDUMP_WAIT:-0}"
  DOTNET_ROLL_FORWARD=Major dotnet-gcdump collect -p "$HOST_PID" -o "$GCDUMP" > /dev/null
  DOTNET_ROLL_FORWARD=Major dotnet-gcdump report "$GCDUMP" > "$GCDUMP.txt"
  DOTNET_ROLL_FORWARD=Major dotnet-dump collect -p "$HOST_PID" --type Heap -o "$WORK_DIR/heap.dump" > /dev/null
  DOTNET_ROLL_FORWARD=Major dotnet-dump analyze "$WORK_DIR/heap.dump" -c "dumpheap -stat" -c exit > "$GCDUMP.heapstat.txt"
  rm -f "$WORK_DIR/heap.dump"
fi
read -r stored per_min per_max < <(python3 "$BENCH_DIR/count_users.py" "$BASE" "$ADMIN_KEY" "$WORK_DIR/tenants.txt")
out=$WORK_DIR/wrk.txt
created=$(result_field "$out" created) failed=$(result_field "$out" failed) duration=$(result_field "$out" duration_us)
echo "-- wrk"; grep -v '^RESULT' "$out" | sed 's/^/   /'
echo "-- result"
echo "users created (201):  $created of $USERS"
echo "users stored:         $stored (with ${WARMUP:-0} warm-up users; admin userCount summed over the tenants; per tenant $per_min..$per_max)"
echo "non-2xx responses:    $failed"
echo "elapsed:              $(awk -v d="$duration" 'BEGIN {printf "%.1f s", d/1e6}')"
echo "throughput:           $(awk -v c="$created" -v d="$duration" 'BEGIN {printf "%.0f users/s", c/(d/1e6)}')   (target >= 5000)"
echo "latency p50 / p99:    $(us_to_ms "$(result_field "$out" p50_us)") ms / $(us_to_ms "$(result_field "$out" p99_us)") ms   (target p99 < 50 ms); max $(us_to_ms "$(result_field "$out" max_us)") ms"
echo "host RSS:             peak (VmHWM) $peak MiB (target <= 6144); after tenant setup $rss_before MiB; at the end $current MiB"
echo "load average at end:  $(cut -d' ' -f1-3 /proc/loadavg)"
