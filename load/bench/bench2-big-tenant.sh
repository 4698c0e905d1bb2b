#!/usr/bin/env bash
# Benchmark 2 (issue 6): one tenant with USERS users (userName big-<n>@contoso.com, n = 0..USERS-1,
# provisioned with wrk + provision.lua), then
#   (a) GET /Users?filter=userName eq "big-<random n>@contoso.com" with wrk for LOOKUP_SECONDS: p50/p99
#       under load (-t2 -c32) and, for the unloaded latency, over one connection (-t1 -c1);
#   (b) GET /Users?startIndex=START_INDEX&count=100 with wrk for PAGE_SECONDS: p50/p99 (and the same for
#       startIndex=1, to compare a deep page with the first one), plus GET /Users?count=0 (count query);
#   (c) a cursor walk of the whole tenant (count=1000 pages, nextCursor): resources/s, every user once.
# Usage: load/bench/bench2-big-tenant.sh [USERS]      (default 200000)
# Env: PORT (5102), START_INDEX (USERS*3/4, i.e. 150000), LOOKUP_SECONDS (15), LIGHT_SECONDS (10; 0 skips
#      the one-connection run), PAGE_SECONDS (15), WRK_THREADS (2), WRK_CONNS (32), HOST_ENV.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
USERS=${1:-${USERS:-200000}}
PORT=${PORT:-5102} THREADS=${WRK_THREADS:-2} CONNS=${WRK_CONNS:-32}
START_INDEX=${START_INDEX:-$(( USERS * 3 / 4 ))} LOOKUP_SECONDS=${LOOKUP_SECONDS:-15}
LIGHT_SECONDS=${LIGHT_SECONDS:-10} PAGE_SECONDS=${PAGE_SECONDS:-15}

echo "== benchmark 2: one tenant with $USERS users"
machine_line
bench_start_host "$PORT"
create_tenants 1 b2 "$WORK_DIR/tenants.txt"
read -r TENANT TOKEN < "$WORK_DIR/tenants.txt"
USERS_PATH="/tenants/$TENANT/scim/v2/Users"
provision_users "$WORK_DIR/tenants.txt" "$USERS" big "$THREADS" "$CONNS" "$WORK_DIR/provision.txt"
require_created "$WORK_DIR/provision.txt" "$USERS"
p=$WORK_DIR/provision.txt
echo "provisioned $USERS users in $(awk -v d="$(result_field "$p" duration_us)" 'BEGIN {printf "%.1f s", d/1e6}')" \
  "($(awk -v c="$USERS" -v d="$(result_field "$p" duration_us)" 'BEGIN {printf "%.0f users/s", c/(d/1e6)}'))," \
  "p50 $(us_to_ms "$(result_field "$p" p50_us)") ms, p99 $(us_to_ms "$(result_field "$p" p99_us)") ms"

# run_get NAME SECONDS THREADS CONNS PATH_TEMPLATE EXPECT: wrk + get.lua, one summary line.
run_get() {
  local name=$1 seconds=$2 t=$3 c=$4 template=$5 expect=$6 out="$WORK_DIR/$1.txt"
  TOKEN=$TOKEN PATH_TEMPLATE=$template N=$USERS EXPECT=$expect \
    wrk -t"$t" -c"$c" -d"${seconds}s" -T30s --latency -s "$BENCH_DIR/get.lua" "$BASE" > "$out"
  printf '%-48s %8s req/s   p50 %7s ms   p99 %7s ms   max %7s ms   %s bad answers\n' "$name (-t$t -c$c, ${seconds}s):" \
    "$(result_field "$out" rps)" "$(us_to_ms "$(result_field "$out" p50_us)")" "$(us_to_ms "$(result_field "$out" p99_us)")" \
    "$(us_to_ms "$(result_field "$out" max_us)")" "$(result_field "$out" bad)"
}

lookup="$USERS_PATH?filter=userName%20eq%20%22big-{n}%40contoso.com%22"
# A warm-up pass (JIT, index grains) that is not reported.
TOKEN=$TOKEN PATH_TEMPLATE=$lookup N=$USERS wrk -t"$THREADS" -c"$CONNS" -d3s -s "$BENCH_DIR/get.lua" "$BASE" > /dev/null
echo "-- result"
echo "(a) lookup by userName, a random existing user each time (target p99 < 10 ms):"
run_get "    filter=userName eq" "$LOOKUP_SECONDS" "$THREADS" "$CONNS" "$lookup" '"totalResults":1,'
[ "$LIGHT_SECONDS" = 0 ] || run_get "    filter=userName eq" "$LIGHT_SECONDS" 1 1 "$lookup" '"totalResults":1,'
echo "(b) index paging, 100 resources a page:"
run_get "    startIndex=$START_INDEX&count=100" "$PAGE_SECONDS" "$THREADS" "$CONNS" "$USERS_PATH?startIndex=$START_INDEX&count=100" '"itemsPerPage":100,'
run_get "    startIndex=1&count=100" "$PAGE_SECONDS" "$THREADS" "$CONNS" "$USERS_PATH?startIndex=1&count=100" '"itemsPerPage":100,'
run_get "    count=0 (totalResults only)" 5 "$THREADS" "$CONNS" "$USERS_PATH?count=0" "\"totalResults\":$USERS,"
echo "(c) cursor walk of the whole tenant (count=1000):"
python3 "$BENCH_DIR/cursor_walk.py" "$BASE" "$TENANT" "$TOKEN" "$USERS" 1000 > "$WORK_DIR/walk.txt"
w=$WORK_DIR/walk.txt
echo "    $(result_field "$w" resources) resources ($(result_field "$w" unique) distinct, totalResults $(result_field "$w" total_results))" \
  "in $(result_field "$w" pages) pages, $(result_field "$w" seconds) s: $(result_field "$w" per_s) resources/s;" \
  "page median $(result_field "$w" page_p50_ms) ms, max $(result_field "$w" page_max_ms) ms (first $(result_field "$w" first_page_ms), last $(result_field "$w" last_page_ms))"
read -r peak current < <(host_rss_mib)
echo "host RSS: peak (VmHWM) $peak MiB, at the end $current MiB; load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
