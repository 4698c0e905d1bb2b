#!/usr/bin/env bash
# The project's test command: installs what the tests need, builds, runs every test project and
# type-checks the k6 scripts, then prints "tests: N passed, M failed" from the TRX results.
set -uo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-test-deps.sh || { echo "tests: 0 passed, 1 failed"; exit 1; }

results=.artifacts/test-results
rm -rf "$results"
mkdir -p "$results"

status=0
dotnet build OrleansScim.sln -c Release -nologo -v q || { echo "tests: 0 passed, 1 failed"; exit 1; }
# One project at a time, each with its own TRX file, so no result file can overwrite another.
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=${name}.trx" --logger "console;verbosity=minimal" --results-directory "$results" || status=1
done

extra_passed=0
extra_failed=0
if [ -f load/tsconfig.json ]; then
  echo "Type-checking the k6 scripts against @types/k6..."
  if node_modules/.bin/tsc -p load/tsconfig.json; then extra_passed=$((extra_passed + 1)); else extra_failed=$((extra_failed + 1)); status=1; fi
  echo "Checking the k6 scripts stay ES2019 (k6 v0.46+)..."
  if node load/check-es2019.mjs; then extra_passed=$((extra_passed + 1)); else extra_failed=$((extra_failed + 1)); status=1; fi
fi

passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(echo "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p')
  f=$(echo "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
passed=$((passed + extra_passed))
failed=$((failed + extra_failed))
if [ "$failed" -gt 0 ] || [ "$passed" -eq 0 ]; then status=1; fi
echo "tests: ${passed} passed, ${failed} failed"
exit $status
