#!/usr/bin/env bash
# Scale-out, shown rather than claimed: three instances of the uber-jar in one Payara (Hazelcast) data grid behind
# an nginx of our own (round robin, no affinity), secured as in production (API keys, rate limits leased from the
# data grid). First the server CPU per secured `add` through nginx, summed over the three (wrk); then a mixed load
# through nginx, one instance killed with kill -9 a third into the run. Every answer is checked in full; failures
# are classified: streams in flight on the killed instance may break, nothing else may fail. Afterwards: one rate
# limit enforced cluster-wide by the survivors, their metrics still scrapeable, and the killed instance restarted
# and serving again.
#
# Loopback only (HTTP 18081-18083, nginx 18080, Hazelcast 18901-18903); the load is bounded in time and count; the
# script stops what it started, by PID (trap EXIT). Needs nginx (installed with apt-get when missing; the system
# service is never used) and a JDK 17. Writes bench/results/cluster.md.
#
# usage: bench/cluster.sh [seconds of load, default 40]
#   environment: BOOT_TIMEOUT (s, default 300), ADD_WORKERS (4), ADD_PAUSE_MS (20), SEED_STREAMS (6),
#                MCP_STREAMS (6), MAX_PER_KIND (20000), ECHO_LIMIT (30), CPU_SECONDS (wrk's run, 10),
#                CPU_WARMUP (wrk's warm-up before it, 60)
set -euo pipefail
cd "$(dirname "$0")/.."
LOAD_SECONDS=${1:-40}
KILL_AT=$((LOAD_SECONDS / 3))       # the kill lands a third into the run
BOOT_TIMEOUT=${BOOT_TIMEOUT:-300}   # three JVMs booting together on 2 shared cores take ≈ 60 s; leave room
ADD_WORKERS=${ADD_WORKERS:-4}
ADD_PAUSE_MS=${ADD_PAUSE_MS:-20}    # paced: the point is correctness under failover, not the machine's ceiling
SEED_STREAMS=${SEED_STREAMS:-6}
MCP_STREAMS=${MCP_STREAMS:-6}
MAX_PER_KIND=${MAX_PER_KIND:-20000}
ECHO_LIMIT=${ECHO_LIMIT:-30}
CPU_SECONDS=${CPU_SECONDS:-10}
CPU_WARMUP=${CPU_WARMUP:-60}        # three JVMs share 2 cores: their JIT needs about a minute of load to settle
KEY_A=bench-cluster-key-a-0123456789abcdef   # two callers, each with its own rate-limit windows
KEY_B=bench-cluster-key-b-fedcba9876543210
export BENCH_API_KEY=$KEY_A                  # ClusterLoad's key
VICTIM=2                            # the instance killed with kill -9
NGINX_PORT=18080
JAR=target/stateless-mcp-micro.jar
OUT=bench/results
WORK=$PWD/target/bench/cluster      # fresh every run: a reused Payara root dir redeploys old apps and 404s
# always from clean: the WAR plugin keeps classes deleted from the sources in its exploded directory
[ -n "${BENCH_NO_BUILD:-}" ] || mvn -B -ntp -q -Puberjar clean package -DskipTests
rm -rf "$WORK" && mkdir -p "$WORK/nginx/tmp" "$OUT"
chmod 755 "$WORK" "$WORK/nginx"     # nginx's worker runs as nobody and must reach its temp dirs

if ! command -v nginx > /dev/null; then
    apt-get install -y nginx > "$WORK/apt.log" 2>&1 || { apt-get update -q > /dev/null && apt-get install -y nginx > "$WORK/apt.log" 2>&1; }
fi
javac -d "$WORK/client" bench/cluster/ClusterLoad.java   # compiled once, so the load starts when it is launched

# ---- processes we start, and only those, are stopped on exit, by PID ----
declare -A PID=()
NGINX_PID=
LOAD_PID=
stop() { # $1 = pid: TERM, up to 30 s to go, then KILL
    kill "$1" 2> /dev/null || return 0
    for _ in $(seq 1 60); do kill -0 "$1" 2> /dev/null || return 0; sleep 0.5; done
    kill -9 "$1" 2> /dev/null || true
}
cleanup() {
    [ -n "$LOAD_PID" ] && stop "$LOAD_PID"
    [ -n "$NGINX_PID" ] && stop "$NGINX_PID"
    for i in "${!PID[@]}"; do stop "${PID[$i]}" & done
    wait 2> /dev/null || true
    rm -rf "$WORK"/root*            # Payara's unpacked root dirs (≈ 150 MB each); the logs stay
}
trap cleanup EXIT

# ---- three instances, one data grid, on loopback ----
SECRET=bench-cluster-request-state-secret-0123456789
declare -A LOG=()
start_instance() { # $1 = instance number, $2 = its log file; a fresh root dir every time
    local root; root=$(mktemp -d "$WORK/root$1.XXXX")
    LOG[$1]=$2
    env SMCP_MCP_REQUEST_STATE_SECRET="$SECRET" \
        SMCP_AUTH_ENABLED=true \
        SMCP_API_KEYS="[{\"name\":\"client-a\",\"key\":\"$KEY_A\"},{\"name\":\"client-b\",\"key\":\"$KEY_B\"}]" \
        SMCP_RATE_LIMIT_ENABLED=true \
        SMCP_DEFAULT_RATE_LIMIT=100000000/minute \
        SMCP_RATE_LIMIT_TOOLS="echo=$ECHO_LIMIT/minute" \
        SMCP_TRUSTED_PROXIES=127.0.0.1 \
        SMCP_LOG_ACCESS=false \
        java -Xmx256m -Dhazelcast.socket.bind.any=false -jar "$JAR" \
            --port "1808$1" --clustername smcp-bench \
            --clustermode tcpip:127.0.0.1:18901,127.0.0.1:18902,127.0.0.1:18903 \
            --interfaces 127.0.0.1 --startport "1890$1" --disablephonehome --rootdir "$root" \
            > "$2" 2>&1 &
    PID[$1]=$!
}
# the default limit (every caller, every request) is set far above the load, so only echo's own limit bites;
# limits are kept per key (the caller's principal); SMCP_TRUSTED_PROXIES would let nginx's X-Forwarded-For name
# callers without a key

await_member() { # $1 = instance number: /health/ready answers 200 and the log shows a data grid of 3
    local deadline=$((SECONDS + BOOT_TIMEOUT))
    while [ $SECONDS -lt $deadline ]; do
        kill -0 "${PID[$1]}" 2> /dev/null || { echo "instance $1 exited:" >&2; tail -20 "${LOG[$1]}" >&2; exit 1; }
        if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:1808$1/health/ready")" = 200 ] \
            && grep -q "DG Size: 3" "${LOG[$1]}"; then
            return 0
        fi
        sleep 1
    done
    echo "instance $1 not ready with DG Size: 3 in $BOOT_TIMEOUT s" >&2
    tail -20 "${LOG[$1]}" >&2
    exit 1
}

LOAD_AVG_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
BOOT_START=$SECONDS
for i in 1 2 3; do start_instance $i "$WORK/instance$i.log"; done
for i in 1 2 3; do await_member $i; done
BOOT_TOOK=$((SECONDS - BOOT_START))
echo "3 instances ready, DG Size: 3, in $BOOT_TOOK s (pids ${PID[1]} ${PID[2]} ${PID[3]})" >&2

# ---- nginx of our own: round robin, no affinity, streams unbuffered, keepalive upstream ----
cat > "$WORK/nginx/nginx.conf" <<EOF
daemon off;
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
    # the upstream address stays last: awk's \$NF is the instance that answered; a connect time "-" is a refused try
    log_format bench '\$msec \$status \$request_time "\$request" [\$upstream_connect_time] \$upstream_status \$upstream_addr';
    access_log $WORK/nginx/access.log bench;
    client_body_temp_path $WORK/nginx/tmp/body;
    proxy_temp_path $WORK/nginx/tmp/proxy;
    fastcgi_temp_path $WORK/nginx/tmp/fastcgi;
    uwsgi_temp_path $WORK/nginx/tmp/uwsgi;
    scgi_temp_path $WORK/nginx/tmp/scgi;
    upstream smcp {
        # round robin (nginx's default), no affinity; a member that fails is skipped for 10 s, then tried again
        server 127.0.0.1:18081 max_fails=1 fail_timeout=10s;
        server 127.0.0.1:18082 max_fails=1 fail_timeout=10s;
        server 127.0.0.1:18083 max_fails=1 fail_timeout=10s;
        keepalive 32;
    }
    server {
        listen 127.0.0.1:$NGINX_PORT;
        location / {
            proxy_pass http://smcp;
            proxy_http_version 1.1;            # keepalive to the instances ...
            proxy_set_header Connection "";    # ... needs HTTP/1.1 and no "Connection: close"
            proxy_set_header Host \$host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_buffering off;               # NDJSON and SSE chunks pass as they come
            proxy_read_timeout 60s;
            # a POST whose instance refused or dropped the connection before answering goes to the next one:
            # what makes a dead member invisible, at the price that a call the dead member had begun runs twice
            proxy_next_upstream error timeout non_idempotent;
            add_header X-Upstream \$upstream_addr always;   # which instance(s) served: lets failures be classified
        }
    }
}
EOF
nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -e "$WORK/nginx/error.log" &
NGINX_PID=$!
for _ in $(seq 1 50); do
    curl -s -o /dev/null "http://127.0.0.1:$NGINX_PORT/health/ready" && break
    sleep 0.2
done

# ---- a short warm-up through nginx (JIT, connections), checked like the run but kept apart ----
client() { java -Xmx128m -cp "$WORK/client" ClusterLoad "http://127.0.0.1:$NGINX_PORT/mcp" "$@"; }
client 5 "$MAX_PER_KIND" 2 "$ADD_PAUSE_MS" 2 2 "$WORK/warmup.tsv" > /dev/null
WARMUP_FAILED=$(awk -F'\t' '$7 == 0' "$WORK/warmup.tsv" | wc -l)

# ---- server CPU per secured request through nginx, summed over the three instances (nginx not counted) ----
command -v wrk > /dev/null || apt-get install -y wrk > "$WORK/apt-wrk.log" 2>&1
cat > "$WORK/cpu.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json, text/event-stream"
wrk.headers["MCP-Protocol-Version"] = "2025-06-18"
wrk.headers["X-API-Key"] = "$KEY_A"
wrk.body = '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"add","arguments":{"a":2,"b":3}}}'
LUA
cpu_ticks() { local sum=0 i; for i in 1 2 3; do sum=$((sum + $(awk '{print $14 + $15}' "/proc/${PID[$i]}/stat"))); done; echo "$sum"; }
wrk -t1 -c32 -d"${CPU_WARMUP}s" -s "$WORK/cpu.lua" "http://127.0.0.1:$NGINX_PORT/mcp" > "$WORK/cpu-warmup.txt"
CPU_BEFORE=$(cpu_ticks)
wrk -t1 -c32 -d"${CPU_SECONDS}s" -s "$WORK/cpu.lua" "http://127.0.0.1:$NGINX_PORT/mcp" > "$WORK/cpu.txt"
CPU_AFTER=$(cpu_ticks)
CPU_REQUESTS=$(awk '/requests in/ {print $1}' "$WORK/cpu.txt")
CPU_NON2XX=$(awk '/Non-2xx/ {print $NF}' "$WORK/cpu.txt")
CPU_RATE=$(awk '/Requests\/sec/ {print $2}' "$WORK/cpu.txt")
CPU_US=$(awk -v t=$((CPU_AFTER - CPU_BEFORE)) -v hz="$(getconf CLK_TCK)" -v n="$CPU_REQUESTS" 'BEGIN {printf "%.0f", t / hz * 1e6 / n}')
echo "secured MCP add through nginx: $CPU_REQUESTS requests, $CPU_US µs server CPU each (three instances)" >&2

# ---- the run: load for LOAD_SECONDS, instance VICTIM killed with kill -9 at KILL_AT ----
client "$LOAD_SECONDS" "$MAX_PER_KIND" "$ADD_WORKERS" "$ADD_PAUSE_MS" "$SEED_STREAMS" "$MCP_STREAMS" "$WORK/load.tsv" \
    > "$WORK/load.out" &
LOAD_PID=$!
for _ in $(seq 1 300); do grep -q "load started" "$WORK/load.out" && break; sleep 0.1; done  # a JVM's start, not counted
LOAD_START_MS=$(date +%s%3N)
sleep "$KILL_AT"
KILL_MS=$(date +%s%3N)
{ kill -9 "${PID[$VICTIM]}"; wait "${PID[$VICTIM]}"; } 2> /dev/null || true   # the shell's "Killed" note, silenced
unset "PID[$VICTIM]"
echo "killed instance $VICTIM (127.0.0.1:1808$VICTIM) with kill -9 at +$(( (KILL_MS - LOAD_START_MS) / 1000 )) s" >&2
wait "$LOAD_PID"
LOAD_PID=

# ---- classification: a failure is expected only when it was in flight on the killed instance ----
# records: kind id start end status upstream(s) ok reason; in flight = started before the kill, ended after it,
# and its (last) upstream was the killed instance
VICTIM_ADDR=127.0.0.1:1808$VICTIM
classify() {
    awk -F'\t' -v kill="$KILL_MS" -v victim="$VICTIM_ADDR" '
        { n = split($6, up, "+"); last = up[n]; sent[$1]++ }
        $7 == 1 { ok[$1]++; if (n > 1) retried[$1]++; if ($4 - $3 > max[$1]) max[$1] = $4 - $3 }
        $7 == 0 { failed[$1]++
                  if (last == victim && $3 <= kill && $4 >= kill) inflight[$1]++; else other[$1]++ }
        END {
            split("seed_add seed_stream mcp_stream", kinds, " ")
            for (k = 1; k <= 3; k++) {
                kind = kinds[k]
                printf "%s %d %d %d %d %d %d %d\n", kind, sent[kind], ok[kind], retried[kind], failed[kind], inflight[kind], other[kind], max[kind]
            }
        }' "$WORK/load.tsv"
}
median_ms() { # $1 = kind: the median duration of its successful requests
    awk -F'\t' -v k="$1" '$1 == k && $7 == 1 {print $4 - $3}' "$WORK/load.tsv" | sort -n \
        | awk '{d[NR] = $1} END {print (NR ? d[int((NR + 1) / 2)] : 0)}'
}
classify | while read -r kind rest; do echo "$kind $rest $(median_ms "$kind")"; done > "$WORK/table.txt"
UNEXPECTED=$(awk '{s += $7} END {print s + 0}' "$WORK/table.txt")
REASONS=$(awk -F'\t' -v kill="$KILL_MS" -v victim="$VICTIM_ADDR" '$7 == 0 {
        n = split($6, up, "+"); where = (up[n] == victim && $3 <= kill && $4 >= kill) ? "in flight on killed" : "UNEXPECTED"
        reason = $8; sub(/; last line .*/, "", reason); sub(/ \(java\.io\.IOException: /, " (", reason)
        print "| " $1 " | " where " | " up[n] " | " reason " |" }' "$WORK/load.tsv" | sort | uniq -c \
    | awk '{c = $1; $1 = ""; sub(/^ /, ""); sub(/ \|$/, " | " c " |"); print}')
SERVED=$(awk -F'\t' -v kill="$KILL_MS" '$7 == 1 { n = split($6, up, "+"); if ($3 < kill) before[up[n]]++; else after[up[n]]++; all[up[n]] = 1 }
        END { for (a in all) printf "| %s | %d | %d |\n", a, before[a], after[a] }' "$WORK/load.tsv" | sort)
# the slowest add of the run, and the slowest of those in flight at the kill or started within 5 s after it
SLOWEST_ADD=$(awk -F'\t' -v k="$KILL_MS" '$1 == "seed_add" && $7 == 1 && $4 - $3 > m {m = $4 - $3; at = ($3 - k) / 1000}
        END {printf "%d ms, started %+.1f s from the kill", m, at}' "$WORK/load.tsv")
SLOWEST_AT_KILL=$(awk -F'\t' -v k="$KILL_MS" '$1 == "seed_add" && $7 == 1 && $4 >= k && $3 <= k + 5000 && $4 - $3 > m {m = $4 - $3}
        END {printf "%d ms", m}' "$WORK/load.tsv")
DG_SURVIVORS=$(for i in 1 2 3; do
        [ "$i" = "$VICTIM" ] && continue
        echo "instance $i: $(grep -o 'DG Size: [0-9]*' "$WORK/instance$i.log" | sed 's/DG Size: //' | paste -sd,)"
    done | paste -sd';' | sed 's/;/; /g')
FIRST_START=$(awk -F'\t' 'NR == 1 || $3 < m {m = $3} END {print m}' "$WORK/load.tsv")
LAST_END=$(awk -F'\t' '$4 > m {m = $4} END {print m}' "$WORK/load.tsv")
KILL_OFFSET=$(awk -v k="$KILL_MS" -v s="$FIRST_START" 'BEGIN {printf "%.1f", (k - s) / 1000}')
RUN_LENGTH=$(awk -v e="$LAST_END" -v s="$FIRST_START" 'BEGIN {printf "%.1f", (e - s) / 1000}')

# ---- one rate limit, cluster-wide: ECHO_LIMIT+5 echo calls from one client, spread over the survivors ----
# The client is named by its key (client-a); a second key (client-b) has windows of its own.
echo_call() { # $1 = id, $2 = the client's API key -> "status upstream"
    curl -s -o /dev/null -w '%{http_code} %header{x-upstream}\n' "http://127.0.0.1:$NGINX_PORT/mcp" \
        -H 'Content-Type: application/json' -H "X-API-Key: $2" \
        -d "{\"jsonrpc\":\"2.0\",\"id\":$1,\"method\":\"echo\",\"params\":{\"message\":\"x\"}}"
}
: > "$WORK/echo.txt"
for n in $(seq 1 $((ECHO_LIMIT + 5))); do echo_call "$n" "$KEY_A" >> "$WORK/echo.txt"; done
ADMITTED=$(awk '$1 == 200' "$WORK/echo.txt" | wc -l)
REFUSED=$(awk '$1 == 429' "$WORK/echo.txt" | wc -l)
ECHO_OTHER=$(awk '$1 != 200 && $1 != 429' "$WORK/echo.txt" | wc -l)
ECHO_SPREAD=$(awk '{key[$NF " " $1]++} END {for (k in key) print k, key[k]}' "$WORK/echo.txt" | sort \
    | awk '{printf "%s%s %s: %s", sep, $1, $2, $3; sep = "; "}')   # last upstream and status -> count
OTHER_CLIENT=$(echo_call 999 "$KEY_B" | cut -d' ' -f1)
RATE_OK=no
# leased windows: never more than the limit, at most an unused block (an eighth of the limit) fewer per survivor
ECHO_FLOOR=$((ECHO_LIMIT - 2 * (ECHO_LIMIT / 8 > 1 ? ECHO_LIMIT / 8 : 1)))
if [ "$ADMITTED" -ge "$ECHO_FLOOR" ] && [ "$ADMITTED" -le $((ECHO_LIMIT + 1)) ] && [ "$ECHO_OTHER" = 0 ] \
    && [ "$OTHER_CLIENT" = 200 ]; then RATE_OK=yes; fi

# ---- metrics of each survivor, against nginx's count of the 200s it got from that instance ----
# (everything through nginx here is a tool call: the warm-up, the run, the echo calls; a 429 runs no tool)
METRICS_ROWS=
METRICS_OK=yes
for i in 1 2 3; do
    [ "$i" = "$VICTIM" ] && continue
    code=$(curl -s -o "$WORK/metrics$i.txt" -w '%{http_code}' "http://127.0.0.1:1808$i/metrics?scope=application")
    lines=$(grep -c '^mcp_requests_total' "$WORK/metrics$i.txt" || true)
    success=$(awk '/^mcp_requests_total/ && /status="success"/ {s += $NF} END {printf "%d", s}' "$WORK/metrics$i.txt")
    by_nginx=$(awk -v a="127.0.0.1:1808$i" '$2 == 200 && $NF == a && $4 == "\"POST" {c++} END {print c + 0}' "$WORK/nginx/access.log")
    # wrk stops with calls in flight: nginx logs 499 for them, though the instance may have answered them
    in_doubt=$(awk -v a="127.0.0.1:1808$i" '$2 == 499 && $NF == a && $4 == "\"POST" {c++} END {print c + 0}' "$WORK/nginx/access.log")
    [ "$code" = 200 ] && [ "$lines" -gt 0 ] && [ "$success" -ge "$by_nginx" ] \
        && [ "$success" -le $((by_nginx + in_doubt)) ] || METRICS_OK=no
    METRICS_ROWS+="| $i (127.0.0.1:1808$i) | $code | $lines | $success | $by_nginx | $in_doubt |"$'\n'
done
NGINX_502=$(awk '$2 == 502' "$WORK/nginx/access.log" | wc -l)
NGINX_RETRIED=$(grep -c ', 127\.0\.0\.1:' "$WORK/nginx/access.log" || true)   # $upstream_addr lists every try
NGINX_REFUSED=$(grep ', 127\.0\.0\.1:' "$WORK/nginx/access.log" | grep -c '\[-' || true)  # first try never connected

# ---- the killed instance comes back with a fresh root dir, rejoins the grid and takes its share ----
RESTART_START=$SECONDS
start_instance "$VICTIM" "$WORK/instance$VICTIM-restarted.log"
await_member "$VICTIM"
RESTART_TOOK=$((SECONDS - RESTART_START))
sleep 11    # nginx skips a failed member for fail_timeout (10 s) after its last failure
: > "$WORK/after-restart.txt"
for n in $(seq 1 30); do
    curl -s -w ' %{http_code} %header{x-upstream}\n' "http://127.0.0.1:$NGINX_PORT/mcp" -H 'Content-Type: application/json' -H "X-API-Key: $KEY_A" \
        -d "{\"jsonrpc\":\"2.0\",\"id\":$n,\"method\":\"add\",\"params\":{\"a\":2,\"b\":3}}" >> "$WORK/after-restart.txt"
done
RESTART_SERVED=$(awk -v a="127.0.0.1:1808$VICTIM" '$0 ~ /"result":\{"result":5\}/ && $2 == 200 && $NF == a' "$WORK/after-restart.txt" | wc -l)
RESTART_OK=$(grep -c '"result":{"result":5}' "$WORK/after-restart.txt" || true)
DG_AFTER=$(grep -o 'DG Size: [0-9]*' "$WORK/instance$VICTIM-restarted.log" | tail -1)

# ---- the report ----
VERDICT=PASS
[ "$UNEXPECTED" = 0 ] && [ "$WARMUP_FAILED" = 0 ] && [ "$RATE_OK" = yes ] && [ "$METRICS_OK" = yes ] \
    && [ "$NGINX_502" = 0 ] && [ "${CPU_NON2XX:-0}" = 0 ] || VERDICT=FAIL
{
    echo "# Three instances behind nginx, one killed mid-run — $(date -u +%Y-%m-%dT%H:%MZ)"
    echo
    echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), Linux $(uname -r),"
    echo "$(java -version 2>&1 | head -1), $(nginx -v 2>&1 | sed 's/.*: //'), Payara Micro 6.2025.10 (\`$JAR\`)."
    echo "Load average before the run: $LOAD_AVG_BEFORE (the machine is shared)."
    echo
    echo "Command: \`bench/cluster.sh $LOAD_SECONDS\` (ADD_WORKERS=$ADD_WORKERS ADD_PAUSE_MS=$ADD_PAUSE_MS SEED_STREAMS=$SEED_STREAMS"
    echo "MCP_STREAMS=$MCP_STREAMS MAX_PER_KIND=$MAX_PER_KIND ECHO_LIMIT=$ECHO_LIMIT). Each instance:"
    echo
    echo '```'
    echo "java -Xmx256m -Dhazelcast.socket.bind.any=false -jar $JAR --port 1808<i> --clustername smcp-bench \\"
    echo "     --clustermode tcpip:127.0.0.1:18901,127.0.0.1:18902,127.0.0.1:18903 --interfaces 127.0.0.1 \\"
    echo "     --startport 1890<i> --disablephonehome --rootdir <fresh temp dir>"
    echo "# SMCP_RATE_LIMIT_ENABLED=true SMCP_DEFAULT_RATE_LIMIT=100000000/minute SMCP_RATE_LIMIT_TOOLS=echo=$ECHO_LIMIT/minute"
    echo "# SMCP_TRUSTED_PROXIES=127.0.0.1 SMCP_LOG_ACCESS=false SMCP_MCP_REQUEST_STATE_SECRET=<the same 45 characters>"
    echo "# SMCP_AUTH_ENABLED=true SMCP_API_KEYS=<two keys: client-a, client-b> (rate limits leased, the default mode)"
    echo '```'
    echo
    echo "nginx 127.0.0.1:$NGINX_PORT: round robin over the three, no affinity, \`proxy_buffering off\`, HTTP/1.1 keepalive"
    echo "upstream, \`proxy_next_upstream error timeout non_idempotent\`, \`max_fails=1 fail_timeout=10s\`."
    echo "Boot of the three together, until each answered \`/health/ready\` 200 and logged \`DG Size: 3\`: $BOOT_TOOK s."
    echo
    echo "## Server CPU per secured request, three instances"
    echo
    echo "\`wrk -t1 -c32 -d${CPU_SECONDS}s\` through nginx after ${CPU_WARMUP} s of the same to warm up: MCP \`tools/call add\` with"
    echo "client-a's key, rate-limited (leased windows). $CPU_REQUESTS requests ($CPU_RATE/s), ${CPU_NON2XX:-0} non-2xx;"
    echo "**$CPU_US µs of server CPU per request**, summed over the three instances (their Hazelcast members"
    echo "included; nginx and wrk not counted). Compare with the single-instance rows of \`compare.sh\` in the same run."
    echo
    echo "## The run"
    echo
    echo "Load for ${LOAD_SECONDS} s (bounded also at $MAX_PER_KIND requests per kind; requests in flight at the end"
    echo "finished: $RUN_LENGTH s from first start to last end), through nginx, concurrently:"
    echo
    echo "- \`seed_add\`: seed dialect \`add\` 2+3, $ADD_WORKERS workers each pausing $ADD_PAUSE_MS ms between calls; ok = the exact answer with its id;"
    echo "- \`seed_stream\`: seed dialect \`generate_numbers\` count 5, delay 0.2 ($SEED_STREAMS workers); ok = NDJSON, chunks 1..5 in"
    echo "  order, then exactly the final JSON-RPC line with the id;"
    echo "- \`mcp_stream\`: MCP 2025-11-25 \`tools/call generate_numbers\` (same arguments) with \`_meta.progressToken\` ($MCP_STREAMS"
    echo "  workers); ok = \`text/event-stream\`, progress 1..5 for the token in order, then exactly the result with the id."
    echo
    echo "Instance $VICTIM ($VICTIM_ADDR) killed with \`kill -9\` at +$KILL_OFFSET s ($(date -u -d @$((KILL_MS / 1000)) +%H:%M:%SZ))."
    echo "A failure counts as *in flight on the killed instance* when nginx's \`X-Upstream\` names that instance and the"
    echo "request started before the kill and ended after it; every other failure is unexpected."
    echo
    echo "| kind | sent | ok | ok after an nginx retry | failed | failed in flight on killed | failed otherwise | median ms (ok) | max ms (ok) |"
    echo "|---|---|---|---|---|---|---|---|---|"
    awk '{printf "| %s | %d | %d | %d | %d | %d | %d | %d | %d |\n", $1, $2, $3, $4, $5, $6, $7, $9, $8}' "$WORK/table.txt"
    echo
    if [ -n "$REASONS" ]; then
        echo "| failures: kind | class | upstream | reason | count |"
        echo "|---|---|---|---|---|"
        echo "$REASONS"
        echo
    fi
    echo "Successful requests by the instance that answered them:"
    echo
    echo "| instance | ok, started before the kill | ok, started after |"
    echo "|---|---|---|"
    echo "$SERVED"
    echo
    echo "Slowest successful \`add\` in flight at the kill or started within 5 s after it: $SLOWEST_AT_KILL (the survivors"
    echo "wait while the data grid drops the dead member; the sizes they logged, in order: $DG_SURVIVORS). Slowest of"
    echo "the run: $SLOWEST_ADD."
    echo
    echo "Warm-up before the run (5 s, checked the same way, not in the table): $(wc -l < "$WORK/warmup.tsv") requests, $WARMUP_FAILED failed."
    echo "nginx access log: $(wc -l < "$WORK/nginx/access.log") requests, **$NGINX_502 answered 502**; $NGINX_RETRIED passed on to a second"
    echo "instance: $NGINX_REFUSED after a refused connection (the dead member, tried again each time its 10 s \`fail_timeout\` ran"
    echo "out: never reached), $((NGINX_RETRIED - NGINX_REFUSED)) after the member dropped a connection the request had been sent on (at the"
    echo "kill: the call may have begun there, and ran again on the next instance)."
    echo
    echo "## After the run"
    echo
    echo "**One rate limit, cluster-wide** (\`echo=$ECHO_LIMIT/minute\` per client): $((ECHO_LIMIT + 5)) \`echo\` calls through nginx from one"
    echo "client (key \`client-a\`): **$ADMITTED admitted, $REFUSED refused with 429**, $ECHO_OTHER other; by instance"
    echo "and status: $ECHO_SPREAD. A second client (key \`client-b\`) is then admitted: $OTHER_CLIENT. Shared limit held: **$RATE_OK**"
    echo "(expected $ECHO_LIMIT admitted, $((ECHO_LIMIT + 1)) if a window boundary falls inside the loop, never fewer than"
    echo "$ECHO_FLOOR: an unused leased block, at most an eighth of the limit, per survivor)."
    echo
    echo "**Metrics of the survivors**, \`GET /metrics?scope=application\` on each, the sum of its"
    echo "\`mcp_requests_total{status=\"success\"}\` against the 200s nginx logged from it (warm-up, CPU phase, run and echo"
    echo "calls); the calls wrk left in flight when it stopped are logged 499 by nginx, answered or not, so the metrics may"
    echo "count up to that many more:"
    echo
    echo "| instance | status | \`mcp_requests_total\` lines | success calls (metrics) | 200s from it (nginx log) | 499s (in doubt) |"
    echo "|---|---|---|---|---|---|"
    printf '%s' "$METRICS_ROWS"
    echo
    echo "**Restart**: instance $VICTIM started again with a fresh root dir, ready with \`$DG_AFTER\` in $RESTART_TOOK s; of 30 \`add\`"
    echo "calls through nginx 11 s later, $RESTART_OK answered 5, $RESTART_SERVED of them by the restarted instance."
    echo
    echo "**Verdict: $VERDICT** (no unexpected failure, no 502, the shared limit exact, metrics agreeing with nginx)."
    echo
    echo "The trade-off of \`proxy_next_upstream ... non_idempotent\`: a POST nginx could not deliver, or whose"
    echo "instance closed the connection before answering, is sent to the next instance; that is why plain calls survive"
    echo "the kill. A call the killed instance had already begun then runs twice; a stream whose headers had reached the"
    echo "client cannot be retried and breaks (the *in flight* column): clients retry those themselves."
} | tee "$OUT/cluster.md"
[ "$VERDICT" = PASS ]
