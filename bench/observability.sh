#!/usr/bin/env bash
# What metrics and the access log cost: server CPU per `add` request on Payara Micro with
#   baseline   SMCP_METRICS_ENABLED=false SMCP_LOG_ACCESS=false
#   metrics    SMCP_METRICS_ENABLED=true  SMCP_LOG_ACCESS=false   (the budget: within 5 % of baseline)
#   metrics+access log   both on (one log line per request, written by the server's console handler)
# Each configuration gets its own server (settings are read at deployment); the three are measured in turn, twice,
# in one run, and reported as ratios to the baseline of the same round. Loopback only; every load run is bounded.
# Needs: wrk (apt-get install wrk).
#
# usage: bench/observability.sh [seconds per measurement, default 20]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-20}
PORT=${BENCH_PORT:-18080}
OUT=bench/results
mkdir -p "$OUT" target/bench
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
[ -f target/stateless-mcp.war ] && [ -f target/payara-micro/payara-micro.jar ] || mvn -B -q package -DskipTests
CLK_TCK=$(getconf CLK_TCK)
ADD='{"jsonrpc":"2.0","id":1,"method":"add","params":{"a":2,"b":3}}'
cat > target/bench/post.lua <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '$ADD'
LUA

measure() { # $1 = metrics on?, $2 = access log on?  -> prints "µs/request requests non2xx"
    SMCP_METRICS_ENABLED=$1 SMCP_LOG_ACCESS=$2 java -Xmx512m -Dhazelcast.socket.bind.any=false \
        -jar target/payara-micro/payara-micro.jar --deploy target/stateless-mcp.war --contextroot / --port "$PORT" \
        --nocluster --disablephonehome --prebootcommandfile server-config/payara-micro/preboot.asadmin \
        > target/bench/server.log 2>&1 &
    local server=$!
    for _ in $(seq 1 90); do
        grep -q "ready in" target/bench/server.log && break
        sleep 1
    done
    grep -q "ready in" target/bench/server.log || { kill $server; echo "server did not start" >&2; exit 1; }
    wrk -t1 -c32 -d10s -s target/bench/post.lua "http://127.0.0.1:$PORT/mcp" > /dev/null  # warm-up
    local before after out requests errors
    before=$(awk '{print $14 + $15}' "/proc/$server/stat")
    out=$(wrk -t1 -c32 -d"${SECONDS_PER_RUN}s" -s target/bench/post.lua "http://127.0.0.1:$PORT/mcp")
    after=$(awk '{print $14 + $15}' "/proc/$server/stat")
    kill $server
    wait $server 2>/dev/null || true
    requests=$(echo "$out" | awk '/requests in/ {print $1}')
    errors=$(echo "$out" | awk '/Non-2xx/ {print $5}')
    awk -v t=$((after - before)) -v hz="$CLK_TCK" -v n="$requests" -v e="${errors:-0}" \
        'BEGIN {printf "%.1f %d %d\n", t / hz * 1e6 / n, n, e}'
}

{
    echo "# Cost of metrics and the access log — $(date -u +%Y-%m-%dT%H:%MZ)"
    echo
    echo "Machine: $(nproc) cores, $(java -version 2>&1 | head -1). \`add\` in the seed dialect, wrk -t1 -c32"
    echo "-d${SECONDS_PER_RUN}s on loopback after a 10 s warm-up, one fresh server per row. Command:"
    echo "\`bench/observability.sh ${SECONDS_PER_RUN}\`."
    echo
    echo "| round | configuration | requests | non-2xx | server CPU µs/request | ratio to baseline |"
    echo "|---|---|---|---|---|---|"
    for round in 1 2; do
        read -r base n e <<< "$(measure false false)"
        echo "| $round | baseline (metrics off, access log off) | $n | $e | $base | 1.00 |"
        read -r us n e <<< "$(measure true false)"
        echo "| $round | metrics on | $n | $e | $us | $(awk -v a="$us" -v b="$base" 'BEGIN {printf "%.2f", a / b}') |"
        read -r us n e <<< "$(measure true true)"
        echo "| $round | metrics on, access log on | $n | $e | $us | $(awk -v a="$us" -v b="$base" 'BEGIN {printf "%.2f", a / b}') |"
    done
} | tee "$OUT/observability.md"
