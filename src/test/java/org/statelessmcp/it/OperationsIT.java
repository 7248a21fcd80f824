package org.statelessmcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * What operators scrape and probe, on the server's own endpoints: MicroProfile Health's probes and MicroProfile
 * Metrics' Prometheus text, after a known mix of calls that end every way a call can end. Where the server keeps them
 * (and whether it has them) is {@link TargetServer}'s business.
 */
class OperationsIT extends DeployedWarTest {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})? (\\S+)$");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar();
    }

    private final TargetServer server = TargetServer.current();

    /** A MicroProfile Health probe, served by the server itself outside the WAR's context. */
    private HttpResponse<String> probe(String name) {
        return client.get(server.health(base, name).toString());
    }

    /** Every sample of the application's metrics, keyed by name and sorted labels, e.g. {@code x{a="1",b="2"}}. */
    private Map<String, Double> metrics() {
        HttpResponse<String> response = client.get(server.metrics(base).toString());
        assertEquals(200, response.statusCode(), response.body());
        Map<String, Double> samples = new HashMap<>();
        for (String line : response.body().split("\n")) {
            Matcher sample = SAMPLE.matcher(line.strip());
            if (!line.startsWith("#") && sample.matches()) {
                samples.put(sample.group(1) + labels(sample.group(2)), Double.parseDouble(sample.group(3)));
            }
        }
        return samples;
    }

    /**
     * The labels without the server's scope label, sorted, so that keys do not depend on the exporter's order (nor on
     * the trailing comma the Prometheus text format allows, which Open Liberty writes).
     */
    private static String labels(String labels) {
        if (labels == null) {
            return "";
        }
        return java.util.Arrays.stream(labels.substring(1, labels.length() - 1).split(",(?=[a-z_]+=)"))
                .map(label -> label.endsWith(",") ? label.substring(0, label.length() - 1) : label)
                .filter(label -> !label.startsWith("mp_scope="))
                .sorted().reduce((a, b) -> a + "," + b).map(kept -> "{" + kept + "}").orElse("");
    }

    private static double value(Map<String, Double> samples, String key) {
        return samples.getOrDefault(key, 0.0);
    }

    private static double calls(Map<String, Double> samples, String tool, String status) {
        return value(samples, "mcp_requests_total{status=\"" + status + "\",tool=\"" + tool + "\"}");
    }

    @Test
    void startedProbeIsUpOnceDeployed() {
        HttpResponse<String> response = probe("started");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"stateless-mcp-started\""), response.body());
    }

    @Test
    void livenessProbeReportsThatDeadlinesAreWatched() {
        HttpResponse<String> response = probe("live");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"stateless-mcp-deadlines\""), response.body());
    }

    @Test
    void readinessProbeIsUpWithTheToolCountAndTheSharedCache() {
        HttpResponse<String> response = probe("ready");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject ready = WireClient.object(response.body()).getJsonArray("checks").getValuesAs(JsonObject.class)
                .stream().filter(check -> check.getString("name").equals("stateless-mcp-ready")).findFirst()
                .orElseThrow(() -> new AssertionError(response.body()));
        assertEquals("UP", ready.getString("status"));
        // Payara writes the data of a check as strings
        assertEquals("6", ready.getJsonObject("data").get("tools").toString().replace("\"", ""));
        assertEquals(server.sharedCache(), ready.getJsonObject("data").getString("sharedCache"));
    }

    @Test
    void seedHealthNamesTheFeaturesInUse() {
        JsonObject health = WireClient.object(client.get("health").body());
        assertEquals("healthy", health.getString("status"));
        assertEquals(server.hasMetrics(), health.getJsonObject("features").getBoolean("metrics"), health.toString());
    }

    @Test
    void metricsCountEveryEndingAndTheActiveGaugeReturnsToZero() throws Exception {
        Map<String, Double> before = metrics();
        client.post(WireClient.call(1, "add", "{\"a\":1,\"b\":2}"));
        client.post(WireClient.call(2, "add", "{\"a\":1,\"b\":2}"));
        client.post(WireClient.call(3, "add", "{\"a\":\"one\",\"b\":2}"));
        client.post(WireClient.call(4, "fail", "{}"));
        client.post(WireClient.call(5, "slow", "{\"seconds\":6}"));
        try (Socket socket = client.rawPost(WireClient.call(6, "generate_numbers", "{\"count\":1000,\"delay\":0.05}"))) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null && !line.startsWith("{"); line = reader.readLine()) {
                // headers, then the first chunk
            }
        }
        Map<String, Double> after = metrics();
        for (int attempt = 0; attempt < 100 && (value(after, "mcp_active_requests") != 0
                || calls(after, "generate_numbers", "cancelled") == calls(before, "generate_numbers", "cancelled"));
                attempt++) {
            Thread.sleep(100);
            after = metrics();
        }
        assertEquals(0.0, after.get("mcp_active_requests"), "in flight after every call ended: " + after);
        assertEquals(2, calls(after, "add", "success") - calls(before, "add", "success"));
        assertEquals(1, calls(after, "add", "invalid_params") - calls(before, "add", "invalid_params"));
        assertEquals(1, calls(after, "fail", "error") - calls(before, "fail", "error"));
        assertEquals(1, calls(after, "slow", "timeout") - calls(before, "slow", "timeout"));
        assertEquals(1, calls(after, "generate_numbers", "cancelled") - calls(before, "generate_numbers", "cancelled"));
        assertTrue(value(after, "mcp_streaming_chunks_total{tool=\"generate_numbers\"}")
                > value(before, "mcp_streaming_chunks_total{tool=\"generate_numbers\"}"), after.toString());
        assertEquals(3, value(after, "mcp_request_duration_seconds_count{tool=\"add\"}")
                - value(before, "mcp_request_duration_seconds_count{tool=\"add\"}"), after.toString());
        assertEquals(6, value(after, "mcp_request_size_bytes_count") - value(before, "mcp_request_size_bytes_count"));
        assertEquals(6.0, after.get("mcp_tools_registered"));
        assertTrue(after.keySet().stream().anyMatch(key -> key.startsWith("mcp_server_info{version=")), after.toString());
    }
}
