#!/usr/bin/env bash
# Benchmark 4 (issue 6): GET /Users/{id} through the whole SCIM stack (token auth, tenant throttle,
# grain call, projection, serialisation) against a bare minimal-API endpoint of the same host that
# returns a JSON document of the same size. Same tool (wrk), same connection settings, alternating
# rounds in one run; reports the median of each and their ratio. A third endpoint, /bench/grain/{id}, makes
# the same co-hosted grain call without authentication, throttling or routing groups: it shows how much
# of the gap is the Orleans call itself and how much the SCIM layers.
# Usage: load/bench/get-vs-bare.sh BASE_URL TOKEN TENANT_ID USER_ID [rounds] [seconds]
set -euo pipefail
base=$1 token=$2 tenant=$3 id=$4 rounds=${5:-7} seconds=${6:-5}
user_url="$base/tenants/$tenant/scim/v2/Users/$id"
size=$(curl -sf "$user_url" -H "Authorization: Bearer $token" | wc -c)
bare_url="$base/bench/bare/$size"
grain_url="$base/bench/grain/$id?tokenId=${token%%.*}"
# Requests/s of one wrk run; fails if any answer was not 2xx/3xx or a socket error happened (a fast error
# path must not pass for a fast endpoint).
rate() {
  local out; out=$(wrk -t2 -c32 -d"${seconds}s" "$@")
  if grep -qE 'Non-2xx|Socket errors' <<<"$out"; then echo "get-vs-bare: errors in a run of $*:" >&2; echo "$out" >&2; return 1; fi
  awk '/Requests\/sec/ {print $2}' <<<"$out"
}
echo "document size: $size bytes; warming up..."
rate "$bare_url" >/dev/null; rate -H "Authorization: Bearer $token" "$user_url" >/dev/null
bare=(); scim=(); grain=()
for i in $(seq 1 "$rounds"); do
  bare+=("$(rate "$bare_url")")
  scim+=("$(rate -H "Authorization: Bearer $token" "$user_url")")
  grain+=("$(rate "$grain_url")")
  echo "round $i: bare ${bare[-1]} req/s, SCIM GET ${scim[-1]} req/s, grain call only ${grain[-1]} req/s"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
mb=$(median "${bare[@]}"); ms=$(median "${scim[@]}"); mg=$(median "${grain[@]}")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a/b}'; }
echo "median bare: $mb req/s; median SCIM GET: $ms req/s; ratio: $(ratio "$ms" "$mb") (target >= 0.8)"
echo "median grain call only: $mg req/s; ratio to bare: $(ratio "$mg" "$mb"); SCIM GET / grain call only: $(ratio "$ms" "$mg")"
