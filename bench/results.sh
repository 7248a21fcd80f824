#!/usr/bin/env bash
# Regenerates bench/RESULTS.md: builds once from clean, runs every benchmark of the issue's table in one run on
# this machine — compare.sh (ratios to the raw-servlet ceiling and the MCP SDKs), jmh.sh (the engine's hot path),
# streams.sh (1,000 / 5,000 / 10,000 streams in flight), cluster.sh (three secured instances behind nginx, one
# killed), accuracy.sh (the leased rate limit over three instances, with and without a kill), telemetry.sh (tracing
# off and on) —
# and assembles their reports with the hand-written reading of the figures in bench/analysis.md.
# About 20 minutes on 2 cores. Run it on a quiet machine: the scripts measure CPU per request, which other load
# disturbs less than req/s, but not at all is better.
#
# usage: bench/results.sh              run everything, then write RESULTS.md
#        bench/results.sh --assemble   only rewrite RESULTS.md from the last run's reports (after editing analysis.md)
set -euo pipefail
cd "$(dirname "$0")/.."
RUN=target/bench/results-run.txt
if [ "${1:-}" != "--assemble" ]; then
    mvn -B -q -ntp -Puberjar clean package -DskipTests
    mkdir -p target/bench
    echo "$(date -u '+%Y-%m-%d %H:%M UTC')|$(cut -d' ' -f1-3 /proc/loadavg)" > "$RUN"
    export BENCH_NO_BUILD=1
    bench/compare.sh 10 3
    bench/jmh.sh
    bench/streams.sh 1000 5000 10000
    bench/cluster.sh
    bench/accuracy.sh
    bench/telemetry.sh 4 15
    echo "$(date -u '+%H:%M UTC')" >> "$RUN"
fi
[ -f "$RUN" ] || { echo "no run to assemble: run bench/results.sh first" >&2; exit 1; }
started=$(sed -n 1p "$RUN" | cut -d'|' -f1)
load_before=$(sed -n 1p "$RUN" | cut -d'|' -f2)
finished=$(sed -n 2p "$RUN")

section() { # $1 = results file: its own title becomes a subsection
    sed -e '1s/^# /### /' -e '2,$s/^## /#### /' "$1"
    echo
}
{
    echo "# Benchmark results"
    echo
    echo "One run of \`bench/results.sh\`, started $started, finished $finished: $(nproc) cores,"
    echo "$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(uname -sr), $(java -version 2>&1 | head -1),"
    echo "Payara Micro $(grep -m1 -o '<payara.version>[^<]*' pom.xml | cut -d'>' -f2). Load average at the start: $load_before."
    echo "Every server on loopback, client and servers sharing the same cores. Each section is its script's own report"
    echo "(\`bench/results/*.md\`), all from this run; \`bench/README.md\` says what each script does."
    echo
    echo "## Against the ceiling and the SDKs"
    echo
    section bench/results/compare.md
    echo "## The engine's hot path, outside the server"
    echo
    section bench/results/jmh.md
    echo "## Streams at scale"
    echo
    section bench/results/streams.md
    echo "## Scale-out: three instances behind nginx, one killed"
    echo
    section bench/results/cluster.md
    echo "## Rate limits across three instances"
    echo
    section bench/results/accuracy.md
    echo "## Tracing off and on"
    echo
    section bench/results/telemetry.md
    cat bench/analysis.md
} > bench/RESULTS.md
echo "wrote bench/RESULTS.md"
