package org.statelessmcp.operations;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.util.AnnotationLiteral;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryType;
import org.statelessmcp.dispatch.CallStatus;

/**
 * The metrics in the server's MicroProfile Metrics application registry, exported by the server (Prometheus text
 * at {@code /metrics}). Counters and timers are looked up once per tool and status and then kept, so counting a
 * call costs a map lookup and an increment.
 *
 * <p>Not a CDI bean, and created only through {@link #create}: a server without MicroProfile Metrics (WildFly)
 * never loads it.
 */
public final class MicroProfileMetrics implements Metrics {

    private final MetricRegistry registry;
    private final AtomicLong active = new AtomicLong();
    private final AtomicLong streams = new AtomicLong();
    private final Histogram requestSizes;
    private final Histogram responseSizes;
    private final Map<String, Counter> calls = new ConcurrentHashMap<>();
    private final Map<String, Timer> durations = new ConcurrentHashMap<>();
    private final Map<String, LatencyHistogram> latencies = new ConcurrentHashMap<>();
    private final Map<String, Counter> chunks = new ConcurrentHashMap<>();
    private final Map<String, Counter> authFailures = new ConcurrentHashMap<>();
    private final Map<String, Counter> rateLimited = new ConcurrentHashMap<>();

    private MicroProfileMetrics(MetricRegistry registry, String version, int tools) {
        this.registry = registry;
        this.requestSizes = registry.histogram(Metadata.builder().withName("mcp_request_size")
                .withDescription("Size of request bodies on /mcp").withUnit(MetricUnits.BYTES).build());
        this.responseSizes = registry.histogram(Metadata.builder().withName("mcp_response_size")
                .withDescription("Size of response bodies on /mcp, streams included").withUnit(MetricUnits.BYTES)
                .build());
        registry.gauge(Metadata.builder().withName("mcp_active_requests")
                .withDescription("Requests on /mcp in flight").build(), active, AtomicLong::get);
        registry.gauge(Metadata.builder().withName("mcp_active_streams")
                .withDescription("Streamed responses on /mcp in flight (NDJSON or Server-Sent Events)").build(),
                streams, AtomicLong::get);
        registry.gauge(Metadata.builder().withName("mcp_tools_registered")
                .withDescription("Tools this deployment serves").build(), () -> tools);
        registry.gauge(Metadata.builder().withName("mcp_server_info")
                .withDescription("Always 1; the labels describe the server").build(), () -> 1,
                new Tag("version", version));
    }

    /** The metrics in the server's application registry, or {@code null} when it has none. */
    public static Metrics create(String version, int tools) {
        // the qualified lookup: Payara's @Default producer needs an injection point, which a lookup lacks
        Instance<MetricRegistry> registries = CDI.current().select(MetricRegistry.class, new ApplicationRegistry());
        return registries.isResolvable() ? new MicroProfileMetrics(registries.get(), version, tools) : null;
    }

    /** {@code @RegistryType(type = APPLICATION)}, deprecated in MicroProfile Metrics 5 but still produced. */
    @SuppressWarnings({"deprecation", "all"})
    private static final class ApplicationRegistry extends AnnotationLiteral<RegistryType> implements RegistryType {

        private static final long serialVersionUID = 1L;

        @Override
        public MetricRegistry.Type type() {
            return MetricRegistry.Type.APPLICATION;
        }
    }

    @Override
    public void exchangeStarted() {
        active.incrementAndGet();
    }

    @Override
    public void exchangeEnded(long requestBytes, long responseBytes) {
        active.decrementAndGet();
        requestSizes.update(requestBytes);
        responseSizes.update(responseBytes);
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
        calls.computeIfAbsent(tool + '\u0000' + status.label(), key -> registry.counter(Metadata.builder()
                .withName("mcp_requests").withDescription("Tool calls by tool and how they ended").build(),
                new Tag("tool", tool), new Tag("status", status.label()))).inc();
        // recorded in nanoseconds: Payara then exports the mean and max correctly, in seconds
        durations.computeIfAbsent(tool, key -> registry.timer(Metadata.builder()
                .withName("mcp_request_duration").withDescription("Duration of tool calls")
                .withUnit(MetricUnits.NANOSECONDS).build(), new Tag("tool", tool))).update(Duration.ofNanos(nanos));

        latencies.computeIfAbsent(tool, this::histogram).record(nanos);
    }

    /**
     * A tool's duration buckets, exported as {@code mcp_request_latency_seconds{le,tool}}: gauges that only
     * grow, one per bound, read by {@code histogram_quantile()} like a Prometheus histogram's buckets.
     */
    private LatencyHistogram histogram(String tool) {
        LatencyHistogram histogram = new LatencyHistogram();
        Metadata metadata = Metadata.builder().withName("mcp_request_latency_seconds")
                .withDescription("Tool calls that took at most le seconds, since the start (cumulative buckets)")
                .build();
        for (int bucket = 0; bucket <= LatencyHistogram.BOUNDS.length; bucket++) {
            int index = bucket;
            registry.gauge(metadata, () -> histogram.cumulative(index), new Tag("tool", tool),
                    new Tag("le", LatencyHistogram.le(bucket)));
        }
        return histogram;
    }

    @Override
    public void chunkEmitted(String tool) {
        chunks.computeIfAbsent(tool, key -> registry.counter(Metadata.builder().withName("mcp_streaming_chunks")
                .withDescription("Chunks sent by streaming tools").build(), new Tag("tool", tool))).inc();
    }

    @Override
    public void authFailed(String reason) {
        authFailures.computeIfAbsent(reason, key -> registry.counter(Metadata.builder().withName("mcp_auth_failures")
                .withDescription("Requests to protected endpoints refused with 401, by reason").build(),
                new Tag("reason", reason))).inc();
    }

    @Override
    public void rateLimited(String scope) {
        rateLimited.computeIfAbsent(scope, key -> registry.counter(Metadata.builder().withName("mcp_rate_limited")
                .withDescription("Requests refused with 429, by the kind of limit reached").build(),
                new Tag("scope", scope))).inc();
    }
}
