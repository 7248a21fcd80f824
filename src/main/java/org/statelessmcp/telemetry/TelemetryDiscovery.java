package org.statelessmcp.telemetry;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.statelessmcp.dispatch.CallTracing;

/**
 * Finds, once at deployment, whether the server traces: its MicroProfile Telemetry's {@code OpenTelemetry} with an
 * SDK that is turned on. Without the API, without the bean, or while the SDK is disabled (each server's default
 * until the operator sets {@code otel.sdk.disabled=false}), the engine gets {@link CallTracing#NONE} and pays
 * nothing per request.
 */
public final class TelemetryDiscovery {

    private static final Logger LOG = Logger.getLogger(TelemetryDiscovery.class.getName());

    private TelemetryDiscovery() {
    }

    /**
     * @param version this server's version, reported as the instrumentation scope's
     * @param enabled {@code smcp.telemetry.enabled}: whether to trace when the server's telemetry is on
     */
    public static CallTracing find(String version, boolean enabled) {
        if (!enabled) {
            LOG.info("Tracing: off (smcp.telemetry.enabled=false)");
            return CallTracing.NONE;
        }
        try {
            Class.forName("io.opentelemetry.api.OpenTelemetry", false, TelemetryDiscovery.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError absent) {
            LOG.info("Tracing: off (this server offers no MicroProfile Telemetry to this deployment)");
            return CallTracing.NONE;
        }
        try {
            return OpenTelemetryLookup.tracing(version, LOG);
        } catch (LinkageError | RuntimeException unusable) {
            LOG.log(Level.WARNING, "Tracing: off (MicroProfile Telemetry is there but unusable)", unusable);
            return CallTracing.NONE;
        }
    }
}
