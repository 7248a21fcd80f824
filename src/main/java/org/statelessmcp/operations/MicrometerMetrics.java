package org.statelessmcp.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.statelessmcp.dispatch.CallStatus;

/**
 * The metrics in the {@link MeterRegistry} a server offers its deployments (WildFly's micrometer subsystem), for a
 * server without MicroProfile Metrics. Named so that a Prometheus registry exports what Payara's MicroProfile Metrics
 * exports ({@code mcp_requests_total}, {@code mcp_request_duration_seconds_count}, {@code mcp_request_size_bytes_sum},
 * ...): Micrometer's Prometheus naming adds {@code _total} to counters and {@code _seconds} to timers, and a
 * distribution summary has no unit of its own, so its name carries {@code _bytes}. Counters and timers are looked up
 * once per tool and status and then kept, as in {@link MicroProfileMetrics}: WildFly's registry searches every meter
 * of the server on each lookup.
 *
 * <p>Every meter is registered through {@code registry.counter(name, tags)} and its kin, never through a meter's
 * builder: WildFly hands a deployment a registry that forwards those calls (with a tag naming the deployment) to the
 * registries it exports, while a builder's {@code register} reaches only the wrapper's own store, which nobody
 * exports. So there are no descriptions ({@code # HELP}) on WildFly.
 *
 * <p>Not a CDI bean, and created only through {@link #create}: a server without Micrometer never loads it.
 */
public final class MicrometerMetrics implements Metrics {

    /** The names this class registers: what {@link #close} removes, and nothing a tool of the WAR may add. */
    private static final Set<String> NAMES = Set.of("mcp_requests", "mcp_request_duration", "mcp_streaming_chunks",
            "mcp_auth_failures", "mcp_rate_limited", "mcp_request_size_bytes", "mcp_response_size_bytes",
            "mcp_active_requests", "mcp_active_streams", "mcp_tools_registered", "mcp_server_info",
            "mcp_request_latency_seconds");

    private final MeterRegistry registry;
    private final AtomicLong active = new AtomicLong();
    private final AtomicLong streams = new AtomicLong();
    private final int tools;
    private final DistributionSummary requestSizes;
    private final DistributionSummary responseSizes;
    private final Map<String, Counter> calls = new ConcurrentHashMap<>();
    private final Map<String, Timer> durations = new ConcurrentHashMap<>();
    private final Map<String, LatencyHistogram> latencies = new ConcurrentHashMap<>();
    private final Map<String, Counter> chunks = new ConcurrentHashMap<>();
    private final Map<String, Counter> authFailures = new ConcurrentHashMap<>();
    private final Map<String, Counter> rateLimited = new ConcurrentHashMap<>();

    MicrometerMetrics(MeterRegistry registry, String version, int tools) {
        this.registry = registry;
        this.tools = tools;
        this.requestSizes = registry.summary("mcp_request_size_bytes", Tags.empty());
        this.responseSizes = registry.summary("mcp_response_size_bytes", Tags.empty());
        // a gauge holds its object weakly: these are held by this instance, which the application scope keeps
        registry.gauge("mcp_active_requests", Tags.empty(), active, AtomicLong::get);
        registry.gauge("mcp_active_streams", Tags.empty(), streams, AtomicLong::get);
        registry.gauge("mcp_tools_registered", Tags.empty(), this, metrics -> metrics.tools);
        registry.gauge("mcp_server_info", Tags.of("version", version), this, metrics -> 1);
    }

    /** The metrics in the registry the server offers through CDI, or {@code null} when it offers none. */
    public static Metrics create(String version, int tools) {
        Instance<MeterRegistry> registries = CDI.current().select(MeterRegistry.class);
        return registries.isResolvable() ? new MicrometerMetrics(registries.get(), version, tools) : null;
    }

    /**
     * Removes this deployment's meters. WildFly keeps a deployment's meters after it is undeployed (seen with
     * WildFly 39): without this a redeployed WAR would find the old gauges, bound to the old instance's objects, and
     * the server would keep the old class loader through their functions.
     */
    @Override
    public void close() {
        for (Meter meter : registry.getMeters()) {
            if (NAMES.contains(meter.getId().getName())) {
                registry.remove(meter);
            }
        }
    }

    @Override
    public void exchangeStarted() {
        active.incrementAndGet();
    }

    @Override
    public void exchangeEnded(long requestBytes, long responseBytes) {
        active.decrementAndGet();
        requestSizes.record(requestBytes);
        responseSizes.record(responseBytes);
    }

    @Override
    public void callEnded(String tool, CallStatus status, long nanos) {
        calls.computeIfAbsent(tool + '\u0000' + status.label(), key -> registry.counter("mcp_requests",
                Tags.of("tool", tool, "status", status.label()))).increment();
        durations.computeIfAbsent(tool, key -> registry.timer("mcp_request_duration", Tags.of("tool", tool)))
                .record(nanos, TimeUnit.NANOSECONDS);
        latencies.computeIfAbsent(tool, this::histogram).record(nanos);
    }

    /** A tool's duration buckets, the gauges {@code mcp_request_latency_seconds{le,tool}}, as on Payara. */
    private LatencyHistogram histogram(String tool) {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int bucket = 0; bucket <= LatencyHistogram.BOUNDS.length; bucket++) {
            int index = bucket;
            registry.gauge("mcp_request_latency_seconds", Tags.of("tool", tool, "le", LatencyHistogram.le(bucket)),
                    histogram, buckets -> buckets.cumulative(index));
        }
        return histogram;
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
    public void chunkEmitted(String tool) {
        chunks.computeIfAbsent(tool, key -> registry.counter("mcp_streaming_chunks", Tags.of("tool", tool)))
                .increment();
    }

    @Override
    public void authFailed(String reason) {
        authFailures.computeIfAbsent(reason, key -> registry.counter("mcp_auth_failures", Tags.of("reason", reason)))
                .increment();
    }

    @Override
    public void rateLimited(String scope) {
        rateLimited.computeIfAbsent(scope, key -> registry.counter("mcp_rate_limited", Tags.of("scope", scope)))
                .increment();
    }
}
