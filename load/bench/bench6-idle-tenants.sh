#!/usr/bin/env bash
# Extra measurement for issue 6's "100,000 tenants can exist at once; an idle tenant costs no memory":
# creates TENANTS tenants and one user in each (so every tenant has had its tenant, token, throttle,
# directory, segment and user grains active), then leaves them idle past the grain collection age and
# reports the host's activations and managed heap (after a forced full collection) at each step. Ends by
# reading one user of a random tenant through SCIM (reloaded from storage) and its admin counts.
# Usage: load/bench/bench6-idle-tenants.sh [TENANTS]     (default 100000)
# Env: PORT (5106), IDLE_SECONDS (150; must exceed the collection age plus Orleans' one-minute quantum),
#      HOST_ENV (default Cluster__GrainCollectionAge=00:01:10, so the run takes minutes, not a quarter hour).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
TENANTS=${1:-${TENANTS:-100000}}
PORT=${PORT:-5106} IDLE_SECONDS=${IDLE_SECONDS:-150}
HOST_ENV=${HOST_ENV:-Cluster__GrainCollectionAge=00:01:10}

memory() { python3 "$BENCH_DIR/memory_report.py" "$BASE"; }

echo "== idle tenants: $TENANTS tenants with one user each, then idle for ${IDLE_SECONDS}s"
machine_line
bench_start_host "$PORT"
echo "after start:            $(memory)"
start=$(date +%s.%N)
create_tenants "$TENANTS" b6 "$WORK_DIR/tenants.txt"
echo "tenants created:        $(memory)"
provision_users "$WORK_DIR/tenants.txt" "$TENANTS" "" 2 32 "$WORK_DIR/wrk.txt"
require_created "$WORK_DIR/wrk.txt" "$TENANTS"
echo "one user in each:       $(memory)"
echo "setup took $(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN {printf "%.0f", e-s}') s; now idle for ${IDLE_SECONDS}s..."
sleep "$IDLE_SECONDS"
echo "after ${IDLE_SECONDS}s idle:      $(memory)"
read -r tenant token < <(shuf -n 1 "$WORK_DIR/tenants.txt")
list=$(curl -sf "$BASE/tenants/$tenant/scim/v2/Users" -H "Authorization: Bearer $token")
admin=$(curl -sf "$BASE/admin/tenants/$tenant" -H "Authorization: Bearer $ADMIN_KEY")
python3 - "$tenant" "$list" "$admin" <<'PY'
import json, sys
tenant, listing, admin = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3])
ok = listing["totalResults"] == 1 and len(listing["Resources"]) == 1 and admin["userCount"] == 1
print(f"idle tenant {tenant} used again: {listing['totalResults']} user listed, admin userCount {admin['userCount']}: {'ok' if ok else 'WRONG'}")
sys.exit(0 if ok else 1)
PY
echo "after that one request: $(memory)"
read -r peak _ < <(host_rss_mib)
echo "host RSS: peak (VmHWM) $peak MiB; load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
