package org.statelessmcp.telemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.statelessmcp.dispatch.CallTracing;

/** The server's {@code OpenTelemetry} bean, asked for only once the API is known to be there. */
final class OpenTelemetryLookup {

    private OpenTelemetryLookup() {
    }

    static CallTracing tracing(String version, Logger log) {
        Instance<OpenTelemetry> found = CDI.current().select(OpenTelemetry.class);
        if (!found.isResolvable()) {
            log.info("Tracing: off (no OpenTelemetry bean: MicroProfile Telemetry is not enabled for this deployment)");
            return CallTracing.NONE;
        }
        // MicroProfile Telemetry's own switch, read where the server reads it (the WAR's settings, system properties,
        // environment): a disabled SDK is not always a no-op one (Payara 6 hands out recording spans it drops)
        boolean on = ConfigProvider.getConfig().getOptionalValue("otel.sdk.disabled", String.class)
                .map("false"::equalsIgnoreCase).orElse(false);
        if (!on) {
            log.info("Tracing: off (MicroProfile Telemetry's SDK is disabled; otel.sdk.disabled=false turns it on)");
            return CallTracing.NONE;
        }
        OpenTelemetry telemetry = found.get();
        // a no-op SDK (the server kept telemetry off after all) hands out spans whose context is never valid; the
        // probe is never ended, so never exported
        Span probe = telemetry.getTracer(McpSpans.SCOPE, version).spanBuilder("probe").startSpan();
        if (!probe.getSpanContext().isValid()) {
            log.info("Tracing: off (otel.sdk.disabled=false, but the server's OpenTelemetry is a no-op one)");
            return CallTracing.NONE;
        }
        log.info("Tracing: on, through MicroProfile Telemetry (a SERVER span per MCP request, execute_tool spans,"
                + " trace context from params._meta, then the HTTP headers)");
        return new McpSpans(telemetry, version);
    }
}
