#!/usr/bin/env bash
# Server CPU per request of the foundation's two call paths, measured in one run on one Payara Micro:
#   add      a plain tool: runs on the request thread, answered with one blocking write
#   slow(0)  a CompletionStage tool: the request goes asynchronous and is answered through a WriteListener
#   echo     a plain tool with a string argument
# The figure that matters is server CPU time per request (from /proc/<pid>/stat), stable on a shared machine
# where req/s is not. Loopback only; every load run is bounded in time. Needs: wrk (apt-get install wrk).
#
# usage: bench/foundation.sh [seconds per scenario, default 20]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-20}
PORT=${BENCH_PORT:-18080}
OUT=bench/results
# always from clean: the WAR plugin keeps classes deleted from the sources in its exploded directory
[ -n "${BENCH_NO_BUILD:-}" ] || mvn -B -q -ntp clean package -DskipTests
mkdir -p "$OUT" target/bench
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

java -Xmx512m -Dhazelcast.socket.bind.any=false -jar target/payara-micro/payara-micro.jar \
    --deploy target/stateless-mcp.war --contextroot / --port "$PORT" --nocluster --disablephonehome \
    --prebootcommandfile server-config/payara-micro/preboot.asadmin > target/bench/server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 90); do
    grep -q "ready in" target/bench/server.log && break
    sleep 1
done
grep -q "ready in" target/bench/server.log || { echo "server did not start" >&2; exit 1; }

CLK_TCK=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER/stat"; }
threads() { awk '/^Threads:/ {print $2}' "/proc/$SERVER/status"; }

script() { # $1 = JSON body
    cat > target/bench/post.lua <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '$1'
LUA
}

run() { # $1 = name, $2 = JSON body
    script "$2"
    local before after out requests
    before=$(cpu_ticks)
    out=$(wrk -t1 -c32 -d"${SECONDS_PER_RUN}s" --latency -s target/bench/post.lua "http://127.0.0.1:$PORT/mcp")
    after=$(cpu_ticks)
    requests=$(echo "$out" | awk '/requests in/ {print $1}')
    local errors; errors=$(echo "$out" | awk '/Non-2xx/ {print $5}'); errors=${errors:-0}
    local rps; rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    local p50; p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
    local p99; p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
    local us; us=$(awk -v t=$((after - before)) -v hz="$CLK_TCK" -v n="$requests" 'BEGIN {printf "%.0f", t / hz * 1e6 / n}')
    echo "| $1 | $requests | $rps | $p50 | $p99 | $us | $(threads) | $errors |"
}

ADD='{"jsonrpc":"2.0","id":1,"method":"add","params":{"a":2,"b":3}}'
ECHO='{"jsonrpc":"2.0","id":1,"method":"echo","params":{"message":"hello"}}'
SLOW='{"jsonrpc":"2.0","id":1,"method":"slow","params":{"seconds":0}}'
for body in "$ADD" "$ECHO" "$SLOW" "$ADD" "$ECHO" "$SLOW"; do  # warm every path up before measuring any
    script "$body"
    wrk -t1 -c32 -d5s -s target/bench/post.lua "http://127.0.0.1:$PORT/mcp" > /dev/null
done

{
    echo "# Foundation call paths on Payara Micro — $(date -u +%Y-%m-%dT%H:%MZ)"
    echo
    echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)."
    echo "wrk -t1 -c32 -d${SECONDS_PER_RUN}s on loopback, sharing the cores with the server. Command: \`bench/foundation.sh ${SECONDS_PER_RUN}\`."
    echo
    echo "| scenario | requests | req/s | p50 | p99 | server CPU µs/request | server threads after | non-2xx |"
    echo "|---|---|---|---|---|---|---|---|"
    run "add (request thread, blocking write)" "$ADD"
    run "echo (request thread, blocking write)" "$ECHO"
    run "slow 0 s (CompletionStage, AsyncContext + WriteListener)" "$SLOW"
} | tee "$OUT/foundation.md"
