package org.statelessmcp.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;
import org.statelessmcp.mcp.AnswerRelay;
import org.statelessmcp.registry.ToolRegistry;

/**
 * The MicroProfile Health checks, served by the server at {@code /health/live}, {@code /health/ready} and
 * {@code /health/started}. Started once the deployment has finished; live while every call's deadline is watched;
 * ready while started, not shutting down, and able to reach the shared cache when answers are relayed through it.
 * Readiness goes down as soon as the application begins to shut down, so that a load balancer drains this
 * instance first.
 */
@ApplicationScoped
public class HealthProbes {

    private final IntSupplier tools;
    private final BooleanSupplier sweeping;
    private final Supplier<AnswerRelay> relay;
    private volatile boolean started;
    private volatile boolean draining;

    /** For the CDI client proxy only. */
    protected HealthProbes() {
        this(null, null, null);
    }

    @Inject
    public HealthProbes(ToolRegistry registry, EngineState engine) {
        this(registry::size, engine::sweeping, engine::relay);
    }

    HealthProbes(IntSupplier tools, BooleanSupplier sweeping, Supplier<AnswerRelay> relay) {
        this.tools = tools;
        this.sweeping = sweeping;
        this.relay = relay;
    }

    void deployed(@Observes @Initialized(ApplicationScoped.class) Object deployment) {
        started = true;
    }

    void shuttingDown(@Observes @BeforeDestroyed(ApplicationScoped.class) Object deployment) {
        draining = true;
    }

    @Produces
    @Startup
    HealthCheck startedCheck() {
        return () -> response("stateless-mcp-started", started, Map.of("tools", (long) tools.getAsInt()));
    }

    @Produces
    @Liveness
    HealthCheck liveCheck() {
        return () -> response("stateless-mcp-deadlines", sweeping.getAsBoolean(), Map.of());
    }

    @Produces
    @Readiness
    HealthCheck readyCheck() {
        return () -> {
            AnswerRelay answers = relay.get();
            boolean shared = answers.shared();
            boolean reachable = !shared || answers.reachable();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("tools", (long) tools.getAsInt());
            data.put("shuttingDown", draining);
            data.put("sharedCache", shared ? (reachable ? "reachable" : "unreachable") : "none");
            return response("stateless-mcp-ready", started && !draining && reachable, data);
        };
    }

    /**
     * Built directly: the builder would look its provider up through a service loader on every probe. Data values are
     * only the types MicroProfile Health defines ({@code String}, {@code long}, {@code boolean}): SmallRye Health
     * (WildFly) silently leaves out any other, Open Liberty answers the probe with HTTP 500 for an {@code Integer},
     * Payara writes them all as strings.
     */
    private static HealthCheckResponse response(String name, boolean up, Map<String, Object> data) {
        return new HealthCheckResponse(name, up ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
                data.isEmpty() ? Optional.empty() : Optional.of(data));
    }
}
