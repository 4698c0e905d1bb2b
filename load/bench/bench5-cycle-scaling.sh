#!/usr/bin/env bash
# Benchmark 5 (issue 6): Azure-AD-like cycles (lookup by userName, create, PATCH user, membership PATCH,
# lookup by externalId) against tenant A with USERS_A users and tenant B with USERS_B users (provisioned
# with wrk + provision.lua first), alternating A and B for ROUNDS rounds of PHASE_SECONDS each in one run
# (cycles.py, THREADS threads with keep-alive connections). Reports the median cycles/s of each and the
# ratio B/A (target >= 1/1.2).
# Usage: load/bench/bench5-cycle-scaling.sh [USERS_A] [USERS_B]     (defaults 1000 100000)
# Env: PORT (5105), THREADS (16), ROUNDS (3), PHASE_SECONDS (20), WARMUP (10), WRK_THREADS (2), WRK_CONNS (32), HOST_ENV.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
USERS_A=${1:-${USERS_A:-1000}} USERS_B=${2:-${USERS_B:-100000}}
PORT=${PORT:-5105} WT=${WRK_THREADS:-2} WC=${WRK_CONNS:-32}
export THREADS=${THREADS:-16} ROUNDS=${ROUNDS:-3} PHASE_SECONDS=${PHASE_SECONDS:-20} WARMUP=${WARMUP:-10}

echo "== benchmark 5: cycles against a tenant of $USERS_A users (A) and one of $USERS_B users (B)"
machine_line
bench_start_host "$PORT"
create_tenants 2 b5 "$WORK_DIR/tenants.txt"
sed -n 1p "$WORK_DIR/tenants.txt" > "$WORK_DIR/a.txt"; sed -n 2p "$WORK_DIR/tenants.txt" > "$WORK_DIR/b.txt"
read -r TA KA < "$WORK_DIR/a.txt"; read -r TB KB < "$WORK_DIR/b.txt"
provision_users "$WORK_DIR/a.txt" "$USERS_A" seed "$WT" "$WC" "$WORK_DIR/pa.txt"
require_created "$WORK_DIR/pa.txt" "$USERS_A"
provision_users "$WORK_DIR/b.txt" "$USERS_B" seed "$WT" "$WC" "$WORK_DIR/pb.txt"
require_created "$WORK_DIR/pb.txt" "$USERS_B"
echo "provisioned A: $USERS_A users, B: $USERS_B users" \
  "(B at $(awk -v c="$USERS_B" -v d="$(result_field "$WORK_DIR/pb.txt" duration_us)" 'BEGIN {printf "%.0f users/s", c/(d/1e6)}'))"
python3 "$BENCH_DIR/cycles.py" "$BASE" "$TA" "$KA" "$TB" "$KB"
read -r peak current < <(host_rss_mib)
echo "host RSS: peak (VmHWM) $peak MiB, at the end $current MiB; load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
