#!/usr/bin/env bash
# Issue 15's read-path baselines, in one run: a separate minimal ASP.NET Core process (load/baseline, not the
# product) answering the bytes of a typical GET /Users/{id} from a static buffer (bare) and through a
# co-hosted grain (grain), against the SCIM host's GET /Users/{id} and `userName eq` filter (one tenant, limits
# lifted, one user created with an Azure-AD-like body). wrk -t2 -c32, alternating rounds; medians and the
# ratios to bare (targets: GET >= 0.6, filter >= 0.5).
# Usage: load/bench/bench8-baselines.sh [ROUNDS] [SECONDS]     (defaults 3 rounds of 30 s, as issue 15 defines)
# Env: PORT (5108) for the SCIM host, BASELINE_PORT (5109), HOST_ENV, BENCH_BUILD=1 to rebuild both.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ROUNDS=${1:-3} SECONDS_PER_RUN=${2:-30}
PORT=${PORT:-5108} BASELINE_PORT=${BASELINE_PORT:-5109}
baseline_dir="$ROOT/load/baseline/OrleansScim.Baseline"
baseline_dll="$baseline_dir/bin/Release/net10.0/OrleansScim.Baseline.dll"
BASELINE_PID=
stop_baseline() { [ -z "$BASELINE_PID" ] || kill "$BASELINE_PID" 2>/dev/null || true; }
trap 'rc=$?; stop_baseline; (exit $rc); bench_cleanup' EXIT

echo "== issue 15 baselines: $ROUNDS rounds of ${SECONDS_PER_RUN}s each (wrk -t2 -c32)"
machine_line
if [ "${BENCH_BUILD:-0}" = 1 ] || [ ! -f "$baseline_dll" ]; then
  dotnet build "$baseline_dir" -c Release -v q -nologo >&2
fi
bench_start_host "$PORT"
create_tenants 1 b8 "$WORK_DIR/tenants.txt"
read -r TENANT TOKEN < "$WORK_DIR/tenants.txt"
id=$(create_ad_user "$TENANT" "$TOKEN")
user_url="$BASE/tenants/$TENANT/scim/v2/Users/$id"
filter_url="$BASE/tenants/$TENANT/scim/v2/Users?filter=userName%20eq%20%22adele.vance%40contoso.com%22"
curl -sf "$user_url" -H "Authorization: Bearer $TOKEN" > "$WORK_DIR/document.json"
echo "document: $(wc -c < "$WORK_DIR/document.json") bytes (the SCIM GET's body)"

(cd "$(dirname "$baseline_dll")" && exec dotnet OrleansScim.Baseline.dll --urls "http://127.0.0.1:$BASELINE_PORT" \
  --Document "$WORK_DIR/document.json" --SiloPort $((BASELINE_PORT + 10000)) --GatewayPort $((BASELINE_PORT + 20000))) \
  > "/var/tmp/orleansscim-baseline-$BASELINE_PORT.log" 2>&1 &
BASELINE_PID=$!
for _ in $(seq 1 60); do curl -sf -o /dev/null "http://127.0.0.1:$BASELINE_PORT/grain/x" && break; sleep 1; done
bare_url="http://127.0.0.1:$BASELINE_PORT/bare/$id" grain_url="http://127.0.0.1:$BASELINE_PORT/grain/$id"

# Requests/s of one wrk run; fails on any non-2xx answer or socket error.
rate() {
  local out; out=$(wrk -t2 -c32 -d"${SECONDS_PER_RUN}s" "$@")
  if grep -qE 'Non-2xx|Socket errors' <<<"$out"; then echo "bench8: errors in a run of $*:" >&2; echo "$out" >&2; return 1; fi
  awk '/Requests\/sec/ {print $2}' <<<"$out"
}
saved=$SECONDS_PER_RUN; SECONDS_PER_RUN=3
rate "$bare_url" >/dev/null; rate "$grain_url" >/dev/null; rate -H "Authorization: Bearer $TOKEN" "$user_url" >/dev/null; rate -H "Authorization: Bearer $TOKEN" "$filter_url" >/dev/null
SECONDS_PER_RUN=$saved
bare=(); grain=(); get=(); filter=()
for i in $(seq 1 "$ROUNDS"); do
  bare+=("$(rate "$bare_url")"); grain+=("$(rate "$grain_url")")
  get+=("$(rate -H "Authorization: Bearer $TOKEN" "$user_url")"); filter+=("$(rate -H "Authorization: Bearer $TOKEN" "$filter_url")")
  echo "round $i: bare ${bare[-1]}, grain ${grain[-1]}, SCIM GET ${get[-1]}, SCIM filter ${filter[-1]} req/s"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a/b}'; }
mb=$(median "${bare[@]}") mg=$(median "${grain[@]}") mget=$(median "${get[@]}") mf=$(median "${filter[@]}")
echo "median req/s: bare $mb, grain $mg, SCIM GET $mget, SCIM filter $mf"
echo "ratios to bare: grain $(ratio "$mg" "$mb"), GET $(ratio "$mget" "$mb") (target >= 0.6), filter $(ratio "$mf" "$mb") (target >= 0.5)"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
