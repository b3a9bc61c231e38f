#!/usr/bin/env bash
# The project's test command, used by the README and by CI: installs the end-to-end OCPP peer
# (ocpp-rpc from the npm registry), builds the host solution once, runs every test project without
# rebuilding, then prints one summary line. Exits non-zero when any step or any test fails.
set -euo pipefail

cd "$(dirname "$0")/.."

configuration=Release
results_dir="$(mktemp -d)"
trap 'rm -rf "$results_dir"' EXIT
step="start"
trap 'echo "tests/run.sh failed during: $step" >&2' ERR

step="npm ci --prefix tests/e2e"
echo "== $step (ocpp-rpc, the strict OCPP 1.6J central system of the end-to-end tests)"
npm ci --prefix tests/e2e --no-audit --no-fund

# The console test drives the virtual cabinet in a real terminal through tmux (Debian package).
if ! command -v tmux >/dev/null 2>&1; then
    step="apt-get install -y tmux"
    echo "== $step (the technician console test runs the virtual cabinet in a tmux terminal)"
    apt-get update -qq
    apt-get install -y tmux
fi

step="dotnet build KiWhi.Armoire.sln -c $configuration"
echo "== $step"
dotnet build KiWhi.Armoire.sln -c "$configuration" -nologo

step="dotnet test KiWhi.Armoire.sln -c $configuration --no-build"
echo "== $step"
# A test still running after 10 minutes aborts the run, which keeps CI well inside its time limit.
test_status=0
dotnet test KiWhi.Armoire.sln -c "$configuration" --no-build -nologo \
    --logger trx --results-directory "$results_dir" \
    --blame-hang-timeout 10m --blame-hang-dump-type none || test_status=$?

# Each test project writes one .trx file, whose Counters element contains the totals of that project.
sum_counter() {
    local name="$1"
    local files=("$results_dir"/*.trx)
    if [ ! -e "${files[0]}" ]; then
        echo 0
        return
    fi
    awk -v name="$name" '
        match($0, /<Counters [^>]*>/) {
            counters = substr($0, RSTART, RLENGTH)
            if (match(counters, " " name "=\"[0-9]+\"")) {
                value = substr(counters, RSTART, RLENGTH)
                gsub(/[^0-9]/, "", value)
                total += value
            }
        }
        END { print total + 0 }' "${files[@]}"
}

passed="$(sum_counter passed)"
failed="$(sum_counter failed)"
total="$(sum_counter total)"
executed="$(sum_counter executed)"
skipped=$((total - executed))

echo "== Summary (per-project details above)"
echo "Tests: $passed passed, $failed failed, $skipped skipped"

if [ "$test_status" -ne 0 ]; then
    echo "dotnet test failed with exit code $test_status." >&2
    exit "$test_status"
fi
if [ "$failed" -ne 0 ]; then
    echo "$failed test(s) failed." >&2
    exit 1
fi
if [ "$passed" -eq 0 ]; then
    echo "No test ran: check that the test projects are in KiWhi.Armoire.sln." >&2
    exit 1
fi
