# Shared by the bench*.sh drivers (sourced, not run). Starts and stops the benchmark host, reads its
# peak RSS, prints the machine line, parses wrk's RESULT lines.
# HOST_ENV="Name=value Name2=value2" passes extra settings to the host (e.g. Cluster__GrainCollectionAge=00:02:00).

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/../.." && pwd)
ADMIN_KEY=bench-admin-key-0123456789abcdefghij
HOST_PID=
WRK_PID=
WORK_DIR=$(mktemp -d /tmp/orleansscim-bench.XXXXXX)

bench_cleanup() {
  local rc=$?
  [ -z "$WRK_PID" ] || kill "$WRK_PID" 2>/dev/null || true
  if [ -n "$HOST_PID" ] && kill -0 "$HOST_PID" 2>/dev/null; then
    kill "$HOST_PID" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$HOST_PID" 2>/dev/null || break; sleep 1; done
    kill -9 "$HOST_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK_DIR"
  [ "$rc" = 0 ] || echo "FAILED (exit $rc); host log: /var/tmp/orleansscim-bench-${PORT:-?}.log" >&2
  return "$rc"
}
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

# bench_start_host PORT: starts the host with $HOST_ENV, sets HOST_PID and BASE.
bench_start_host() {
  local port=$1
  # shellcheck disable=SC2086
  HOST_PID=$("$BENCH_DIR/start-host.sh" "$port" ${HOST_ENV:-})
  BASE="http://127.0.0.1:$port"
  echo "host: pid $HOST_PID on $BASE${HOST_ENV:+ with $HOST_ENV} (log /var/tmp/orleansscim-bench-$port.log)"
}

# Stops the host now (the EXIT trap does it too); prints nothing.
bench_stop_host() {
  if [ -n "$HOST_PID" ]; then
    kill "$HOST_PID" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$HOST_PID" 2>/dev/null || break; sleep 1; done
    kill -9 "$HOST_PID" 2>/dev/null || true
    HOST_PID=
  fi
}

# Peak and current RSS of the host in MiB: "peak current".
host_rss_mib() {
  awk '/^VmHWM:/ {p=$2} /^VmRSS:/ {r=$2} END {printf "%.0f %.0f\n", p/1024, r/1024}' "/proc/$HOST_PID/status"
}

machine_line() {
  local cpu commit dirty
  cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
  commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')
  dirty=$(git -C "$ROOT" status --porcelain -- src 2>/dev/null | head -1)
  echo "machine: $(nproc) cores ($cpu), $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) RAM," \
    "$(. /etc/os-release; echo "$PRETTY_NAME"), .NET $(dotnet --version 2>/dev/null), wrk $(wrk -v 2>&1 | awk 'NR==1 {print $2}')"
  echo "code: commit $commit${dirty:+ + uncommitted changes in src/}; date $(date -u '+%Y-%m-%d %H:%M UTC'); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# Creates COUNT tenants PREFIX-0..COUNT-1 (limits raised) and writes "tenantId token" lines to FILE.
create_tenants() {
  python3 "$BENCH_DIR/create_tenants.py" "$BASE" "$ADMIN_KEY" "$1" "$2" "$3"
}

# Value of KEY in a "RESULT key=value ..." line read from a file.
result_field() {
  grep '^RESULT ' "$1" | tr ' ' '\n' | awk -F= -v k="$2" '$1 == k {print $2; exit}'
}

# provision_users TENANTS_FILE TOTAL NAME_PREFIX THREADS CONNS OUT: wrk + provision.lua creates exactly
# TOTAL users (round-robin over the file's tenants); OUT gets wrk's output, ending with a RESULT line.
# NAME_PREFIX "" = random unique names; otherwise userName = PREFIX-<n>@contoso.com, n = 0..TOTAL-1.
provision_users() {
  local file=$1 total=$2 prefix=$3 threads=$4 conns=$5 out=$6
  local most=$(( total / threads * threads ))   # every connection needs at least one create
  [ "$conns" -le "$most" ] || conns=$most
  [ "$conns" -ge "$threads" ] || { echo "provision_users: too few users ($total) for $threads threads" >&2; return 1; }
  local done_dir="$WORK_DIR/done.$RANDOM"; mkdir -p "$done_dir"
  TENANTS_FILE=$file USERS_TOTAL=$total WRK_THREADS=$threads NAME_PREFIX=$prefix DONE_DIR=$done_dir \
    wrk -t"$threads" -c"$conns" -d24h -T30s --latency -s "$BENCH_DIR/provision.lua" "$BASE" > "$out" &
  local wrk_pid=$!; WRK_PID=$wrk_pid
  # wrk's main thread sleeps for -d even when every thread has stopped: wake it with SIGINT once all are done.
  while [ "$(find "$done_dir" -type f | wc -l)" -lt "$threads" ]; do
    if ! kill -0 "$wrk_pid" 2>/dev/null; then wait "$wrk_pid" || true; echo "provision_users: wrk exited early" >&2; cat "$out" >&2; return 1; fi
    if ! kill -0 "$HOST_PID" 2>/dev/null; then kill "$wrk_pid"; echo "provision_users: the host died" >&2; return 1; fi
    sleep 0.1
  done
  kill -INT "$wrk_pid"
  wait "$wrk_pid"
  WRK_PID=
}

# require_created OUT TOTAL: fails unless the provisioning run in OUT created exactly TOTAL users.
require_created() {
  local created; created=$(result_field "$1" created)
  if [ "$created" != "$2" ]; then
    echo "provisioning created ${created:-?} of $2 users; wrk said:" >&2; cat "$1" >&2; return 1
  fi
}

us_to_ms() { awk -v u="$1" 'BEGIN {printf "%.2f", u/1000}'; }

# create_ad_user TENANT TOKEN: creates one user with an Azure-AD-like body (about 650 bytes returned) in
# TENANT on $BASE and prints its id.
create_ad_user() {
  curl -sf -X POST "$BASE/tenants/$1/scim/v2/Users" -H "Authorization: Bearer $2" -H 'Content-Type: application/scim+json' -d '{
    "schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
    "userName":"adele.vance@contoso.com","externalId":"adele.vance","active":true,
    "name":{"givenName":"Adele","familyName":"Vance"},
    "emails":[{"type":"work","value":"adele.vance@contoso.com","primary":true}],
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"100234"}}' \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'
}
