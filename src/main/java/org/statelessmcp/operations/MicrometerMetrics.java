package org.statelessmcp.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * The {@link MeterRegistry} a server offers its deployments (WildFly's micrometer subsystem) as {@link Meters}, for a
 * server without MicroProfile Metrics. Named so that a Prometheus registry exports what Payara's MicroProfile Metrics
 * exports ({@code mcp_requests_total}, {@code mcp_request_duration_seconds_count}, {@code mcp_request_size_bytes_sum},
 * ...): Micrometer's Prometheus naming adds {@code _total} to counters and {@code _seconds} to timers, and a
 * distribution summary has no unit of its own, so its name carries {@code _bytes}.
 *
 * <p>Every meter is registered through {@code registry.counter(name, tags)} and its kin, never through a meter's
 * builder: WildFly hands a deployment a registry that forwards those calls (with a tag naming the deployment) to the
 * registries it exports, while a builder's {@code register} reaches only the wrapper's own store, which nobody
 * exports. So there are no descriptions ({@code # HELP}) on WildFly.
 *
 * <p>Not a CDI bean, and created only through {@link #create}: a server without Micrometer never loads it.
 */
public final class MicrometerMetrics implements Meters {

    /** The names this class registers: what {@link #close} removes, and nothing a tool of the WAR may add. */
    private static final Set<String> NAMES = Set.of("mcp_requests", "mcp_request_duration", "mcp_streaming_chunks",
            "mcp_auth_failures", "mcp_rate_limited", "mcp_request_size_bytes", "mcp_response_size_bytes",
            "mcp_active_requests", "mcp_active_streams", "mcp_tools_registered", "mcp_server_info",
            "mcp_request_latency_seconds");

    private final MeterRegistry registry;
    /** What the gauges read: a gauge holds its object weakly, so this instance holds them for the deployment. */
    private final List<LongSupplier> gauged = new CopyOnWriteArrayList<>();

    private MicrometerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The metrics in the registry the server offers through CDI, or {@code null} when it offers none. */
    public static Metrics create(String version, int tools) {
        Instance<MeterRegistry> registries = CDI.current().select(MeterRegistry.class);
        return registries.isResolvable() ? metrics(registries.get(), version, tools) : null;
    }

    /** The metrics in {@code registry}. */
    static Metrics metrics(MeterRegistry registry, String version, int tools) {
        return new RegistryMetrics(new MicrometerMetrics(registry), version, tools);
    }

    @Override
    public Runnable counter(String name, String description, String... tags) {
        Counter counter = registry.counter(name, Tags.of(tags));
        return counter::increment;
    }

    @Override
    public LongConsumer timer(String name, String description, String... tags) {
        Timer timer = registry.timer(name, Tags.of(tags));
        return nanos -> timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public LongConsumer bytes(String name, String description) {
        DistributionSummary summary = registry.summary(name + "_bytes", Tags.empty());
        return summary::record;
    }

    @Override
    public void gauge(String name, String description, LongSupplier value, String... tags) {
        gauged.add(value);
        registry.gauge(name, Tags.of(tags), value, LongSupplier::getAsLong);
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
}
