package org.statelessmcp.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.statelessmcp.mcp.AnswerRelay;

class HealthProbesTest {

    /** A relay through a shared cache that can be made unreachable. */
    private static final class Relay implements AnswerRelay {
        boolean reachable = true;

        @Override
        public boolean reachable() {
            return reachable;
        }

        @Override
        public void expect(String requestId) {
        }

        @Override
        public void forget(String requestId) {
        }

        @Override
        public void publish(String requestId, String response) {
        }

        @Override
        public Map<String, String> collect(Set<String> requestIds) {
            return Map.of();
        }
    }

    private final Relay relay = new Relay();
    private final HealthProbes probes = new HealthProbes(() -> 6, () -> true, () -> relay);

    @Test
    void nothingIsReadyOrStartedBeforeTheDeploymentFinishes() {
        assertEquals(HealthCheckResponse.Status.DOWN, probes.startedCheck().call().getStatus());
        assertEquals(HealthCheckResponse.Status.DOWN, probes.readyCheck().call().getStatus());
    }

    @Test
    void readyOnceDeployed() {
        probes.deployed(new Object());
        assertEquals(HealthCheckResponse.Status.UP, probes.startedCheck().call().getStatus());
        assertEquals(HealthCheckResponse.Status.UP, probes.readyCheck().call().getStatus());
    }

    @Test
    void dataHoldsOnlyTheTypesMicroProfileHealthDefines() {
        // SmallRye Health (WildFly) writes String, Long and Boolean values and silently drops any other
        probes.deployed(new Object());
        for (HealthCheckResponse response : List.of(probes.startedCheck().call(), probes.readyCheck().call())) {
            assertEquals(6L, response.getData().orElseThrow().get("tools"), response.getName());
            response.getData().orElseThrow().values().forEach(value -> assertTrue(value instanceof String
                    || value instanceof Long || value instanceof Boolean, value + " in " + response.getName()));
        }
    }

    @Test
    void readinessGoesDownWhenShutdownBegins() {
        probes.deployed(new Object());
        probes.shuttingDown(new Object());
        HealthCheckResponse ready = probes.readyCheck().call();
        assertEquals(HealthCheckResponse.Status.DOWN, ready.getStatus());
        assertEquals(Boolean.TRUE, ready.getData().orElseThrow().get("shuttingDown"));
    }

    @Test
    void readinessGoesDownWhenTheSharedCacheIsUnreachable() {
        probes.deployed(new Object());
        relay.reachable = false;
        HealthCheckResponse ready = probes.readyCheck().call();
        assertEquals(HealthCheckResponse.Status.DOWN, ready.getStatus());
        assertEquals("unreachable", ready.getData().orElseThrow().get("sharedCache"));
    }

    @Test
    void dataHoldsOnlyTheTypesTheHealthBuilderAccepts() {
        probes.deployed(new Object());
        for (HealthCheckResponse response : java.util.List.of(probes.startedCheck().call(),
                probes.readyCheck().call())) {
            response.getData().orElseThrow().forEach((key, value) -> assertEquals(true,
                    value instanceof String || value instanceof Long || value instanceof Boolean,
                    key + " is a " + value.getClass().getName()));
        }
        assertEquals(6L, probes.readyCheck().call().getData().orElseThrow().get("tools"));
    }

    @Test
    void livenessFollowsTheTimeoutSweep() {
        assertEquals(HealthCheckResponse.Status.DOWN,
                new HealthProbes(() -> 0, () -> false, () -> AnswerRelay.NONE).liveCheck().call().getStatus());
    }
}
