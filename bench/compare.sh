#!/usr/bin/env bash
# stateless-mcp against its baselines, in one run, on one Payara Micro (the TypeScript SDK in its own Node):
#   raw      bench/baselines/raw-servlet: one servlet, blocking I/O, JSON-P — the ceiling for any servlet server
#   raw-cdi  the same WAR made a CDI bean archive (a beans.xml, nothing else): what the container adds to every request
#            of any CDI application, stateless-mcp's included, before the application's own code runs
#   sdk      bench/baselines/java-sdk: the official MCP Java SDK 2.1.0 stateless servlet transport, same add tool
#   ts       bench/baselines/ts-sdk: the MCP TypeScript SDK 1.32.2 stateless server, JSON responses
#   ours     target/stateless-mcp.war at /, defaults (no auth, no limits)
#   quiet    the same WAR at /quiet without its access log (smcp.log.access=false)
#   secured  the same WAR at /secured with an API key and a rate limit on (windows leased from the JCache, the default)
#   exact    the same at /exact with smcp.rate-limit.mode=exact (one JCache operation per request)
# Besides add, ours alone: a streaming tool in each dialect (10 chunks, no delay) and a mixed load of six kinds of
# call in turn (seed add, echo and stream; MCP add, tools/list and stream with progress).
# The figure is server CPU time per request from /proc/<pid>/stat: stable on a shared machine, unlike req/s.
# Each scenario runs ROUNDS times, interleaved with the others; the table gives the median round. Loopback only,
# every load run bounded in time. Needs wrk (apt-get install wrk) and a built project (mvn package -DskipTests).
#
# usage: bench/compare.sh [seconds per run, default 15] [rounds, default 3]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
SECONDS_PER_RUN=${1:-15}
ROUNDS=${2:-3}
PORT=${BENCH_PORT:-18080}
TS_PORT=${BENCH_TS_PORT:-18090}
OUT=bench/results
WORK=target/bench/compare
# always from clean: the WAR plugin keeps classes deleted from the sources in its exploded directory
[ -n "${BENCH_NO_BUILD:-}" ] || mvn -B -q -ntp clean package -DskipTests
mkdir -p "$OUT" "$WORK"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
[ -x src/test/conformance/node_modules/.bin/node ] || (cd src/test/conformance && npm ci --no-audit --no-fund)
for baseline in raw-servlet java-sdk; do
    (cd "bench/baselines/$baseline" && mvn -B -q -ntp package)
done

# the secured copies: the same WAR with API keys and a limit far above what the run can reach, its windows leased
# in blocks from the JCache (the default) or counted there request by request (exact)
KEY=bench-key-0123456789abcdef0123
SECURED="\nsmcp.auth.enabled=true\nsmcp.api-keys=$KEY\nsmcp.rate-limit.enabled=true\nsmcp.default-rate-limit=100000000/minute\n"
copy_with secured "$SECURED"
copy_with exact "${SECURED}smcp.rate-limit.mode=exact\n"
# the quiet copy: the same WAR without its access log (on by default), to show what the log line costs
copy_with quiet '\nsmcp.log.access=false\n'
cp bench/baselines/raw-servlet/target/raw.war bench/baselines/java-sdk/target/sdk.war "$WORK/"
bean_archive raw-cdi bench/baselines/raw-servlet/target/raw.war

java -Xmx1g -Dhazelcast.socket.bind.any=false -jar target/payara-micro/payara-micro.jar \
    --deploy target/stateless-mcp.war --contextroot / --deploy "$WORK/raw.war" --deploy "$WORK/raw-cdi.war" --deploy "$WORK/sdk.war" \
    --deploy "$WORK/secured.war" --deploy "$WORK/exact.war" --deploy "$WORK/quiet.war" --port "$PORT" --nocluster --disablephonehome \
    --prebootcommandfile server-config/payara-micro/preboot.asadmin > "$WORK/server.log" 2>&1 &
SERVER=$!
src/test/conformance/node_modules/.bin/node bench/baselines/ts-sdk/server.mjs "$TS_PORT" > "$WORK/ts.log" 2>&1 &
NODE=$!
trap 'kill $SERVER $NODE 2>/dev/null || true' EXIT
await_ready "$WORK/server.log"

CLK_TCK=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

SEED='{"jsonrpc":"2.0","id":1,"method":"add","params":{"a":2,"b":3}}'
MCP='{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"add","arguments":{"a":2,"b":3}}}'
STREAM='{"jsonrpc":"2.0","id":1,"method":"generate_numbers","params":{"count":10,"delay":0}}'
MCP_STREAM='{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"generate_numbers","arguments":{"count":10,"delay":0},"_meta":{"progressToken":"p"}}}'
# name | pid | url | body (MIXED: the mixed load) | extra header lines for wrk | what a good answer contains
SCENARIOS=(
    "raw seed add|$SERVER|http://127.0.0.1:$PORT/raw/mcp|$SEED|"
    "raw in a CDI bean archive, seed add|$SERVER|http://127.0.0.1:$PORT/raw-cdi/mcp|$SEED|"
    "ours seed add|$SERVER|http://127.0.0.1:$PORT/mcp|$SEED|"
    "ours, no access log, seed add|$SERVER|http://127.0.0.1:$PORT/quiet/mcp|$SEED|"
    "secured seed add|$SERVER|http://127.0.0.1:$PORT/secured/mcp|$SEED|X-API-Key=$KEY"
    "secured, exact limit, seed add|$SERVER|http://127.0.0.1:$PORT/exact/mcp|$SEED|X-API-Key=$KEY"
    "raw MCP tools/call|$SERVER|http://127.0.0.1:$PORT/raw/mcp|$MCP|"
    "raw in a CDI bean archive, MCP tools/call|$SERVER|http://127.0.0.1:$PORT/raw-cdi/mcp|$MCP|"
    "ours MCP tools/call|$SERVER|http://127.0.0.1:$PORT/mcp|$MCP|MCP-Protocol-Version=2025-06-18"
    "ours, no access log, MCP tools/call|$SERVER|http://127.0.0.1:$PORT/quiet/mcp|$MCP|MCP-Protocol-Version=2025-06-18"
    "secured MCP tools/call|$SERVER|http://127.0.0.1:$PORT/secured/mcp|$MCP|MCP-Protocol-Version=2025-06-18,X-API-Key=$KEY"
    "secured, exact limit, MCP tools/call|$SERVER|http://127.0.0.1:$PORT/exact/mcp|$MCP|MCP-Protocol-Version=2025-06-18,X-API-Key=$KEY"
    "ours seed stream, 10 chunks|$SERVER|http://127.0.0.1:$PORT/mcp|$STREAM||\"generated\":10"
    "ours MCP stream, 10 progress events|$SERVER|http://127.0.0.1:$PORT/mcp|$MCP_STREAM|MCP-Protocol-Version=2025-06-18|\"generated\":10"
    "ours mixed (6 kinds in turn)|$SERVER|http://127.0.0.1:$PORT/mcp|MIXED||"
    "Java SDK MCP tools/call|$SERVER|http://127.0.0.1:$PORT/sdk/mcp|$MCP|MCP-Protocol-Version=2025-06-18"
    "TypeScript SDK MCP tools/call|$NODE|http://127.0.0.1:$TS_PORT/mcp|$MCP|MCP-Protocol-Version=2025-06-18"
)

lua() { # $1 = body, $2 = extra headers name=value,...
    if [ "$1" = MIXED ]; then
        mixed_lua > "$WORK/post.lua"
        return
    fi
    post_lua "$1" "$2"
}

mixed_lua() { # seed add, seed echo, seed stream, MCP add, MCP tools/list, MCP stream with progress, in turn
    cat <<LUA
local seed = {["Content-Type"] = "application/json"}
local mcp = {["Content-Type"] = "application/json", ["Accept"] = "application/json, text/event-stream",
             ["MCP-Protocol-Version"] = "2025-06-18"}
local calls = {
    {seed, '$SEED'},
    {seed, '{"jsonrpc":"2.0","id":2,"method":"echo","params":{"message":"hello"}}'},
    {seed, '{"jsonrpc":"2.0","id":3,"method":"generate_numbers","params":{"count":5,"delay":0}}'},
    {mcp, '$MCP'},
    {mcp, '{"jsonrpc":"2.0","id":5,"method":"tools/list"}'},
    {mcp, '{"jsonrpc":"2.0","id":6,"method":"tools/call","params":{"name":"generate_numbers","arguments":{"count":5,"delay":0},"_meta":{"progressToken":"p"}}}'},
}
local n = 0
request = function()
    n = n % #calls + 1
    return wrk.format("POST", nil, calls[n][1], calls[n][2])
end
LUA
}

measure() { # $1 = pid, $2 = url, $3 = seconds -> "requests rps p50 p99 us non2xx"
    local before after out requests
    before=$(cpu_ticks "$1")
    out=$(wrk -t1 -c32 -d"$3s" --latency -s "$WORK/post.lua" "$2")
    after=$(cpu_ticks "$1")
    requests=$(echo "$out" | awk '/requests in/ {print $1}')
    local errors; errors=$(echo "$out" | awk '/Non-2xx/ {print $5}')
    echo "$requests $(echo "$out" | awk '/Requests\/sec/ {print $2}') $(echo "$out" | awk '$1 == "50%" {print $2}') \
$(echo "$out" | awk '$1 == "99%" {print $2}') \
$(awk -v t=$((after - before)) -v hz="$CLK_TCK" -v n="$requests" 'BEGIN {printf "%.1f", t / hz * 1e6 / n}') ${errors:-0}"
}

for scenario in "${SCENARIOS[@]}"; do  # warm every path up, and check each answers add correctly
    IFS='|' read -r name pid url body headers expect <<< "$scenario"
    lua "$body" "$headers"
    args=(-s -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream')
    IFS=',' read -ra extra <<< "$headers"
    for header in "${extra[@]}"; do [ -n "$header" ] && args+=(-H "${header%%=*}: ${header#*=}"); done
    if [ "$body" != MIXED ]; then # the mixed load's calls are the others' and checked with them
        curl "${args[@]}" -d "$body" "$url" | grep -qF "${expect:-\"result\":5}" \
            || { echo "$name does not answer as expected: $(curl "${args[@]}" -d "$body" "$url")" >&2; exit 1; }
    fi
    # long enough for the JIT compiler to be done with the path: its threads' CPU counts against the server
    measure "$pid" "$url" 10 > /dev/null
done

declare -A RESULTS
for round in $(seq 1 "$ROUNDS"); do
    for scenario in "${SCENARIOS[@]}"; do
        IFS='|' read -r name pid url body headers _ <<< "$scenario"
        lua "$body" "$headers"
        RESULTS["$name|$round"]=$(measure "$pid" "$url" "$SECONDS_PER_RUN")
        echo "round $round: $name: ${RESULTS["$name|$round"]}" >&2
    done
done

median_row() { # $1 = name -> the round whose CPU per request is the median
    for round in $(seq 1 "$ROUNDS"); do echo "${RESULTS["$1|$round"]}"; done | sort -n -k5 | sed -n "$(( (ROUNDS + 1) / 2 ))p"
}
# a ratio of two scenarios is the median of the rounds' own, both measured minutes apart at most: the machine's CPU
# per request drifts by more between rounds than most of the differences measured here
ratio() {
    local r sorted
    sorted=$(for r in $(seq 1 "$ROUNDS"); do
        awk -v a="$(echo "${RESULTS["$1|$r"]}" | awk '{print $5}')" -v b="$(echo "${RESULTS["$2|$r"]}" | awk '{print $5}')" \
            'BEGIN {printf "%.4f\n", a / b}'
    done | sort -g)
    echo "$sorted" | awk -v m="$(( (ROUNDS + 1) / 2 ))" 'NR == 1 {lo = $1} NR == m {mid = $1} {hi = $1}
        END {printf "%.2f (%.2f–%.2f)", mid, lo, hi}'
}

{
    echo "# stateless-mcp against its baselines — $(date -u +%Y-%m-%dT%H:%MZ)"
    echo
    echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1), Payara Micro 6.2025.10."
    echo "wrk -t1 -c32 -d${SECONDS_PER_RUN}s on loopback, sharing the cores with the servers; $ROUNDS rounds interleaved, median round shown;"
    echo "each ratio is the median of the rounds' own ratios, the two scenarios measured in the same round."
    echo "Command: \`bench/compare.sh $SECONDS_PER_RUN $ROUNDS\`."
    echo
    echo "| scenario | requests | req/s | p50 | p99 | server CPU µs/request | non-2xx |"
    echo "|---|---|---|---|---|---|---|"
    for scenario in "${SCENARIOS[@]}"; do
        IFS='|' read -r name _ <<< "$scenario"
        median_row "$name" | awk -v n="$name" '{printf "| %s | %s | %s | %s | %s | %s | %s |\n", n, $1, $2, $3, $4, $5, $6}'
    done
    echo
    echo "| ratio of server CPU per request | median of the rounds' (lowest–highest) |"
    echo "|---|---|"
    echo "| ours / raw servlet, seed dialect | $(ratio "ours seed add" "raw seed add") |"
    echo "| ours / raw servlet, MCP | $(ratio "ours MCP tools/call" "raw MCP tools/call") |"
    echo "| raw servlet in a CDI bean archive / raw servlet, seed dialect | $(ratio "raw in a CDI bean archive, seed add" "raw seed add") |"
    echo "| raw servlet in a CDI bean archive / raw servlet, MCP | $(ratio "raw in a CDI bean archive, MCP tools/call" "raw MCP tools/call") |"
    echo "| ours / raw servlet in a CDI bean archive, seed dialect | $(ratio "ours seed add" "raw in a CDI bean archive, seed add") |"
    echo "| ours / raw servlet in a CDI bean archive, MCP | $(ratio "ours MCP tools/call" "raw in a CDI bean archive, MCP tools/call") |"
    echo "| ours without access log / raw servlet, seed dialect | $(ratio "ours, no access log, seed add" "raw seed add") |"
    echo "| ours without access log / raw servlet, MCP | $(ratio "ours, no access log, MCP tools/call" "raw MCP tools/call") |"
    echo "| ours / Java SDK, MCP | $(ratio "ours MCP tools/call" "Java SDK MCP tools/call") |"
    echo "| ours / TypeScript SDK, MCP | $(ratio "ours MCP tools/call" "TypeScript SDK MCP tools/call") |"
    echo "| secured / ours (API key + leased rate limit), seed | $(ratio "secured seed add" "ours seed add") |"
    echo "| secured / ours (API key + leased rate limit), MCP | $(ratio "secured MCP tools/call" "ours MCP tools/call") |"
    echo "| secured / raw servlet (API key + leased rate limit), seed | $(ratio "secured seed add" "raw seed add") |"
    echo "| secured / raw servlet (API key + leased rate limit), MCP | $(ratio "secured MCP tools/call" "raw MCP tools/call") |"
    echo "| secured, exact limit / raw servlet, seed | $(ratio "secured, exact limit, seed add" "raw seed add") |"
    echo "| secured, exact limit / raw servlet, MCP | $(ratio "secured, exact limit, MCP tools/call" "raw MCP tools/call") |"
} | tee "$OUT/compare.md"
