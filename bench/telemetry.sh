#!/usr/bin/env bash
# What tracing costs, in one run on one Payara Micro (MicroProfile Telemetry 1.1, OpenTelemetry 1.29):
#   raw     bench/baselines/raw-servlet: one servlet, blocking I/O, JSON-P — the baseline
#   ours    target/stateless-mcp.war at /ours, defaults: the server's telemetry off (otel.sdk.disabled is true)
#   traced  the same WAR at /traced with the SDK on (otel.sdk.disabled=false), sampling every request, exporting
#           every span over OTLP/HTTP to a sink on loopback (bench/otlp-sink) that keeps nothing
#   before  optional: another build's WAR at /before (BEFORE_WAR=path), to show that "off" costs what it cost before
# The figure is server CPU time per request from /proc/<pid>/stat; the sink's CPU is its own process's, not counted.
# Each scenario runs ROUNDS times, interleaved; the table gives the median round. Loopback only, every load run
# bounded in time. Needs wrk (apt-get install wrk).
#
# usage: [BEFORE_WAR=...] bench/telemetry.sh [seconds per run, default 15] [rounds, default 3]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
SECONDS_PER_RUN=${1:-15}
ROUNDS=${2:-3}
PORT=${BENCH_PORT:-18080}
SINK_PORT=${BENCH_SINK_PORT:-18095}
OUT=bench/results
WORK=target/bench/telemetry
[ -n "${BENCH_NO_BUILD:-}" ] || mvn -B -q -ntp clean package -DskipTests
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
mkdir -p "$OUT" "$WORK"
(cd bench/baselines/raw-servlet && mvn -B -q -ntp package)

copy_with ours ''
copy_with traced "\notel.sdk.disabled=false\notel.service.name=stateless-mcp-bench\notel.traces.exporter=otlp\notel.metrics.exporter=none\notel.logs.exporter=none\notel.traces.sampler=always_on\notel.exporter.otlp.protocol=http/protobuf\notel.exporter.otlp.endpoint=http://127.0.0.1:$SINK_PORT\n"
cp bench/baselines/raw-servlet/target/raw.war "$WORK/"
DEPLOY=(--deploy "$WORK/raw.war" --deploy "$WORK/ours.war" --deploy "$WORK/traced.war")
if [ -n "${BEFORE_WAR:-}" ]; then
    cp "$BEFORE_WAR" "$WORK/before.war"
    DEPLOY+=(--deploy "$WORK/before.war")
fi

java bench/otlp-sink/OtlpSink.java "$SINK_PORT" > "$WORK/sink.log" 2>&1 &
SINK=$!
java -Xmx1g -Dhazelcast.socket.bind.any=false -jar target/payara-micro/payara-micro.jar \
    "${DEPLOY[@]}" --port "$PORT" --nocluster --disablephonehome \
    --prebootcommandfile server-config/payara-micro/preboot.asadmin > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER $SINK 2>/dev/null || true' EXIT
await_ready "$WORK/server.log"
grep -q "Tracing: on" "$WORK/server.log" || { echo "the traced copy does not trace (see $WORK/server.log)" >&2; exit 1; }

CLK_TCK=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
SEED='{"jsonrpc":"2.0","id":1,"method":"add","params":{"a":2,"b":3}}'
MCP='{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"add","arguments":{"a":2,"b":3}}}'
# with a client's trace context in params._meta, as an instrumented MCP client sends it
MCP_META='{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"add","arguments":{"a":2,"b":3},"_meta":{"traceparent":"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"}}}'
VERSION=MCP-Protocol-Version=2025-06-18
# name | url | body | extra headers name=value,...
SCENARIOS=(
    "raw seed add|/raw/mcp|$SEED|"
    "ours seed add|/ours/mcp|$SEED|"
    "traced seed add|/traced/mcp|$SEED|"
    "raw MCP tools/call|/raw/mcp|$MCP|"
    "ours MCP tools/call|/ours/mcp|$MCP|$VERSION"
    "traced MCP tools/call|/traced/mcp|$MCP|$VERSION"
    "traced MCP tools/call, traceparent in _meta|/traced/mcp|$MCP_META|$VERSION"
)
if [ -n "${BEFORE_WAR:-}" ]; then
    SCENARIOS+=("before seed add|/before/mcp|$SEED|" "before MCP tools/call|/before/mcp|$MCP|$VERSION")
fi

measure() { # $1 = url, $2 = seconds -> "requests rps p50 p99 us"
    local before after out requests
    before=$(cpu_ticks "$SERVER")
    out=$(wrk -t1 -c32 -d"$2s" --latency -s "$WORK/post.lua" "$1")
    after=$(cpu_ticks "$SERVER")
    requests=$(echo "$out" | awk '/requests in/ {print $1}')
    echo "$requests $(echo "$out" | awk '/Requests\/sec/ {print $2}') $(echo "$out" | awk '$1 == "50%" {print $2}') \
$(echo "$out" | awk '$1 == "99%" {print $2}') \
$(awk -v t=$((after - before)) -v hz="$CLK_TCK" -v n="$requests" 'BEGIN {printf "%.0f", t / hz * 1e6 / n}')"
}

for scenario in "${SCENARIOS[@]}"; do # check each answers add, and warm it up past the JIT compiler's work
    IFS='|' read -r name path body headers <<< "$scenario"
    url=http://127.0.0.1:$PORT$path
    post_lua "$body" "$headers"
    args=(-s -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream')
    IFS=',' read -ra extra <<< "$headers"
    for header in "${extra[@]}"; do [ -n "$header" ] && args+=(-H "${header%%=*}: ${header#*=}"); done
    curl "${args[@]}" -d "$body" "$url" | grep -q '"result":5\|\\"result\\":5' \
        || { echo "$name does not answer add: $(curl "${args[@]}" -d "$body" "$url")" >&2; exit 1; }
    measure "$url" 20 > /dev/null
done

declare -A RESULTS
for round in $(seq 1 "$ROUNDS"); do
    for scenario in "${SCENARIOS[@]}"; do
        IFS='|' read -r name path body headers <<< "$scenario"
        post_lua "$body" "$headers"
        RESULTS["$name|$round"]=$(measure "http://127.0.0.1:$PORT$path" "$SECONDS_PER_RUN")
        echo "round $round: $name: ${RESULTS["$name|$round"]}" >&2
    done
done
kill "$SINK" && wait "$SINK" 2>/dev/null || true

median_row() {
    for round in $(seq 1 "$ROUNDS"); do echo "${RESULTS["$1|$round"]}"; done | sort -n -k5 | sed -n "$(( (ROUNDS + 1) / 2 ))p"
}
us() { median_row "$1" | awk '{print $5}'; }
ratio() { awk -v a="$(us "$1")" -v b="$(us "$2")" 'BEGIN {printf "%.2f", a / b}'; }
{
    echo "# What tracing costs — $(date -u +%Y-%m-%dT%H:%MZ)"
    echo
    echo "Machine: $(nproc) cores, $(java -version 2>&1 | head -1), Payara Micro 6.2025.10 (MicroProfile Telemetry 1.1)."
    echo "wrk -t1 -c32 -d${SECONDS_PER_RUN}s on loopback; $ROUNDS rounds interleaved, median round shown."
    echo "Traced: every request sampled, every span exported over OTLP/HTTP ($(cat "$WORK/sink.log" | tail -1))."
    echo "Command: \`${BEFORE_WAR:+BEFORE_WAR=… }bench/telemetry.sh $SECONDS_PER_RUN $ROUNDS\`."
    echo
    echo "| scenario | requests | req/s | p50 | p99 | server CPU µs/request |"
    echo "|---|---|---|---|---|---|"
    for scenario in "${SCENARIOS[@]}"; do
        IFS='|' read -r name _ <<< "$scenario"
        median_row "$name" | awk -v n="$name" '{printf "| %s | %s | %s | %s | %s | %s |\n", n, $1, $2, $3, $4, $5}'
    done
    echo
    echo "| ratio of server CPU per request | value |"
    echo "|---|---|"
    echo "| traced / ours (telemetry on, 100 % sampled and exported), seed | $(ratio "traced seed add" "ours seed add") |"
    echo "| traced / ours, MCP | $(ratio "traced MCP tools/call" "ours MCP tools/call") |"
    echo "| traced with traceparent in _meta / ours, MCP | $(ratio "traced MCP tools/call, traceparent in _meta" "ours MCP tools/call") |"
    echo "| ours (telemetry off) / raw servlet, seed | $(ratio "ours seed add" "raw seed add") |"
    echo "| ours (telemetry off) / raw servlet, MCP | $(ratio "ours MCP tools/call" "raw MCP tools/call") |"
    if [ -n "${BEFORE_WAR:-}" ]; then
        echo "| ours (telemetry off) / before, seed | $(ratio "ours seed add" "before seed add") |"
        echo "| ours (telemetry off) / before, MCP | $(ratio "ours MCP tools/call" "before MCP tools/call") |"
    fi
} | tee "$OUT/telemetry.md"
