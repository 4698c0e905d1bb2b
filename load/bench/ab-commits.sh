#!/usr/bin/env bash
# Before/after for a hot-path change: builds BEFORE (a commit) in a git worktree beside the working tree,
# starts both hosts, and runs the same wrk measurements against each, alternating rounds in one run:
# GET /Users/{id} (one user, realistic Azure AD body) and the userName eq filter, wrk -t2 -c32, and an
# Azure AD membership PATCH adding GROUP_MEMBERS (100) members to a new group (group_patch.py, median of 5
# per round), and CREATES (5000) POST /Users at -t2 -c32 (provision.lua; users/s from first request to
# last answer). Prints each round and the medians with the ratio after/before.
# Usage: load/bench/ab-commits.sh BEFORE_COMMIT [ROUNDS] [SECONDS]     (defaults 5 rounds of 10 s)
# Env: PORT_BEFORE (5201), PORT_AFTER (5202), AFTER_ENV (settings for the after host only, e.g. to
# find which part of a change costs what: "Telemetry__Prometheus=false"), BOTH_ENV (settings for both hosts,
# e.g. durable storage: "Storage__Provider=AzureTable Storage__ConnectionString=..."; each host gets its own
# table, ab5201 and ab5202, through Storage__TableName).
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$BENCH_DIR/../.." && pwd)
BEFORE=$1 ROUNDS=${2:-5} SECONDS_PER_RUN=${3:-10}
PORT_BEFORE=${PORT_BEFORE:-5201} PORT_AFTER=${PORT_AFTER:-5202}
KEY=bench-admin-key-0123456789abcdefghij
worktree=$(mktemp -d /tmp/orleansscim-before.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; git -C "$ROOT" worktree remove --force "$worktree" 2>/dev/null || true; }
trap cleanup EXIT

git -C "$ROOT" worktree add --detach "$worktree" "$BEFORE" >/dev/null
echo "== before: $(git -C "$ROOT" log -1 --format='%h %s' "$BEFORE" | cut -c1-100)"
echo "== after:  working tree at $(git -C "$ROOT" log -1 --format='%h' HEAD)$(git -C "$ROOT" diff --quiet HEAD -- src || echo ' + uncommitted src changes')"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo), $(dotnet --version), $(date -u '+%Y-%m-%d %H:%M UTC')"
dotnet build "$worktree/src/OrleansScim.Host" -c Release -v q -nologo >/dev/null
dotnet build "$ROOT/src/OrleansScim.Host" -c Release -v q -nologo >/dev/null
# shellcheck disable=SC2086
pids+=("$("$worktree/load/bench/start-host.sh" "$PORT_BEFORE" ${BOTH_ENV:+$BOTH_ENV Storage__TableName=ab$PORT_BEFORE})")
# shellcheck disable=SC2086
pids+=("$("$ROOT/load/bench/start-host.sh" "$PORT_AFTER" ${BOTH_ENV:+$BOTH_ENV Storage__TableName=ab$PORT_AFTER} ${AFTER_ENV:-})")

# setup PORT: a tenant and one user; prints "token tenant id"
setup() {
  local base="http://127.0.0.1:$1" t token id
  t=$(curl -sf -X POST "$base/admin/tenants" -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' -d "{\"tenantId\":\"ab$1\"}")
  token=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])' <<<"$t")
  curl -sf -X PUT "$base/admin/tenants/ab$1/limits" -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' -d '{"requestsPerSecond":1000000,"burst":10000000}' >/dev/null
  id=$(curl -sf -X POST "$base/tenants/ab$1/scim/v2/Users" -H "Authorization: Bearer $token" -H 'Content-Type: application/scim+json' -d '{
    "schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
    "userName":"adele.vance@contoso.com","externalId":"adele.vance","active":true,
    "name":{"givenName":"Adele","familyName":"Vance"},
    "emails":[{"type":"work","value":"adele.vance@contoso.com","primary":true}],
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"100234"}}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  echo "$token ab$1 $id"
}
read -r tb nb ib < <(setup "$PORT_BEFORE")
read -r ta na ia < <(setup "$PORT_AFTER")

# rate PORT TOKEN PATH: requests/s of one wrk run; fails on any non-2xx or socket error.
rate() {
  local out; out=$(wrk -t2 -c32 -d"${SECONDS_PER_RUN}s" -H "Authorization: Bearer $2" "http://127.0.0.1:$1$3")
  if grep -qE 'Non-2xx|Socket errors' <<<"$out"; then echo "ab-commits: errors in a run of $3:" >&2; echo "$out" >&2; return 1; fi
  awk '/Requests\/sec/ {print $2}' <<<"$out"
}
# creates PORT TOKEN TENANT: users/s of CREATES creates into the tenant (random userNames); fails on any non-201.
CREATES=${CREATES:-5000}
creates() {
  local file out done_dir w
  file=$(mktemp) out=$(mktemp) done_dir=$(mktemp -d)
  echo "$3 $2" > "$file"
  TENANTS_FILE=$file USERS_TOTAL=$CREATES WRK_THREADS=2 NAME_PREFIX= DONE_DIR=$done_dir \
    wrk -t2 -c32 -d24h -T30s -s "$BENCH_DIR/provision.lua" "http://127.0.0.1:$1" > "$out" &
  w=$!
  # wrk's main thread sleeps for -d: wake it once both threads have had their last answer.
  while [ "$(find "$done_dir" -type f | wc -l)" -lt 2 ]; do
    kill -0 "$w" 2>/dev/null || { echo "ab-commits: wrk exited early" >&2; cat "$out" >&2; return 1; }
    sleep 0.1
  done
  kill -INT "$w"; wait "$w" || true
  local line; line=$(grep '^RESULT ' "$out")
  rm -rf "$file" "$out" "$done_dir"
  python3 - "$line" "$CREATES" <<'PY'
import sys
fields = dict(kv.split("=", 1) for kv in sys.argv[1].split()[1:])
if int(fields["failed"]) or int(fields["created"]) != int(sys.argv[2]):
    sys.exit("ab-commits: creates failed: " + sys.argv[1])
print(round(int(fields["created"]) / (int(fields["duration_us"]) / 1e6)))
PY
}

filter='?filter=userName%20eq%20%22adele.vance%40contoso.com%22'
declare -A r
for which in get filter patch create; do r[before-$which]=""; r[after-$which]=""; done
MEMBERS=${GROUP_MEMBERS:-100}
SECONDS_SAVED=$SECONDS_PER_RUN; SECONDS_PER_RUN=3
rate "$PORT_BEFORE" "$tb" "/tenants/$nb/scim/v2/Users/$ib" >/dev/null; rate "$PORT_AFTER" "$ta" "/tenants/$na/scim/v2/Users/$ia" >/dev/null
SECONDS_PER_RUN=$SECONDS_SAVED
for i in $(seq 1 "$ROUNDS"); do
  b=$(rate "$PORT_BEFORE" "$tb" "/tenants/$nb/scim/v2/Users/$ib"); a=$(rate "$PORT_AFTER" "$ta" "/tenants/$na/scim/v2/Users/$ia")
  bf=$(rate "$PORT_BEFORE" "$tb" "/tenants/$nb/scim/v2/Users$filter"); af=$(rate "$PORT_AFTER" "$ta" "/tenants/$na/scim/v2/Users$filter")
  bp=$(python3 "$BENCH_DIR/group_patch.py" "http://127.0.0.1:$PORT_BEFORE" "$tb" "$nb" "$MEMBERS" 5)
  ap=$(python3 "$BENCH_DIR/group_patch.py" "http://127.0.0.1:$PORT_AFTER" "$ta" "$na" "$MEMBERS" 5)
  bc=$(creates "$PORT_BEFORE" "$tb" "$nb"); ac=$(creates "$PORT_AFTER" "$ta" "$na")
  r[before-get]+=" $b"; r[after-get]+=" $a"; r[before-filter]+=" $bf"; r[after-filter]+=" $af"; r[before-patch]+=" $bp"; r[after-patch]+=" $ap"
  r[before-create]+=" $bc"; r[after-create]+=" $ac"
  echo "round $i: GET by id before $b after $a req/s; filter before $bf after $af req/s; $MEMBERS-member PATCH before $bp after $ap ms; creates before $bc after $ac users/s"
done
median() { tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
for which in get filter patch create; do
  mb=$(median "${r[before-$which]}"); ma=$(median "${r[after-$which]}")
  unit=$(case $which in patch) echo ms;; create) echo users/s;; *) echo req/s;; esac)
  echo "median $which: before $mb $unit, after $ma $unit, after/before $(awk -v a="$ma" -v b="$mb" 'BEGIN {printf "%.3f", a/b}')"
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
