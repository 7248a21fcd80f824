#!/usr/bin/env bash
# JMH micro-benchmarks of the engine's hot path (bench/jmh): seed add and MCP tools/call add from request bytes to
# response bytes, their parse and dispatch parts, and the raw JSON-P work of the ceiling servlet for the same
# requests. No server, no network. Writes results/jmh.md with the ratios ours / raw.
#
# usage: bench/jmh.sh [extra JMH options, e.g. -f 2 -i 10]
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench/results
WORK=target/bench/jmh
mkdir -p "$OUT" "$WORK"
mvn -B -q -ntp -f bench/jmh/pom.xml clean package
java -jar bench/jmh/target/benchmarks.jar -rf csv -rff "$WORK/jmh.csv" "$@" | tee "$WORK/jmh.log" | grep -E '^(# Run|Engine)' || true

# csv: "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit"
score() { awk -F, -v name="\"org.statelessmcp.transport.EngineBenchmark.$1\"" '$1 == name {printf "%.2f", $5 / 1000}' "$WORK/jmh.csv"; }
error() { awk -F, -v name="\"org.statelessmcp.transport.EngineBenchmark.$1\"" '$1 == name {printf "%.2f", $6 / 1000}' "$WORK/jmh.csv"; }
ratio() { awk -v a="$(score "$1")" -v b="$(score "$2")" 'BEGIN {printf "%.2f×", a / b}'; }
{
    echo "# Engine hot path (JMH)"
    echo
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(java -version 2>&1 | head -1). Command: \`bench/jmh.sh $*\`."
    echo "Average time per operation, one thread, outside any server (\`bench/jmh/…/EngineBenchmark.java\`)."
    echo
    echo "| Path | stateless-mcp (µs) | raw JSON-P (µs) | ours / raw |"
    echo "|---|---:|---:|---:|"
    echo "| seed \`add\`, bytes to bytes | $(score seedAdd) ± $(error seedAdd) | $(score rawSeedAdd) ± $(error rawSeedAdd) | $(ratio seedAdd rawSeedAdd) |"
    echo "| MCP \`tools/call add\`, bytes to bytes | $(score mcpToolsCall) ± $(error mcpToolsCall) | $(score rawMcpToolsCall) ± $(error rawMcpToolsCall) | $(ratio mcpToolsCall rawMcpToolsCall) |"
    echo
    echo "| Part | µs |"
    echo "|---|---:|"
    for part in parseSeed dispatchSeed parseMcp dispatchMcp; do
        echo "| \`$part\` | $(score $part) ± $(error $part) |"
    done
} > "$OUT/jmh.md"
cat "$OUT/jmh.md"
