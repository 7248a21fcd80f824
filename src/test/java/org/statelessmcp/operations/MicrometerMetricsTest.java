package org.statelessmcp.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.statelessmcp.dispatch.CallStatus;

class MicrometerMetricsTest {

    /**
     * Counts the lookups by name and tags, the only way WildFly's deployment registry exports a meter: every meter must
     * come through them, each once.
     */
    private static final class CountingRegistry extends SimpleMeterRegistry {

        int counterLookups;
        int timerLookups;

        @Override
        public Counter counter(String name, Iterable<Tag> tags) {
            counterLookups++;
            return super.counter(name, tags);
        }

        @Override
        public Timer timer(String name, Iterable<Tag> tags) {
            timerLookups++;
            return super.timer(name, tags);
        }
    }

    private final CountingRegistry registry = new CountingRegistry();
    private final Metrics metrics = MicrometerMetrics.metrics(registry, "1.2.3", 6);

    @Test
    void callsAreCountedByToolAndStatusAndTimedByTool() {
        metrics.callEnded("add", CallStatus.SUCCESS, 2_000_000);
        metrics.callEnded("add", CallStatus.SUCCESS, 4_000_000);
        metrics.callEnded("add", CallStatus.INVALID_PARAMS, 1_000_000);
        metrics.callEnded("fail", CallStatus.ERROR, 1_000_000);

        assertEquals(2, registry.get("mcp_requests").tags("tool", "add", "status", "success").counter().count());
        assertEquals(1, registry.get("mcp_requests").tags("tool", "add", "status", "invalid_params").counter().count());
        assertEquals(1, registry.get("mcp_requests").tags("tool", "fail", "status", "error").counter().count());
        Timer add = registry.get("mcp_request_duration").tags("tool", "add").timer();
        assertEquals(3, add.count());
        assertEquals(7.0, add.totalTime(TimeUnit.MILLISECONDS), 1e-9);
    }

    @Test
    void eachMeterIsLookedUpOnceThenKept() {
        for (int i = 0; i < 5; i++) {
            metrics.callEnded("add", CallStatus.SUCCESS, 1);
            metrics.chunkEmitted("numbers");
            metrics.authFailed("invalid_credentials");
            metrics.rateLimited("global");
        }
        assertEquals(4, registry.counterLookups);
        assertEquals(1, registry.timerLookups);
        assertEquals(5, registry.get("mcp_streaming_chunks").tag("tool", "numbers").counter().count());
        assertEquals(5, registry.get("mcp_auth_failures").tag("reason", "invalid_credentials").counter().count());
        assertEquals(5, registry.get("mcp_rate_limited").tag("scope", "global").counter().count());
    }

    @Test
    void exchangesMoveTheActiveGaugeAndRecordSizes() {
        metrics.exchangeStarted();
        metrics.exchangeStarted();
        assertEquals(2, registry.get("mcp_active_requests").gauge().value());
        metrics.exchangeEnded(100, 250);
        metrics.exchangeEnded(50, 10);
        assertEquals(0, registry.get("mcp_active_requests").gauge().value());
        assertEquals(2, registry.get("mcp_request_size_bytes").summary().count());
        assertEquals(150, registry.get("mcp_request_size_bytes").summary().totalAmount());
        assertEquals(260, registry.get("mcp_response_size_bytes").summary().totalAmount());
    }

    @Test
    void closingRemovesEveryMeterItRegisteredAndNoOther() {
        metrics.callEnded("add", CallStatus.SUCCESS, 1);
        metrics.chunkEmitted("numbers");
        metrics.authFailed("invalid_credentials");
        metrics.rateLimited("global");
        registry.counter("a_tools_own_counter");
        metrics.close();
        assertEquals(List.of("a_tools_own_counter"),
                registry.getMeters().stream().map(meter -> meter.getId().getName()).toList());
    }

    @Test
    void theServerIsDescribedByGauges() {
        assertEquals(6, registry.get("mcp_tools_registered").gauge().value());
        assertEquals(1, registry.get("mcp_server_info").tag("version", "1.2.3").gauge().value());
    }
}
