#!/usr/bin/env bash
# Runs the AriaPro test suite on a fresh machine that has only the .NET SDK.
#   ./test.sh              every test
#   ./test.sh unit         one category: unit | integration | load
# It installs redis-server, promtool, docker-compose, Chromium, the DejaVu fonts and Node.js (Debian packages redis-server, prometheus, docker-compose, chromium,
# fonts-dejavu-core, nodejs, npm) when missing, and the OpenAPI and Kubernetes validators (npm ci in tests/contract), starts Redis on a free loopback
# port for the tests, builds Release (zero warnings: warnings are errors), runs every test
# project, stops what it started, and ends with: Tests: N passed, N failed, N skipped (a skipped test fails the run)
set -uo pipefail
cd "$(dirname "$0")"

category="${1:-all}"
case "$category" in
  all) filter="" ;;
  unit) filter="Category=Unit" ;;
  integration) filter="Category=Integration" ;;
  load) filter="Category=Load" ;;
  *) echo "usage: ./test.sh [all|unit|integration|load]" >&2; exit 2 ;;
esac

run_dir="$(pwd)/.test-run"
rm -rf "$run_dir" && mkdir -p "$run_dir/results"
redis_pid=""

cleanup() {
  if [ -n "$redis_pid" ]; then kill "$redis_pid" 2>/dev/null; fi
}
trap cleanup EXIT

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

ensure_redis() {
  if command -v redis-server >/dev/null 2>&1; then return 0; fi
  echo "test.sh: installing redis-server (Debian package)"
  as_root apt-get update -qq >/dev/null && \
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq redis-server >/dev/null
}

# promtool (Debian's prometheus package) is the real parser the metrics exposition is checked with.
ensure_promtool() {
  if command -v promtool >/dev/null 2>&1; then return 0; fi
  echo "test.sh: installing promtool (Debian package prometheus)"
  as_root apt-get update -qq >/dev/null && \
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends prometheus >/dev/null
}

# docker-compose (Debian package) validates deploy/docker-compose.yml against the compose specification's
# schema it ships, and resolves it for the test that runs its silos as processes (no Docker daemon needed).
ensure_compose() {
  if command -v docker-compose >/dev/null 2>&1; then return 0; fi
  echo "test.sh: installing docker-compose (Debian package)"
  as_root apt-get update -qq >/dev/null && \
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends docker-compose >/dev/null
}

# Chromium (Debian's chromium package) is the browser the web console's tests drive through Playwright;
# never `playwright install`: the tests launch /usr/lib/chromium/chromium.
ensure_chromium() {
  if [ -x /usr/lib/chromium/chromium ]; then return 0; fi
  echo "test.sh: installing chromium (Debian package)"
  as_root apt-get update -qq >/dev/null && \
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium >/dev/null
}

# The replay's charts are drawn with DejaVu Sans (Debian's fonts-dejavu-core), the same on every machine.
ensure_fonts() {
  if [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then return 0; fi
  echo "test.sh: installing fonts-dejavu-core (Debian package)"
  as_root apt-get update -qq >/dev/null && \
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq fonts-dejavu-core >/dev/null
}

# The OpenAPI contract test validates the facade's document with @apidevtools/swagger-parser, run by
# Node.js (Debian's nodejs and npm) and installed from tests/contract/package-lock.json.
ensure_node() {
  if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then return 0; fi
  echo "test.sh: installing nodejs and npm (Debian packages)"
  as_root apt-get update -qq >/dev/null && \
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq nodejs npm >/dev/null
}

ensure_validator() {
  if [ -d tests/contract/node_modules/@apidevtools/swagger-parser ] && [ -d tests/contract/node_modules/kubernetes-models ]; then return 0; fi
  echo "test.sh: installing the OpenAPI and Kubernetes validators (npm ci in tests/contract)"
  (cd tests/contract && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
}

free_port() {
  local port
  for _ in $(seq 1 100); do
    port=$((20000 + RANDOM % 30000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  return 1
}

start_redis() {
  local port
  port="$(free_port)" || { echo "test.sh: no free port for Redis" >&2; return 1; }
  redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no \
    --dir "$run_dir" --logfile "$run_dir/redis.log" --daemonize no >/dev/null 2>&1 &
  redis_pid=$!
  for _ in $(seq 1 100); do
    if [ "$(redis-cli -p "$port" ping 2>/dev/null)" = "PONG" ]; then
      export ARIA_TEST_REDIS="127.0.0.1:$port"
      echo "test.sh: redis-server $(redis-server --version | awk '{print $3}') on $ARIA_TEST_REDIS"
      return 0
    fi
    sleep 0.1
  done
  echo "test.sh: redis-server did not start; see $run_dir/redis.log" >&2
  return 1
}

ensure_redis || { echo "test.sh: could not install redis-server" >&2; echo "Tests: 0 passed, 1 failed, 0 skipped"; exit 1; }
start_redis || { echo "Tests: 0 passed, 1 failed, 0 skipped"; exit 1; }
ensure_promtool || { echo "test.sh: could not install promtool" >&2; echo "Tests: 0 passed, 1 failed, 0 skipped"; exit 1; }
ensure_compose || { echo "test.sh: could not install docker-compose" >&2; echo "Tests: 0 passed, 1 failed, 0 skipped"; exit 1; }
ensure_chromium || { echo "test.sh: could not install chromium" >&2; echo "Tests: 0 passed, 1 failed, 0 skipped"; exit 1; }
ensure_fonts || { echo "test.sh: could not install fonts-dejavu-core" >&2; echo "Tests: 0 passed, 1 failed, 0 skipped"; exit 1; }
ensure_node || { echo "test.sh: could not install nodejs and npm" >&2; echo "Tests: 0 passed, 1 failed, 0 skipped"; exit 1; }
ensure_validator || { echo "test.sh: could not install the OpenAPI and Kubernetes validators (tests/contract)" >&2; echo "Tests: 0 passed, 1 failed, 0 skipped"; exit 1; }

# What tests keep for people to look at (the console's screenshot): .test-run/artifacts.
export ARIA_TEST_ARTIFACTS="$run_dir/artifacts"
# A durable silo a test starts without ARIA_DATA_DIR lands here, never in the user's own data folder.
export XDG_DATA_HOME="$run_dir/xdg-data"
mkdir -p "$ARIA_TEST_ARTIFACTS"

echo "test.sh: building Release"
if ! dotnet build AriaPro.sln -c Release -nologo -v quiet 2>&1 | tee "$run_dir/build.log" | grep -E "error|warn" ; then :; fi
if ! grep -q "0 Error(s)" "$run_dir/build.log" || ! grep -q "0 Warning(s)" "$run_dir/build.log"; then
  echo "test.sh: the Release build failed or has warnings; see $run_dir/build.log" >&2
  echo "Tests: 0 passed, 1 failed, 0 skipped"
  exit 1
fi

echo "test.sh: running $category tests"
dotnet test AriaPro.sln -c Release --no-build -nologo ${filter:+--filter "$filter"} \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$run_dir/results" 2>&1 \
  | tee "$run_dir/test.log" | grep -E "^\s*(Failed|Skipped) |Passed!|Failed!|error" || true
test_rc=${PIPESTATUS[0]}

passed=0; failed=0; skipped=0
for trx in "$run_dir"/results/*.trx; do
  [ -f "$trx" ] || continue
  counters="$(grep -o '<Counters [^>]*>' "$trx")"
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed)))
  skipped=$((skipped + $(get total) - $(get executed)))
done

if [ "$test_rc" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
# This script installs and starts everything a test needs, so a skipped test means something it
# needs is missing: that fails the run instead of hiding the gap.
if [ "$skipped" -gt 0 ]; then
  echo "test.sh: $skipped tests were skipped; see $run_dir/test.log for what they lacked" >&2
  grep -E "^\s*Skipped " "$run_dir/test.log" >&2 || true
fi
echo "Tests: $passed passed, $failed failed, $skipped skipped"
[ "$test_rc" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$skipped" -eq 0 ]
