#!/usr/bin/env bash
# The Grafana dashboard's panels (server-config/grafana/stateless-mcp.json) drawn from a real run, since Grafana is not
# installed here: one Payara Micro on 127.0.0.1 with a rate limit of its own on echo, a bounded mix of calls, its
# /metrics?scope=application scraped every 2 s into a file, then charts computed from the scrapes the way each
# panel's PromQL computes them (bench/dashboard/DashboardCharts.java, XChart from Maven Central).
#
# The load, all of it bounded by LOAD seconds and started under nice:
#   wrk, 1 thread, 2 then 6 then 2 connections, each waiting 20 ms between requests, cycling through 20 plain calls:
#       12 add, 5 echo (limited to 20/second: the surplus is refused with 429), 1 fail (a tool error),
#       1 add with a string (invalid_params), 1 generate_numbers of 5 chunks (a short NDJSON stream)
#   2 clients streaming generate_numbers, 20 chunks 0.1 s apart, one call after the other
#   1 client calling slow for 0.5 s, every fourth call for 6 s (a timeout after 5 s)
#   1 client starting greet in MCP 2026-07-28 every 0.25 s (an input round: input_required)
# Scrapes begin 6 s before the load and go on 8 s after it; then the server is stopped by its PID.
#
# usage: bench/dashboard.sh [seconds of load, default 70]   (BENCH_NO_BUILD=1 keeps target/stateless-mcp.war)
# output: docs/images/dashboard.png, target/bench/dashboard/{scrapes.txt,server.log,run.txt}
set -euo pipefail
cd "$(dirname "$0")/.."
LOAD=${1:-70}
PORT=${BENCH_PORT:-18480}
WORK=target/bench/dashboard
OUT=docs/images/dashboard.png
BEGAN=$(date +%s)
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
# always from clean: the WAR plugin keeps classes deleted from the sources in its exploded directory
[ -n "${BENCH_NO_BUILD:-}" ] || nice -n 10 mvn -B -q -ntp clean package -DskipTests
rm -rf "$WORK" && mkdir -p "$WORK" "$(dirname "$OUT")"
nice -n 10 mvn -B -q -ntp -f bench/dashboard/pom.xml dependency:build-classpath \
    -Dmdep.outputFile="$PWD/$WORK/classpath.txt" > /dev/null

SMCP_RATE_LIMIT_ENABLED=true SMCP_DEFAULT_RATE_LIMIT=1000000/minute SMCP_RATE_LIMIT_TOOLS=echo=20/second \
    nice -n 10 java -Xmx512m -Dhazelcast.socket.bind.any=false -jar target/payara-micro/payara-micro.jar \
    --deploy target/stateless-mcp.war --contextroot / --port "$PORT" --nocluster --disablephonehome \
    --prebootcommandfile server-config/payara-micro/preboot.asadmin > "$WORK/server.log" 2>&1 &
SERVER=$!
PIDS=()
stop() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    kill "$SERVER" 2>/dev/null || true
}
trap stop EXIT
for _ in $(seq 1 150); do
    grep -q "ready in" "$WORK/server.log" && break
    kill -0 "$SERVER" 2>/dev/null || { echo "the server stopped: $WORK/server.log" >&2; exit 1; }
    sleep 1
done
grep -q "ready in" "$WORK/server.log" || { echo "the server did not start: $WORK/server.log" >&2; exit 1; }
MCP="http://127.0.0.1:$PORT/mcp"

# the scrapes: a line "# scrape <epoch ms>" before each
(while :; do
    echo "# scrape $(date +%s%3N)"
    curl -s --max-time 2 "http://127.0.0.1:$PORT/metrics?scope=application" || true
    sleep 2
done) > "$WORK/scrapes.txt" &
PIDS+=($!)
sleep 6

cat > "$WORK/mix.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local calls = {}
local function add(method, params, times)
    for _ = 1, times do
        calls[#calls + 1] = '{"jsonrpc":"2.0","id":1,"method":"' .. method .. '","params":' .. params .. '}'
    end
end
add("add", '{"a":2,"b":3}', 12)
add("echo", '{"message":"hello"}', 5)
add("fail", '{}', 1)
add("add", '{"a":"two","b":3}', 1)
add("generate_numbers", '{"count":5,"delay":0}', 1)
local n = 0
function request()
    n = n + 1
    return wrk.format(nil, nil, nil, calls[(n % #calls) + 1])
end
function delay()
    return 20
end
LUA
post() { curl -s --max-time 10 -H 'Content-Type: application/json' "$@" > /dev/null || true; }
export -f post
export MCP
timeout "$LOAD" bash -c 'while :; do post -N "$MCP" -d "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"generate_numbers\",\"params\":{\"count\":20,\"delay\":0.1}}"; done' &
PIDS+=($!)
sleep 0.5
timeout "$LOAD" bash -c 'while :; do post -N "$MCP" -d "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"generate_numbers\",\"params\":{\"count\":20,\"delay\":0.1}}"; done' &
PIDS+=($!)
timeout "$LOAD" bash -c 'while :; do for s in 0.5 0.5 0.5 6; do post "$MCP" -d "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"slow\",\"params\":{\"seconds\":$s}}"; done; done' &
PIDS+=($!)
GREET='{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"greet","arguments":{},"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientCapabilities":{"elicitation":{}}}}}'
export GREET
timeout "$LOAD" bash -c 'while :; do post -H "Accept: application/json, text/event-stream" -H "MCP-Protocol-Version: 2026-07-28" -H "Mcp-Method: tools/call" -H "Mcp-Name: greet" "$MCP" -d "$GREET"; sleep 0.25; done' &
PIDS+=($!)
THIRD=$((LOAD * 2 / 7))
{
    nice -n 10 wrk -t1 -c2 -d"${THIRD}s" -s "$WORK/mix.lua" "$MCP"
    nice -n 10 wrk -t1 -c6 -d"$((LOAD - 2 * THIRD))s" -s "$WORK/mix.lua" "$MCP"
    nice -n 10 wrk -t1 -c2 -d"${THIRD}s" -s "$WORK/mix.lua" "$MCP"
} > "$WORK/wrk.txt"
wait "${PIDS[@]:1}" 2>/dev/null || true
sleep 8
kill "${PIDS[0]}" && wait "${PIDS[0]}" 2>/dev/null || true
kill "$SERVER" && wait "$SERVER" 2>/dev/null || true
PIDS=()

java -Djava.awt.headless=true -cp "$(cat "$WORK/classpath.txt")" bench/dashboard/DashboardCharts.java \
    "$WORK/scrapes.txt" 10 "$OUT" | tee "$WORK/charts.txt"
{
    echo "run: $(date -u +%Y-%m-%dT%H:%MZ), bench/dashboard.sh $LOAD, $(($(date +%s) - BEGAN)) s in all"
    echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
    echo "scrapes: $(grep -c '^# scrape' "$WORK/scrapes.txt")"
    echo "wrk requests: $(awk '/requests in/ {n += $1} END {print n}' "$WORK/wrk.txt"), non-2xx: $(awk '/Non-2xx/ {n += $5} END {print n + 0}' "$WORK/wrk.txt")"
    echo "totals at the last scrape:"
    awk '!/^#/ && /^mcp_(requests_total|rate_limited_total|streaming_chunks_total)/ {last[$1] = $2}
         END {for (k in last) print "  " k " " last[k]}' "$WORK/scrapes.txt" | sort
} | tee "$WORK/run.txt"
