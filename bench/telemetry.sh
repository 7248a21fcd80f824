#!/usr/bin/env bash
# What tracing costs, in one run on one Payara Micro (MicroProfile Telemetry 1.1, OpenTelemetry 1.29):
#   raw     bench/baselines/raw-servlet: one servlet, blocking I/O, JSON-P — the baseline
#   ours    target/stateless-mcp.war at /ours, defaults: the server's telemetry off (otel.sdk.disabled is true)
#   traced  the same WAR at /traced with the SDK on (otel.sdk.disabled=false), sampling every request, exporting
#           every span over OTLP/HTTP to a sink on loopback (bench/otlp-sink) that keeps nothing
#   before  optional: another build's WAR at /before (BEFORE_WAR=path), to show that "off" costs what it cost before
# The figure is server CPU time per request from /proc/<pid>/stat; the sink's CPU is its own process's, not counted.
# Each round measures ours and traced back to back, in alternating order (and ours and before, when given), so that
# both meet the machine in the same state: on a shared machine the CPU per request drifts between minutes by more
# than tracing costs, and the median of the rounds' own ratios sees through that (as bench/ab.sh does). Loopback
# only, every load run bounded in time. Needs wrk (apt-get install wrk).
#
# usage: [BEFORE_WAR=...] bench/telemetry.sh [seconds per run, default 4] [rounds, default 15]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
SECONDS_PER_RUN=${1:-4}
ROUNDS=${2:-15}
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
    "ours MCP tools/call, traceparent in _meta|/ours/mcp|$MCP_META|$VERSION"
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
    if echo "$out" | grep -q Non-2xx; then echo "non-2xx answers from $1" >&2; exit 1; fi
    echo "$requests $(echo "$out" | awk '/Requests\/sec/ {print $2}') $(echo "$out" | awk '$1 == "50%" {print $2}') \
$(echo "$out" | awk '$1 == "99%" {print $2}') \
$(awk -v t=$((after - before)) -v hz="$CLK_TCK" -v n="$requests" 'BEGIN {printf "%.1f", t / hz * 1e6 / n}')"
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

# the ratios the issue asks for: each row's label, then the scenario it is measured against and the scenario measured
PAIRS=("traced / ours (telemetry on, 100 % sampled and exported), seed|ours seed add|traced seed add"
       "traced / ours, MCP|ours MCP tools/call|traced MCP tools/call"
       # against the same body untraced: reading the longer _meta is the client's cost, whether tracing is on or not
       "traced / ours, MCP with traceparent in _meta|ours MCP tools/call, traceparent in _meta|traced MCP tools/call, traceparent in _meta")
if [ -n "${BEFORE_WAR:-}" ]; then
    PAIRS+=("ours (telemetry off) / before, seed|before seed add|ours seed add"
            "ours (telemetry off) / before, MCP|before MCP tools/call|ours MCP tools/call")
fi
scenario() { for s in "${SCENARIOS[@]}"; do [ "${s%%|*}" = "$1" ] && { echo "$s"; return; }; done; }
declare -A RESULTS
run() { # $1 = scenario name, $2 = round; each scenario once a round, however many pairs it is in
    [ -z "${RESULTS["$1|$2"]:-}" ] || return 0
    IFS='|' read -r name path body headers <<< "$(scenario "$1")"
    post_lua "$body" "$headers"
    RESULTS["$name|$2"]=$(measure "http://127.0.0.1:$PORT$path" "$SECONDS_PER_RUN")
    echo "round $2: $name: ${RESULTS["$name|$2"]}" >&2
}
for round in $(seq 1 "$ROUNDS"); do
    run "raw seed add" "$round"
    run "raw MCP tools/call" "$round"
    for pair in "${PAIRS[@]}"; do
        IFS='|' read -r _ a b <<< "$pair"
        # the measured one goes first in odd rounds, second in even ones
        if [ $((round % 2)) -eq 1 ]; then run "$b" "$round"; run "$a" "$round"; else run "$a" "$round"; run "$b" "$round"; fi
    done
done
kill "$SINK" && wait "$SINK" 2>/dev/null || true

median() { sort -g | sed -n "$(( (ROUNDS + 1) / 2 ))p"; }
median_row() {
    for round in $(seq 1 "$ROUNDS"); do echo "${RESULTS["$1|$round"]}"; done | sort -g -k5 | sed -n "$(( (ROUNDS + 1) / 2 ))p"
}
us() { median_row "$1" | awk '{print $5}'; }
ratios() { # the rounds' own ratios of $2 to $1, sorted
    for round in $(seq 1 "$ROUNDS"); do
        awk -v a="$(echo "${RESULTS["$1|$round"]}" | awk '{print $5}')" \
            -v b="$(echo "${RESULTS["$2|$round"]}" | awk '{print $5}')" 'BEGIN {printf "%.4f\n", b / a}'
    done | sort -g
}
paired() { # "median (quartiles)" of the rounds' own ratios of $2 to $1
    local sorted; sorted=$(ratios "$1" "$2")
    awk -v m="$(echo "$sorted" | median)" -v q1="$(echo "$sorted" | sed -n "$(( (ROUNDS + 3) / 4 ))p")" \
        -v q3="$(echo "$sorted" | sed -n "$(( (3 * ROUNDS + 3) / 4 ))p")" 'BEGIN {printf "%.3f (%.3f–%.3f)", m, q1, q3}'
}
ratio() { awk -v a="$(us "$1")" -v b="$(us "$2")" 'BEGIN {printf "%.2f", a / b}'; }
{
    echo "# What tracing costs — $(date -u +%Y-%m-%dT%H:%MZ)"
    echo
    echo "Machine: $(nproc) cores, $(java -version 2>&1 | head -1), Payara Micro 6.2025.10 (MicroProfile Telemetry 1.1)."
    echo "wrk -t1 -c32 -d${SECONDS_PER_RUN}s on loopback; $ROUNDS rounds, each pair measured back to back in each; the"
    echo "median round shown for each scenario, and each ratio as the median of the rounds' own (quartiles in brackets)."
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
    echo "| ratio of server CPU per request | median of the rounds' (quartiles) |"
    echo "|---|---|"
    for pair in "${PAIRS[@]}"; do
        IFS='|' read -r label a b <<< "$pair"
        echo "| $label | $(paired "$a" "$b") |"
    done
    echo "| ours (telemetry off) / raw servlet, seed | $(ratio "ours seed add" "raw seed add") |"
    echo "| ours (telemetry off) / raw servlet, MCP | $(ratio "ours MCP tools/call" "raw MCP tools/call") |"
} | tee "$OUT/telemetry.md"
