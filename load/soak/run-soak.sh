#!/usr/bin/env bash
# The long soak (issue: hostile input): mixed valid and hostile traffic across many tenants against a real
# host process on loopback, with grain state in a local redis-server (so the process's memory is the
# service's, not its storage's), for DURATION seconds (default 600). The traffic is the CI soak's
# (tests/OrleansScim.Host.Tests/Hardening/SoakDriver.cs): zero 5xx and data equal to what the acknowledged
# requests imply are asserted by the test; the host's RSS is sampled every 30 s into the result file.
#   load/soak/run-soak.sh                # 10 minutes
#   DURATION=120 load/soak/run-soak.sh   # a shorter try
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${DURATION:-600}
HTTP_PORT=${HTTP_PORT:-5390}
REDIS_PORT=${REDIS_PORT:-6390}
ADMIN_KEY=soak-admin-key-0123456789abcdefghijkl
RESULT=${RESULT:-load/results/$(date -u +%Y-%m-%d)-soak.txt}
mkdir -p "$(dirname "$RESULT")"

command -v redis-server > /dev/null || { echo "redis-server is missing: bash scripts/install-test-deps.sh"; exit 1; }
redis-server --port "$REDIS_PORT" --save '' --appendonly no --daemonize yes > /dev/null
dotnet build OrleansScim.sln -c Release -nologo -v q > /dev/null

env Admin__ApiKey=$ADMIN_KEY Storage__Provider=Redis Storage__ConnectionString=127.0.0.1:$REDIS_PORT \
    Cluster__SiloPort=11390 Cluster__GatewayPort=30390 \
    dotnet src/OrleansScim.Host/bin/Release/net10.0/OrleansScim.Host.dll --urls http://127.0.0.1:$HTTP_PORT > /tmp/soak-host.log 2>&1 &
HOST_PID=$!
# The host first (it writes state while it stops), then its storage.
trap 'kill $HOST_PID 2> /dev/null; while kill -0 $HOST_PID 2> /dev/null; do sleep 0.2; done; redis-cli -p $REDIS_PORT shutdown nosave > /dev/null 2>&1 || true' EXIT
until curl -sf http://127.0.0.1:$HTTP_PORT/health/ready > /dev/null; do sleep 0.5; done

{
  echo "# soak $(date -u +%FT%TZ): ${DURATION} s, host pid $HOST_PID, Redis grain storage, $(nproc) cores"
  echo "# seconds  host RSS (MiB)"
} > "$RESULT"
(
  start=$(date +%s)
  while kill -0 $HOST_PID 2> /dev/null; do
    rss=$(awk '/VmRSS/ { print int($2 / 1024) }' /proc/$HOST_PID/status 2> /dev/null || echo 0)
    echo "$(( $(date +%s) - start ))  $rss" >> "$RESULT"
    sleep 30
  done
) &
SAMPLER=$!

status=0
ORLEANSSCIM_SOAK_BASE_URL=http://127.0.0.1:$HTTP_PORT ORLEANSSCIM_SOAK_ADMIN_KEY=$ADMIN_KEY ORLEANSSCIM_SOAK_SECONDS=$DURATION \
  dotnet test tests/OrleansScim.Host.Tests -c Release --no-build --nologo --filter "FullyQualifiedName~SoakTests" \
  --logger "console;verbosity=detailed" 2>&1 | grep -a -E "requests in|Passed|Failed|expected|5xx|grew" | tee -a "$RESULT" || status=1
kill $SAMPLER 2> /dev/null || true
cat "$RESULT"
exit $status
