#!/usr/bin/env bash
# Benchmark 3 (issue 6): provision USERS users into one tenant (wrk + provision.lua), collect their ids
# (cursor walk), then grow one group to USERS members, BATCH members per PATCH (Azure AD's
# {"op":"Add","path":"members","value":[...]}), timing every PATCH (group_growth.py). Reports the first vs
# the last 100 and 10 PATCHes (mean, median, ratio), the growth per tenth, reads of the big group
# (excludedAttributes=members, membership check filter, full GET) and one-member changes on it vs on a
# 10-member group.
# Usage: load/bench/bench3-group-growth.sh [USERS] [BATCH]     (defaults 100000 100)
# Env: PORT (5103), WRK_THREADS (2), WRK_CONNS (32), HOST_ENV.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
USERS=${1:-${USERS:-100000}} BATCH=${2:-${BATCH:-100}}
PORT=${PORT:-5103} THREADS=${WRK_THREADS:-2} CONNS=${WRK_CONNS:-32}

echo "== benchmark 3: grow a group to $USERS members, $BATCH per PATCH"
machine_line
bench_start_host "$PORT"
create_tenants 1 b3 "$WORK_DIR/tenants.txt"
read -r TENANT TOKEN < "$WORK_DIR/tenants.txt"
provision_users "$WORK_DIR/tenants.txt" "$USERS" member "$THREADS" "$CONNS" "$WORK_DIR/provision.txt"
require_created "$WORK_DIR/provision.txt" "$USERS"
echo "provisioned $USERS users ($(awk -v c="$USERS" -v d="$(result_field "$WORK_DIR/provision.txt" duration_us)" 'BEGIN {printf "%.0f users/s", c/(d/1e6)}'))"
python3 "$BENCH_DIR/group_growth.py" "$BASE" "$TENANT" "$TOKEN" "$USERS" "$BATCH"
read -r peak current < <(host_rss_mib)
echo "host RSS: peak (VmHWM) $peak MiB, at the end $current MiB; load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
