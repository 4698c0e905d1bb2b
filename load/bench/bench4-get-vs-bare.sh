#!/usr/bin/env bash
# Benchmark 4 (issue 6): GET /Users/{id} through the whole SCIM stack vs a bare minimal-API endpoint of the
# same host returning a JSON document of the same size (get-vs-bare.sh: wrk -t2 -c32, alternating rounds,
# medians and their ratio; target >= 0.8). This wrapper starts the host, creates a tenant and one user
# with a realistic Azure-AD-like body (about 650 bytes returned), runs get-vs-bare.sh and stops the host.
# Usage: load/bench/bench4-get-vs-bare.sh [ROUNDS] [SECONDS]     (defaults 7 rounds of 5 s each)
# Env: PORT (5104), HOST_ENV.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ROUNDS=${1:-${ROUNDS:-7}} SECONDS_PER_RUN=${2:-${SECONDS_PER_RUN:-5}}
PORT=${PORT:-5104}

echo "== benchmark 4: GET /Users/{id} vs a bare endpoint, $ROUNDS rounds of ${SECONDS_PER_RUN}s each (wrk -t2 -c32)"
machine_line
bench_start_host "$PORT"
create_tenants 1 b4 "$WORK_DIR/tenants.txt"
read -r TENANT TOKEN < "$WORK_DIR/tenants.txt"
id=$(create_ad_user "$TENANT" "$TOKEN")
echo "-- result"
"$BENCH_DIR/get-vs-bare.sh" "$BASE" "$TOKEN" "$TENANT" "$id" "$ROUNDS" "$SECONDS_PER_RUN"
read -r peak current < <(host_rss_mib)
echo "host RSS: peak (VmHWM) $peak MiB; load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
