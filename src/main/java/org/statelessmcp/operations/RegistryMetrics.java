package org.statelessmcp.operations;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.statelessmcp.dispatch.CallStatus;

/**
 * What the server counts, in whichever registry the server offers ({@link Meters}): the exchanges in flight and
 * streaming, their sizes, tool calls by tool and status with their durations and latency buckets, streamed chunks,
 * and the requests security refused. Each meter is looked up once per tool, status or reason and then kept, so
 * counting costs a map lookup and an increment (WildFly's registry searches every meter of the server on each lookup).
 */
final class RegistryMetrics implements Metrics {

    private final Meters meters;
    private final AtomicLong active = new AtomicLong();
    private final AtomicLong streams = new AtomicLong();
    private final LongConsumer requestSizes;
    private final LongConsumer responseSizes;
    private final Map<String, Runnable> calls = new ConcurrentHashMap<>();
    private final Map<String, LongConsumer> durations = new ConcurrentHashMap<>();
    private final Map<String, LatencyHistogram> latencies = new ConcurrentHashMap<>();
    private final Map<String, Runnable> chunks = new ConcurrentHashMap<>();
    private final Map<String, Runnable> authFailures = new ConcurrentHashMap<>();
    private final Map<String, Runnable> rateLimited = new ConcurrentHashMap<>();

    RegistryMetrics(Meters meters, String version, int tools) {
        this.meters = meters;
        this.requestSizes = meters.bytes("mcp_request_size", "Size of request bodies on /mcp");
        this.responseSizes = meters.bytes("mcp_response_size", "Size of response bodies on /mcp, streams included");
        meters.gauge("mcp_active_requests", "Requests on /mcp in flight", active::get);
        meters.gauge("mcp_active_streams", "Streamed responses on /mcp in flight (NDJSON or Server-Sent Events)",
                streams::get);
        meters.gauge("mcp_tools_registered", "Tools this deployment serves", () -> tools);
        meters.gauge("mcp_server_info", "Always 1; the labels describe the server", () -> 1, "version", version);
    }

    @Override
    public void exchangeStarted() {
        active.incrementAndGet();
    }

    @Override
    public void exchangeEnded(long requestBytes, long responseBytes) {
        active.decrementAndGet();
        requestSizes.accept(requestBytes);
        responseSizes.accept(responseBytes);
    }

    @Override
    public void streamStarted() {
        streams.incrementAndGet();
    }

    @Override
    public void streamEnded() {
        streams.decrementAndGet();
    }

    @Override
    public void callEnded(String tool, CallStatus status, long nanos) {
        calls.computeIfAbsent(tool + '\u0000' + status.label(), key -> meters.counter("mcp_requests",
                "Tool calls by tool and how they ended", "tool", tool, "status", status.label())).run();
        durations.computeIfAbsent(tool, key -> meters.timer("mcp_request_duration", "Duration of tool calls", "tool",
                tool)).accept(nanos);
        latencies.computeIfAbsent(tool, this::histogram).record(nanos);
    }

    /**
     * A tool's duration buckets, exported as {@code mcp_request_latency_seconds{le,tool}}: gauges that only grow, one
     * per bound, read by {@code histogram_quantile()} like a Prometheus histogram's buckets.
     */
    private LatencyHistogram histogram(String tool) {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int bucket = 0; bucket <= LatencyHistogram.BOUNDS.length; bucket++) {
            int index = bucket;
            meters.gauge("mcp_request_latency_seconds",
                    "Tool calls that took at most le seconds, since the start (cumulative buckets)",
                    () -> histogram.cumulative(index), "tool", tool, "le", LatencyHistogram.le(bucket));
        }
        return histogram;
    }

    @Override
    public void chunkEmitted(String tool) {
        chunks.computeIfAbsent(tool, key -> meters.counter("mcp_streaming_chunks", "Chunks sent by streaming tools",
                "tool", tool)).run();
    }

    @Override
    public void authFailed(String reason) {
        authFailures.computeIfAbsent(reason, key -> meters.counter("mcp_auth_failures",
                "Requests to protected endpoints refused with 401, by reason", "reason", reason)).run();
    }

    @Override
    public void rateLimited(String scope) {
        rateLimited.computeIfAbsent(scope, key -> meters.counter("mcp_rate_limited",
                "Requests refused with 429, by the kind of limit reached", "scope", scope)).run();
    }

    @Override
    public void close() {
        meters.close();
    }
}
