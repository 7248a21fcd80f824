#!/usr/bin/env bash
# How exact the leased rate limit is across a cluster, measured: runs RateLimitAccuracyIT (three Payara Micro
# instances in one data grid on loopback, requests spread over them at random, a limit of 60 a minute, with and
# without one instance killed mid-window) and writes its figures to bench/results/accuracy.md. The test itself
# fails when more than the limit, or fewer than its documented floor, are admitted.
#
# usage: bench/accuracy.sh
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench/results
mkdir -p "$OUT"
rm -f target/rate-limit-accuracy.tsv
mvn -B -q -ntp verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=RateLimitAccuracyIT \
    > target/accuracy-run.log 2>&1 || { tail -40 target/accuracy-run.log >&2; exit 1; }
{
    echo "# Rate-limit accuracy across three instances — $(date -u +%Y-%m-%dT%H:%MZ)"
    echo
    echo "\`RateLimitAccuracyIT\`, run by \`bench/accuracy.sh\`: three Payara Micro $(grep -m1 -o '<payara.version>[^<]*' pom.xml | cut -d'>' -f2)"
    echo "instances in one data grid on loopback, \`smcp.rate-limit.mode=leased\` (the default), one caller's tool limit of"
    echo "60 a minute, each request sent to an instance drawn at random. The floor is the documented bound: at most one"
    echo "unused block an instance, a block at most an eighth of the limit."
    echo
    echo "| scenario | limit | requests | admitted | floor | never over the limit |"
    echo "|---|---:|---:|---:|---:|---|"
    awk -F'\t' '{printf "| %s | %d | %d | %d | %d | %s |\n", $1, $2, $3, $4, $5, ($4 <= $2 ? "yes" : "**no**")}' \
        target/rate-limit-accuracy.tsv
} > "$OUT/accuracy.md"
echo "wrote $OUT/accuracy.md"
