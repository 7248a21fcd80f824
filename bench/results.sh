#!/usr/bin/env bash
# Regenerates bench/RESULTS.md: builds once from clean, runs every benchmark of the issue's table in one run on
# this machine — compare.sh (ratios to the raw-servlet ceiling and the MCP SDKs), jmh.sh (the engine's hot path),
# streams.sh (1,000 / 5,000 / 10,000 streams in flight), cluster.sh (three instances behind nginx, one killed) —
# and assembles their reports with the hand-written reading of the figures in bench/analysis.md.
# About 20 minutes on 2 cores. Run it on a quiet machine: the scripts measure CPU per request, which other load
# disturbs less than req/s, but not at all is better.
#
# usage: bench/results.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -ntp -Puberjar clean package -DskipTests
export BENCH_NO_BUILD=1
started=$(date -u '+%Y-%m-%d %H:%M UTC')
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
bench/compare.sh 10 3
bench/jmh.sh
bench/streams.sh 1000 5000 10000
bench/cluster.sh

section() { # $1 = results file: its own title becomes a subsection
    sed -e '1s/^# /### /' -e '2,$s/^## /#### /' "$1"
    echo
}
{
    echo "# Benchmark results"
    echo
    echo "One run of \`bench/results.sh\`, started $started, finished $(date -u '+%H:%M UTC'): $(nproc) cores,"
    echo "$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(uname -sr), $(java -version 2>&1 | head -1),"
    echo "Payara Micro $(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' pom.xml). Load average at the start: $load_before."
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
    cat bench/analysis.md
} > bench/RESULTS.md
echo "wrote bench/RESULTS.md"
