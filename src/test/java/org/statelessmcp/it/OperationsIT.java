package org.statelessmcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.statelessmcp.testkit.McpResponse;

/**
 * What operators scrape and probe, on the server's own endpoints: MicroProfile Health's probes and the Prometheus text
 * of the WAR's metrics (MicroProfile Metrics, or WildFly's Micrometer registry), after a known mix of calls that end
 * every way a call can end. Where the server keeps them (and whether it has them) is {@link TargetServer}'s business.
 */
class OperationsIT extends DeployedWarTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar();
    }

    private final TargetServer server = TargetServer.current();

    /** A MicroProfile Health probe, served by the server itself outside the WAR's context. */
    private McpResponse probe(String name) {
        return kit.get(server.health(base, name)).assertStatus(200);
    }

    /** Every sample of the application's metrics, keyed by name and sorted labels, e.g. {@code x{a="1",b="2"}}. */
    private Map<String, Double> metrics() {
        return server.metricSamples(kit, base);
    }

    private static double value(Map<String, Double> samples, String key) {
        return samples.getOrDefault(key, 0.0);
    }

    private static double calls(Map<String, Double> samples, String tool, String status) {
        return value(samples, "mcp_requests_total{status=\"" + status + "\",tool=\"" + tool + "\"}");
    }

    /** A duration bucket of {@code tool}, whatever way the exporter writes its bound ({@code 5.0}, {@code 5}). */
    private static double bucket(Map<String, Double> samples, String tool, double le) {
        return samples.entrySet().stream()
                .filter(sample -> sample.getKey().startsWith("mcp_request_latency_seconds{")
                        && sample.getKey().contains(",tool=\"" + tool + "\"}"))
                .filter(sample -> {
                    String bound = sample.getKey().replaceFirst(".*le=\"([^\"]*)\".*", "$1");
                    return bound.equals("+Inf") ? le == Double.POSITIVE_INFINITY : Double.parseDouble(bound) == le;
                })
                .mapToDouble(Map.Entry::getValue).findFirst().orElse(0.0);
    }

    @Test
    void startedProbeIsUpOnceDeployed() {
        McpResponse response = probe("started");
        assertTrue(response.body().contains("\"stateless-mcp-started\""), response.body());
    }

    @Test
    void livenessProbeReportsThatDeadlinesAreWatched() {
        McpResponse response = probe("live");
        assertTrue(response.body().contains("\"stateless-mcp-deadlines\""), response.body());
    }

    @Test
    void readinessProbeIsUpWithTheToolCountAndTheSharedCache() {
        McpResponse response = probe("ready");
        JsonObject ready = response.json().getJsonArray("checks").getValuesAs(JsonObject.class)
                .stream().filter(check -> check.getString("name").equals("stateless-mcp-ready")).findFirst()
                .orElseThrow(() -> new AssertionError(response.body()));
        assertEquals("UP", ready.getString("status"));
        // Payara writes the data of a check as strings
        assertEquals("6", ready.getJsonObject("data").get("tools").toString().replace("\"", ""));
        assertEquals(server.sharedCache(), ready.getJsonObject("data").getString("sharedCache"));
    }

    @Test
    void getHealthNamesTheFeaturesInUse() {
        JsonObject health = kit.get("health").json();
        assertEquals("healthy", health.getString("status"));
        assertEquals(server.hasMetrics(), health.getJsonObject("features").getBoolean("metrics"), health.toString());
    }

    @Test
    void metricsCountEveryEndingAndTheActiveGaugeReturnsToZero() throws Exception {
        Map<String, Double> before = metrics();
        kit.call("add", Map.of("a", 1, "b", 2)).assertSuccess();
        kit.call("add", Map.of("a", 1, "b", 2)).assertSuccess();
        kit.call("add", Map.of("a", "one", "b", 2)).assertError(-32602, null);
        kit.call("fail").assertError(-32000, null);
        kit.call("slow", Map.of("seconds", 6)).assertError(-32001, null);
        // a raw socket: closing it after the first chunk is a real client disconnect
        try (Socket socket = client
                .rawPost(kit.id(6).requestBody("generate_numbers", "{\"count\":1000,\"delay\":0.05}"))) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null && !line.startsWith("{"); line = reader.readLine()) {
                // headers, then the first chunk
            }
            Map<String, Double> streaming = metrics();
            assertTrue(value(streaming, "mcp_active_streams") >= 1, "a stream open: " + streaming);
        }
        Map<String, Double> after = metrics();
        for (int attempt = 0; attempt < 100 && (value(after, "mcp_active_requests") != 0
                || value(after, "mcp_active_streams") != 0
                || calls(after, "generate_numbers", "cancelled")
                        == calls(before, "generate_numbers", "cancelled")); attempt++) {
            Thread.sleep(100);
            after = metrics();
        }
        assertEquals(0.0, after.get("mcp_active_requests"), "in flight after every call ended: " + after);
        assertEquals(0.0, after.get("mcp_active_streams"), "streams open after every call ended: " + after);
        assertEquals(2, calls(after, "add", "success") - calls(before, "add", "success"));
        assertEquals(1, calls(after, "add", "invalid_params") - calls(before, "add", "invalid_params"));
        assertEquals(1, calls(after, "fail", "error") - calls(before, "fail", "error"));
        assertEquals(1, calls(after, "slow", "timeout") - calls(before, "slow", "timeout"));
        assertEquals(1, calls(after, "generate_numbers", "cancelled") - calls(before, "generate_numbers", "cancelled"));
        assertTrue(value(after, "mcp_streaming_chunks_total{tool=\"generate_numbers\"}")
                > value(before, "mcp_streaming_chunks_total{tool=\"generate_numbers\"}"), after.toString());
        assertEquals(3, value(after, "mcp_request_duration_seconds_count{tool=\"add\"}")
                - value(before, "mcp_request_duration_seconds_count{tool=\"add\"}"), after.toString());
        // the buckets histogram_quantile() reads, in seconds: the last one holds every call
        assertEquals(3,
                bucket(after, "add", Double.POSITIVE_INFINITY) - bucket(before, "add", Double.POSITIVE_INFINITY),
                after.toString());
        assertTrue(bucket(after, "slow", 10) - bucket(before, "slow", 10) > bucket(after, "slow", 5)
                - bucket(before, "slow", 5), "slow's timeout after 5 s in the bucket up to 10 s: " + after);
        assertEquals(6, value(after, "mcp_request_size_bytes_count") - value(before, "mcp_request_size_bytes_count"));
        assertEquals(6.0, after.get("mcp_tools_registered"));
        assertTrue(after.keySet().stream().anyMatch(key -> key.startsWith(server.serverInfoMetric() + "{version=")),
                after.toString());
    }
}
