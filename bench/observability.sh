#!/usr/bin/env bash
# What metrics and the access log cost: server CPU per `add` request on Payara Micro, three servers side by side:
#   baseline   SMCP_METRICS_ENABLED=false SMCP_LOG_ACCESS=false
#   metrics    SMCP_METRICS_ENABLED=true  SMCP_LOG_ACCESS=false   (the budget: within 5 % of baseline)
#   metrics + access log   both on (one log line per request, written by the server's console handler)
# Settings are read at deployment, so each configuration is its own server; all three run at once and the load
# goes to them in turn, in short slices, several times, so that a shared machine's drift touches all three alike.
# Each server's CPU is summed over its own slices. Loopback only; every load run is bounded in time.
# Needs: wrk (apt-get install wrk).
#
# usage: bench/observability.sh [seconds per slice, default 10] [slices per server, default 6]
set -euo pipefail
cd "$(dirname "$0")/.."
SLICE=${1:-10}
SLICES=${2:-6}
BASE_PORT=${BENCH_PORT:-18080}
OUT=bench/results
# always from clean: the WAR plugin keeps classes deleted from the sources in its exploded directory
[ -n "${BENCH_NO_BUILD:-}" ] || mvn -B -q -ntp clean package -DskipTests
mkdir -p "$OUT" target/bench
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
CLK_TCK=$(getconf CLK_TCK)
cat > target/bench/post.lua <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"jsonrpc":"2.0","id":1,"method":"add","params":{"a":2,"b":3}}'
LUA

NAMES=("baseline (metrics off, access log off)" "metrics on" "metrics on, access log on")
METRICS=(false true true)
ACCESS=(false false true)
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
for i in 0 1 2; do
    SMCP_METRICS_ENABLED=${METRICS[$i]} SMCP_LOG_ACCESS=${ACCESS[$i]} java -Xmx512m -Dhazelcast.socket.bind.any=false \
        -jar target/payara-micro/payara-micro.jar --deploy target/stateless-mcp.war --contextroot / \
        --port $((BASE_PORT + i)) --nocluster --disablephonehome \
        --prebootcommandfile server-config/payara-micro/preboot.asadmin > "target/bench/server-$i.log" 2>&1 &
    PIDS+=($!)
done
for i in 0 1 2; do
    for _ in $(seq 1 120); do
        grep -q "ready in" "target/bench/server-$i.log" && break
        sleep 1
    done
    grep -q "ready in" "target/bench/server-$i.log" || { echo "server $i did not start" >&2; exit 1; }
done
for _ in 1 2; do  # warm every server up
    for i in 0 1 2; do
        wrk -t1 -c32 -d"${SLICE}s" -s target/bench/post.lua "http://127.0.0.1:$((BASE_PORT + i))/mcp" > /dev/null
    done
done

TICKS=(0 0 0)
REQUESTS=(0 0 0)
ERRORS=(0 0 0)
for _ in $(seq 1 "$SLICES"); do
    for i in 0 1 2; do
        before=$(awk '{print $14 + $15}' "/proc/${PIDS[$i]}/stat")
        out=$(wrk -t1 -c32 -d"${SLICE}s" -s target/bench/post.lua "http://127.0.0.1:$((BASE_PORT + i))/mcp")
        after=$(awk '{print $14 + $15}' "/proc/${PIDS[$i]}/stat")
        TICKS[$i]=$((TICKS[$i] + after - before))
        REQUESTS[$i]=$((REQUESTS[$i] + $(echo "$out" | awk '/requests in/ {print $1}')))
        ERRORS[$i]=$((ERRORS[$i] + $(echo "$out" | awk '/Non-2xx/ {print $5} END {print 0}' | head -1)))
    done
done

us() { awk -v t="${TICKS[$1]}" -v hz="$CLK_TCK" -v n="${REQUESTS[$1]}" 'BEGIN {printf "%.1f", t / hz * 1e6 / n}'; }
{
    echo "# Cost of metrics and the access log — $(date -u +%Y-%m-%dT%H:%MZ)"
    echo
    echo "Machine: $(nproc) cores, $(java -version 2>&1 | head -1). \`add\` in the seed dialect; three Payara Micro"
    echo "servers side by side, loaded in turn with wrk -t1 -c32 in ${SLICES} slices of ${SLICE} s each after a warm-up."
    echo "Command: \`bench/observability.sh ${SLICE} ${SLICES}\`."
    echo
    echo "| configuration | requests | non-2xx | server CPU µs/request | ratio to baseline |"
    echo "|---|---|---|---|---|"
    base=$(us 0)
    for i in 0 1 2; do
        echo "| ${NAMES[$i]} | ${REQUESTS[$i]} | ${ERRORS[$i]} | $(us "$i") | $(awk -v a="$(us "$i")" -v b="$base" 'BEGIN {printf "%.3f", a / b}') |"
    done
} | tee "$OUT/observability.md"
