package org.statelessmcp.operations;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.util.AnnotationLiteral;
import java.time.Duration;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryType;

/**
 * The server's MicroProfile Metrics application registry as {@link Meters}, exported by the server (Prometheus text
 * at {@code /metrics}) with each meter's description.
 *
 * <p>Not a CDI bean, and created only through {@link #create}: a server without MicroProfile Metrics (WildFly)
 * never loads it.
 */
public final class MicroProfileMetrics implements Meters {

    private final MetricRegistry registry;

    private MicroProfileMetrics(MetricRegistry registry) {
        this.registry = registry;
    }

    /** The metrics in the server's application registry, or {@code null} when it has none. */
    public static Metrics create(String version, int tools) {
        // the qualified lookup: Payara's @Default producer needs an injection point, which a lookup lacks
        Instance<MetricRegistry> registries = CDI.current().select(MetricRegistry.class, new ApplicationRegistry());
        return registries.isResolvable()
                ? new RegistryMetrics(new MicroProfileMetrics(registries.get()), version, tools)
                : null;
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
    public Runnable counter(String name, String description, String... tags) {
        return registry.counter(Metadata.builder().withName(name).withDescription(description).build(),
                tags(tags))::inc;
    }

    @Override
    public LongConsumer timer(String name, String description, String... tags) {
        // recorded in nanoseconds: Payara then exports the mean and max correctly, in seconds
        Timer timer = registry.timer(Metadata.builder().withName(name).withDescription(description)
                .withUnit(MetricUnits.NANOSECONDS).build(), tags(tags));
        return nanos -> timer.update(Duration.ofNanos(nanos));
    }

    @Override
    public LongConsumer bytes(String name, String description) {
        Histogram histogram = registry.histogram(Metadata.builder().withName(name).withDescription(description)
                .withUnit(MetricUnits.BYTES).build());
        return histogram::update;
    }

    @Override
    public void gauge(String name, String description, LongSupplier value, String... tags) {
        registry.gauge(Metadata.builder().withName(name).withDescription(description).build(),
                () -> value.getAsLong(), tags(tags));
    }

    private static Tag[] tags(String... namesAndValues) {
        Tag[] tags = new Tag[namesAndValues.length / 2];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = new Tag(namesAndValues[2 * i], namesAndValues[2 * i + 1]);
        }
        return tags;
    }
}
