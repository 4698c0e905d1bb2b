#!/usr/bin/env bash
# Starts a Release build of the host for benchmarks: in-memory storage, throttling out of the way,
# the benchmark baseline endpoint on, run from its own folder (so appsettings.json applies).
# Usage: load/bench/start-host.sh PORT [extra env assignments...]; prints the PID once the host is
# ready (GET /health/ready). Fails (exit 1, host stopped, log tail on stderr) if the port is already
# taken or the host is not ready within 90 s. The host's log goes to /var/tmp/orleansscim-bench-PORT.log.
# Set BENCH_BUILD=1 to rebuild even when the dll exists.
set -euo pipefail
port=$1; shift
root=$(cd "$(dirname "$0")/../.." && pwd)
dll_dir=${HOST_DIR:-"$root/src/OrleansScim.Host/bin/Release/net10.0"}
log="/var/tmp/orleansscim-bench-$port.log"
if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$port/health/live"; then
  echo "start-host: something already answers on port $port; pick another port" >&2
  exit 1
fi
if [ "${BENCH_BUILD:-0}" = 1 ] || [ ! -f "$dll_dir/OrleansScim.Host.dll" ]; then
  dotnet build "$root/src/OrleansScim.Host" -c Release -v q -nologo >&2
fi
cd "$dll_dir"
env Admin__ApiKey=bench-admin-key-0123456789abcdefghij Benchmarks__Enabled=true \
  Throttling__RequestsPerSecond=1000000 Throttling__Burst=1000000 \
  Throttling__UnauthenticatedRequestsPerSecond=100000 Throttling__UnauthenticatedBurst=100000 \
  Cluster__SiloPort=$((port + 10000)) Cluster__GatewayPort=$((port + 20000)) \
  "$@" nohup dotnet OrleansScim.Host.dll --urls "http://127.0.0.1:$port" > "$log" 2>&1 &
pid=$!
for _ in $(seq 1 90); do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "start-host: the host exited during start; last lines of $log:" >&2; tail -20 "$log" >&2; exit 1
  fi
  if curl -sf -o /dev/null --max-time 2 "http://127.0.0.1:$port/health/ready"; then
    echo "$pid"; exit 0
  fi
  sleep 1
done
echo "start-host: not ready after 90 s; stopping it; last lines of $log:" >&2; tail -20 "$log" >&2
kill "$pid" 2>/dev/null || true
exit 1
