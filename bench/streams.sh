#!/usr/bin/env bash
# Streams at scale: N streaming calls in flight at once against one Payara Micro, for each N given.
# Every call is the seed dialect's generate_numbers with COUNT chunks DELAY seconds apart (default 30 × 1 s), all
# opened evenly over RAMP seconds, so the server holds N streams for most of the run. Recorded per N: calls whole
# and failed (bench/streams/StreamLoad.java checks every line), time to the response headers and to the first
# chunk (due DELAY after the call), the server's threads (/proc/<pid>/status) before, at most and after, its heap
# (jcmd GC.heap_info: the most in use, and what is still live after a full GC in the middle of the run), its RSS
# and CPU time. The server runs with -Xmx1g: the run itself shows the heap fits. Loopback only; every call has a
# deadline and the whole run is bounded; the script stops the server it started, by its PID.
#
# usage: bench/streams.sh [N ...]            default: 1000 5000 10000
# env:   STREAM_COUNT (30) STREAM_DELAY (1) STREAM_RAMP (10) BENCH_STREAMS_PORT (19080), SERVER_JAVA_OPTS
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 5000 10000)
COUNT=${STREAM_COUNT:-30}
DELAY=${STREAM_DELAY:-1}
RAMP=${STREAM_RAMP:-10}
PORT=${BENCH_STREAMS_PORT:-19080}
OUT=bench/results
WORK=target/bench/streams
# always from clean: the WAR plugin keeps classes deleted from the sources in its exploded directory
[ -n "${BENCH_NO_BUILD:-}" ] || mvn -B -q -ntp clean package -DskipTests
mkdir -p "$OUT" "$WORK"
javac -d "$WORK/classes" bench/streams/StreamLoad.java

# Each stream holds one socket on each side: the client and the server each need N descriptors and then some.
ulimit -n "$(ulimit -Hn)"
largest=$(printf '%s\n' "${SIZES[@]}" | sort -n | tail -1)
[ "$(ulimit -n)" -gt $((largest + 1000)) ] || { echo "ulimit -n $(ulimit -n) is too low for $largest streams" >&2; exit 1; }

# shellcheck disable=SC2086 # SERVER_JAVA_OPTS holds several options, e.g. a flight recording
SMCP_LOG_ACCESS=false java -Xmx1g ${SERVER_JAVA_OPTS:-} -Dhazelcast.socket.bind.any=false -jar target/payara-micro/payara-micro.jar \
    --deploy target/stateless-mcp.war --contextroot / --port "$PORT" --nocluster --disablephonehome \
    --prebootcommandfile server-config/payara-micro/preboot.asadmin > "$WORK/server.log" 2>&1 &
SERVER=$!
SAMPLER=
trap 'kill $SAMPLER 2>/dev/null || true; kill $SERVER 2>/dev/null || true' EXIT
await_ready "$WORK/server.log"
URL="http://127.0.0.1:$PORT/mcp"
# Warm the path once so the first size does not pay for class loading alone.
java -cp "$WORK/classes" StreamLoad "$URL" 50 3 0.1 1 30 > /dev/null

CLK_TCK=$(getconf CLK_TCK)
threads() { awk '/^Threads:/ {print $2}' "/proc/$SERVER/status"; }
rss_mib() { awk '/^VmRSS:/ {printf "%d", $2 / 1024}' "/proc/$SERVER/status"; }
cpu_seconds() { awk -v tck="$CLK_TCK" '{printf "%.1f", ($14 + $15) / tck}' "/proc/$SERVER/stat"; }
heap_used_mib() { jcmd "$SERVER" GC.heap_info 2>/dev/null | awk '/used/ {for (i = 1; i <= NF; i++) if ($i == "used") {sub(/K,?/, "", $(i+1)); printf "%d", $(i+1) / 1024; exit}}'; }

ROWS=()
for n in "${SIZES[@]}"; do
    samples="$WORK/samples-$n.txt"
    : > "$samples"
    sleep 5 # let the previous size's sockets close
    before_threads=$(threads)
    before_cpu=$(cpu_seconds)
    run_seconds=$(awk -v r="$RAMP" -v c="$COUNT" -v d="$DELAY" 'BEGIN {printf "%d", r + c * d + 60}')
    # sampler: threads, heap in use and RSS every second; one full GC when every stream is open, for the live heap
    (
        live_at=$(awk -v r="$RAMP" -v c="$COUNT" -v d="$DELAY" 'BEGIN {printf "%d", r + c * d / 4}')
        start=$SECONDS
        while [ $((SECONDS - start)) -lt "$run_seconds" ]; do
            if [ -n "$live_at" ] && [ $((SECONDS - start)) -ge "$live_at" ]; then
                jcmd "$SERVER" GC.run > /dev/null 2>&1 || true
                echo "live $(heap_used_mib)" >> "$samples"
                live_at=
            fi
            echo "sample $(threads) $(heap_used_mib) $(rss_mib)" >> "$samples"
            sleep 1
        done
    ) &
    SAMPLER=$!
    result=$(java -Xmx2g -cp "$WORK/classes" StreamLoad "$URL" "$n" "$COUNT" "$DELAY" "$RAMP" 60)
    kill $SAMPLER 2>/dev/null || true
    wait $SAMPLER 2>/dev/null || true
    SAMPLER=
    sleep 5
    after_threads=$(threads)
    # which pools grew: thread names without their numbers, counted
    jcmd "$SERVER" Thread.print 2>/dev/null | sed -n 's/^"\([^"]*\)".*/\1/p' | sed 's/[0-9][0-9]*/N/g' | sort | uniq -c \
        | sort -rn > "$WORK/threads-after-$n.txt" || true
    cpu=$(awk -v a="$before_cpu" -v b="$(cpu_seconds)" 'BEGIN {printf "%.1f", b - a}')
    echo "N=$n $result threads_before=$before_threads threads_after=$after_threads cpu_s=$cpu" | tee -a "$WORK/runs.log"
    field() { sed -n "s/.*\\b$1=\\([^ ]*\\).*/\\1/p" <<< "$result"; }
    max_threads=$(awk '$1 == "sample" && $2 > m {m = $2} END {print m + 0}' "$samples")
    max_heap=$(awk '$1 == "sample" && $3 > m {m = $3} END {print m + 0}' "$samples")
    max_rss=$(awk '$1 == "sample" && $4 > m {m = $4} END {print m + 0}' "$samples")
    live=$(awk '$1 == "live" {print $2}' "$samples")
    ROWS+=("| $n | $(field good) | $(field failed) ($(field failures)) | $(field peak_in_flight) | $(field headers_p50_ms) / $(field headers_p99_ms) | $(field first_chunk_p50_ms) / $(field first_chunk_p99_ms) / $(field first_chunk_max_ms) | $before_threads / $max_threads / $after_threads | $max_heap | ${live:-?} | $max_rss | $cpu | $(field client_cpu_s) |")
done

{
    echo "# Streams at scale"
    echo
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo),"
    echo "$(java -version 2>&1 | head -1), Payara Micro $(grep -m1 -o '<payara.version>[^<]*' pom.xml | cut -d'>' -f2), server \`-Xmx1g\`."
    echo "Command: \`bench/streams.sh ${SIZES[*]}\`. Each call: seed-dialect \`generate_numbers\` with $COUNT chunks $DELAY s apart"
    echo "(first chunk due after $DELAY s), calls opened evenly over $RAMP s, client and server on the same 2 cores."
    echo
    echo "| Streams | Whole | Failed | Peak in flight | Headers p50 / p99 (ms) | First chunk p50 / p99 / max (ms) | Server threads before / max / after | Heap in use, max (MiB) | Live heap mid-run (MiB) | RSS max (MiB) | Server CPU (s) | Client CPU (s) |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    printf '%s\n' "${ROWS[@]}"
} > "$OUT/streams.md"
cat "$OUT/streams.md"
