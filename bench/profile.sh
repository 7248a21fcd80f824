#!/usr/bin/env bash
# Where the server's CPU goes for one kind of request: async-profiler (tools.profiler:async-profiler from Maven
# Central) samples CPU time, kernel included, while wrk sends `add` to one WAR in one Payara Micro; the report gives
# µs per request below the frames that matter (the raw servlet's and stateless-mcp's).
#   usage: bench/profile.sh [raw|raw-cdi|ours|quiet|secured|traced] [seed|mcp] [seconds, default 20]
#   PROFILE_EVENT=alloc: bytes allocated per request instead of CPU time
#   raw    bench/baselines/raw-servlet; raw-cdi  the same made a CDI bean archive (a beans.xml)
#   ours   target/stateless-mcp.war; quiet  the same without its access log
#   secured  the same with an API key and a leased rate limit (the request carries the key)
#   traced   quiet, with telemetry on: every request sampled and exported over OTLP/HTTP to bench/otlp-sink
# The collapsed stacks stay in target/bench/profile/<target>-<dialect>.collapsed (open them with any flame graph
# tool). Loopback only; the load is bounded in time; the server is stopped by its PID.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
TARGET=${1:-ours}
DIALECT=${2:-seed}
SECONDS_PROFILED=${3:-20}
PORT=${BENCH_PORT:-18080}
WORK=target/bench/profile
AP_VERSION=4.1
[ -n "${BENCH_NO_BUILD:-}" ] || mvn -B -q -ntp clean package -DskipTests
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
mkdir -p "$WORK"
(cd bench/baselines/raw-servlet && mvn -B -q -ntp package)
mvn -B -q -ntp dependency:copy -Dartifact="tools.profiler:async-profiler:$AP_VERSION" -DoutputDirectory="$WORK"
rm -rf "$WORK/ap" && mkdir -p "$WORK/ap" && (cd "$WORK/ap" && unzip -q "../async-profiler-$AP_VERSION.jar")
AGENT=$PWD/$WORK/ap/linux-x64/libasyncProfiler.so

case "$TARGET" in
    raw) WAR=bench/baselines/raw-servlet/target/raw.war; CONTEXT=raw ;;
    raw-cdi)
        bean_archive raw-cdi bench/baselines/raw-servlet/target/raw.war
        WAR=$WORK/raw-cdi.war; CONTEXT=raw-cdi ;;
    ours) WAR=target/stateless-mcp.war; CONTEXT=ours ;;
    quiet)
        copy_with quiet '\nsmcp.log.access=false\n'
        WAR=$WORK/quiet.war; CONTEXT=quiet ;;
    secured)
        KEY=bench-key-0123456789abcdef0123
        copy_with secured "\nsmcp.auth.enabled=true\nsmcp.api-keys=$KEY\nsmcp.rate-limit.enabled=true\nsmcp.default-rate-limit=100000000/minute\n"
        WAR=$WORK/secured.war; CONTEXT=secured ;;
    traced)
        # telemetry on, every request sampled, every span exported over OTLP/HTTP to a sink that keeps nothing
        SINK_PORT=${BENCH_SINK_PORT:-18095}
        copy_with traced "\notel.sdk.disabled=false\notel.traces.exporter=otlp\notel.metrics.exporter=none\notel.logs.exporter=none\notel.exporter.otlp.protocol=http/protobuf\notel.exporter.otlp.endpoint=http://127.0.0.1:$SINK_PORT\nsmcp.log.access=false\n"
        java bench/otlp-sink/OtlpSink.java "$SINK_PORT" > "$WORK/sink.log" 2>&1 &
        SINK=$!
        WAR=$WORK/traced.war; CONTEXT=traced ;;
    *) echo "usage: bench/profile.sh [raw|raw-cdi|ours|quiet|secured|traced] [seed|mcp] [seconds]" >&2; exit 2 ;;
esac
[ "$WAR" -ef "$WORK/$CONTEXT.war" ] || cp "$WAR" "$WORK/$CONTEXT.war"

java -Xmx1g -Dhazelcast.socket.bind.any=false -jar target/payara-micro/payara-micro.jar \
    --deploy "$WORK/$CONTEXT.war" --port "$PORT" --nocluster --disablephonehome \
    --prebootcommandfile server-config/payara-micro/preboot.asadmin > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER ${SINK:-} 2>/dev/null || true' EXIT
await_ready "$WORK/server.log"

if [ "$DIALECT" = mcp ]; then
    BODY='{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"add","arguments":{"a":2,"b":3}}}'
    VERSION='wrk.headers["MCP-Protocol-Version"] = "2025-06-18"'
else
    BODY='{"jsonrpc":"2.0","id":1,"method":"add","params":{"a":2,"b":3}}'
    VERSION=''
fi
KEY_HEADER=${KEY:+wrk.headers[\"X-API-Key\"] = \"$KEY\"}
printf 'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.headers["Accept"] = "application/json, text/event-stream"\n%s\n%s\nwrk.body = %s\n' \
    "$VERSION" "$KEY_HEADER" "'$BODY'" > "$WORK/post.lua"
URL=http://127.0.0.1:$PORT/$CONTEXT/mcp
curl -s -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream' \
    ${VERSION:+-H MCP-Protocol-Version:2025-06-18} ${KEY:+-H X-API-Key:$KEY} -d "$BODY" "$URL" | grep -q '"result":5\|\\"result\\":5' \
    || { echo "$URL does not answer add" >&2; exit 1; }

# a long warm-up: the JIT compiler works on stateless-mcp for about a minute of load, and its threads would
# otherwise take a share of the profile
wrk -t1 -c32 -d"${PROFILE_WARMUP:-75}s" -s "$WORK/post.lua" "$URL" > /dev/null
OUT=$PWD/$WORK/$TARGET-$DIALECT.collapsed
# quoted once more: jcmd would otherwise split the agent's options at '='
if [ "${PROFILE_EVENT:-cpu}" = alloc ]; then
    # bytes allocated on the heap, sampled by async-profiler and scaled to totals
    OUT=$PWD/$WORK/$TARGET-$DIALECT-alloc.collapsed
    jcmd "$SERVER" JVMTI.agent_load "$AGENT" "\"start,event=alloc\"" > /dev/null
    REQUESTS=$(wrk -t1 -c32 -d"${SECONDS_PROFILED}s" -s "$WORK/post.lua" "$URL" | awk '/requests in/ {print $1}')
    jcmd "$SERVER" JVMTI.agent_load "$AGENT" "\"stop,collapsed,total,file=$OUT\"" > /dev/null
    awk -v n="$REQUESTS" -v t="$TARGET $DIALECT" '
        { all += $NF } /StandardHostValve.invoke/ { app += $NF } /grizzly/ { http += $NF }
        END { printf "# %s add: %d requests; bytes allocated per request: %.0f in all, %.0f on the HTTP threads, %.0f below the web container'"'"'s host valve\n", t, n, all / n, http / n, app / n }' "$OUT"
    exit 0
fi
jcmd "$SERVER" JVMTI.agent_load "$AGENT" "\"start,event=cpu,interval=500us\"" > /dev/null
REQUESTS=$(wrk -t1 -c32 -d"${SECONDS_PROFILED}s" -s "$WORK/post.lua" "$URL" | awk '/requests in/ {print $1}')
jcmd "$SERVER" JVMTI.agent_load "$AGENT" "\"stop,collapsed,file=$OUT\"" > /dev/null

echo "# $TARGET $DIALECT add: $REQUESTS requests in ${SECONDS_PROFILED} s, CPU sampled every 500 µs (profiling adds its own cost)"
java bench/profile/CpuTree.java "$OUT" "$REQUESTS" 500 "${PROFILE_DEPTH:-6}" "${PROFILE_MIN_US:-0.5}" \
    'org/apache/catalina/core/StandardHostValve.invoke' 'jakarta/servlet/http/HttpServlet.service' \
    'org/statelessmcp/transport/McpServlet.service' 'CompileBroker::compiler_thread_loop' \
    ${KEY:+'org/statelessmcp/security/ApiKeyAuthModule.validateRequest' 'org/statelessmcp/security/RateLimiter.admit'}
