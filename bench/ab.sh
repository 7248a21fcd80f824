#!/usr/bin/env bash
# An A/B of two builds in one run, on one Payara Micro: how a change moves the server CPU per request.
#   raw          bench/baselines/raw-servlet — the ceiling, for the ratios
#   a, b         BEFORE_WAR at /a and target/stateless-mcp.war at /b, with their defaults (as compare.sh's "ours")
#   a-, b-sec    the same two with an API key and a leased rate limit (the secured production path)
# Seed add and MCP tools/call add for each. Each round measures a and b back to back (alternating which goes first),
# so that both meet the machine in the same state: on a shared machine the CPU per request drifts by ±25 % between
# minutes, far more than most changes move it, and the median of the rounds' own b / a ratios sees through that.
# The figure is server CPU time per request from /proc/<pid>/stat. Loopback only, every load run bounded in time. Needs wrk (apt-get install wrk).
#
# usage: BEFORE_WAR=<the other build's stateless-mcp.war> bench/ab.sh [seconds per run, default 4] [rounds, default 15]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
SECONDS_PER_RUN=${1:-4}
ROUNDS=${2:-15}
PORT=${BENCH_PORT:-18080}
WORK=target/bench/ab
[ -n "${BEFORE_WAR:-}" ] || { echo "usage: BEFORE_WAR=<path> bench/ab.sh [seconds] [rounds]" >&2; exit 2; }
[ -n "${BENCH_NO_BUILD:-}" ] || mvn -B -q -ntp clean package -DskipTests
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
mkdir -p "$WORK"
(cd bench/baselines/raw-servlet && mvn -B -q -ntp package)

KEY=bench-key-0123456789abcdef0123
SECURED="\nsmcp.auth.enabled=true\nsmcp.api-keys=$KEY\nsmcp.rate-limit.enabled=true\nsmcp.default-rate-limit=100000000/minute\n"
copy_with a "" "$BEFORE_WAR"
copy_with b ""
copy_with asec "$SECURED" "$BEFORE_WAR"
copy_with bsec "$SECURED"
cp bench/baselines/raw-servlet/target/raw.war "$WORK/"

java -Xmx1g -Dhazelcast.socket.bind.any=false -jar target/payara-micro/payara-micro.jar \
    --deploy "$WORK/raw.war" --deploy "$WORK/a.war" --deploy "$WORK/b.war" --deploy "$WORK/asec.war" \
    --deploy "$WORK/bsec.war" --port "$PORT" --nocluster --disablephonehome \
    --prebootcommandfile server-config/payara-micro/preboot.asadmin > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
await_ready "$WORK/server.log"

CLK_TCK=$(getconf CLK_TCK)
SEED='{"jsonrpc":"2.0","id":1,"method":"add","params":{"a":2,"b":3}}'
MCP='{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"add","arguments":{"a":2,"b":3}}}'
V='MCP-Protocol-Version=2025-06-18'
SCENARIOS=( # name | path | body | extra headers name=value,...
    "raw seed|raw|$SEED|" "a seed|a|$SEED|" "b seed|b|$SEED|"
    "a secured seed|asec|$SEED|X-API-Key=$KEY" "b secured seed|bsec|$SEED|X-API-Key=$KEY"
    "raw MCP|raw|$MCP|" "a MCP|a|$MCP|$V" "b MCP|b|$MCP|$V"
    "a secured MCP|asec|$MCP|$V,X-API-Key=$KEY" "b secured MCP|bsec|$MCP|$V,X-API-Key=$KEY"
)
measure() { # $1 = url, $2 = seconds -> µs of server CPU per request
    local before after out requests
    before=$(awk '{print $14 + $15}' "/proc/$SERVER/stat")
    out=$(wrk -t1 -c32 -d"$2s" -s "$WORK/post.lua" "$1")
    after=$(awk '{print $14 + $15}' "/proc/$SERVER/stat")
    requests=$(echo "$out" | awk '/requests in/ {print $1}')
    if echo "$out" | grep -q Non-2xx; then echo "non-2xx answers from $1" >&2; exit 1; fi
    awk -v t=$((after - before)) -v hz="$CLK_TCK" -v n="$requests" 'BEGIN {printf "%.1f", t / hz * 1e6 / n}'
}
for scenario in "${SCENARIOS[@]}"; do # check each answers 5, and warm it up past the JIT compiler's work
    IFS='|' read -r name path body headers <<< "$scenario"
    args=(-s -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream')
    IFS=',' read -ra extra <<< "$headers"
    for header in "${extra[@]}"; do [ -n "$header" ] && args+=(-H "${header%%=*}: ${header#*=}"); done
    curl "${args[@]}" -d "$body" "http://127.0.0.1:$PORT/$path/mcp" | grep -qF '"result":5' \
        || { echo "$name does not answer 5" >&2; exit 1; }
    post_lua "$body" "$headers"
    measure "http://127.0.0.1:$PORT/$path/mcp" 15 > /dev/null
done
declare -A US
# a row of the table each: its label, then the scenarios of the raw servlet, of a and of b
PAIRS=("seed add, defaults|raw seed|a seed|b seed" "MCP tools/call add, defaults|raw MCP|a MCP|b MCP"
       "seed add, API key + leased limit|raw seed|a secured seed|b secured seed"
       "MCP tools/call add, API key + leased limit|raw MCP|a secured MCP|b secured MCP")
scenario() { for s in "${SCENARIOS[@]}"; do [ "${s%%|*}" = "$1" ] && { echo "$s"; return; }; done; }
run() { # $1 = scenario name, $2 = round
    IFS='|' read -r name path body headers <<< "$(scenario "$1")"
    post_lua "$body" "$headers"
    US["$name|$2"]=$(measure "http://127.0.0.1:$PORT/$path/mcp" "$SECONDS_PER_RUN")
}
# each round measures a and b back to back, in alternating order, so that both see the machine as it is then; the
# figure that decides is the median of the rounds' b / a
for round in $(seq 1 "$ROUNDS"); do
    for pair in "${PAIRS[@]}"; do
        IFS='|' read -r _ raw a b <<< "$pair"
        [ -n "${US["$raw|$round"]:-}" ] || run "$raw" "$round"
        if [ $((round % 2)) -eq 1 ]; then run "$a" "$round"; run "$b" "$round"; else run "$b" "$round"; run "$a" "$round"; fi
        echo "round $round: $a ${US["$a|$round"]}, $b ${US["$b|$round"]}, $raw ${US["$raw|$round"]}" >&2
    done
done
median() { sort -g | sed -n "$(( (ROUNDS + 1) / 2 ))p"; }
of() { for r in $(seq 1 "$ROUNDS"); do echo "${US["$1|$r"]}"; done | median; }
ratios() { for r in $(seq 1 "$ROUNDS"); do awk -v a="${US["$1|$r"]}" -v b="${US["$2|$r"]}" 'BEGIN {printf "%.4f\n", b / a}'; done; }
row() { # $1 = label, $2 = raw scenario, $3 = a scenario, $4 = b scenario
    local sorted; sorted=$(ratios "$3" "$4" | sort -g)
    awk -v l="$1" -v r="$(of "$2")" -v a="$(of "$3")" -v b="$(of "$4")" -v m="$(echo "$sorted" | median)" \
        -v q1="$(echo "$sorted" | sed -n "$(( (ROUNDS + 3) / 4 ))p")" \
        -v q3="$(echo "$sorted" | sed -n "$(( (3 * ROUNDS + 3) / 4 ))p")" \
        'BEGIN {printf "| %s | %.1f | %.1f (%.2f×) | %.1f (%.2f×) | %.3f (%.3f–%.3f) |\n", l, r, a, a / r, b, b / r, m, q1, q3}'
}
{
    echo "A/B, $(date -u +%Y-%m-%dT%H:%MZ): a = $BEFORE_WAR, b = target/stateless-mcp.war; wrk -t1 -c32,"
    echo "$ROUNDS rounds of ${SECONDS_PER_RUN}s, a and b back to back in each; µs of server CPU per request, medians"
    echo "(× raw servlet); b / a is the median of the rounds' own ratios (quartiles in brackets)."
    echo
    echo "| request | raw | a | b | b / a |"
    echo "|---|---:|---:|---:|---:|"
    for pair in "${PAIRS[@]}"; do
        IFS='|' read -r label raw a b <<< "$pair"
        row "$label" "$raw" "$a" "$b"
    done
} | tee "$WORK/ab.md"
