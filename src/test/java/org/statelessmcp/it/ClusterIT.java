package org.statelessmcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.statelessmcp.it.conformance.ConformanceTools;
import org.statelessmcp.testkit.McpResponse;

/**
 * Two instances in one Payara (Hazelcast) cluster on loopback: a 2025 client's answer to a tool's question, a
 * separate POST that a load balancer sends to the other instance, reaches the waiting call through the clustered
 * JCache, and the tool's result carries the client's real answer. The rate-limit windows live in the same cache:
 * the two instances enforce one limit between them, set with the seed's environment variables.
 */
class ClusterIT {

    /** The seed's settings, plus a tool limit low enough to count. */
    private static final Map<String, String> LIMITS = Map.of("SMCP_RATE_LIMIT_ENABLED", "true",
            "SMCP_DEFAULT_RATE_LIMIT", "1000/minute", "SMCP_RATE_LIMIT_TOOLS", "echo=10/minute");

    private static PayaraMicroProcess first;
    private static PayaraMicroProcess second;

    @BeforeAll
    static void startCluster() throws Exception {
        WebArchive war = Deployments.productWar().addClass(ConformanceTools.class);
        List<Integer> members = List.of(PayaraMicroProcess.freePort(), PayaraMicroProcess.freePort());
        String cluster = "smcp-it-" + members.get(0);
        ExecutorService starting = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<PayaraMicroProcess> a = CompletableFuture.supplyAsync(() -> start(war, "cluster-a",
                    cluster, members.get(0), members), starting);
            CompletableFuture<PayaraMicroProcess> b = CompletableFuture.supplyAsync(() -> start(war, "cluster-b",
                    cluster, members.get(1), members), starting);
            first = a.join();
            second = b.join();
        } finally {
            starting.shutdown();
        }
        assertTrue(first.awaitOutput("DG Size: 2", 90), String.join("\n", first.output()));
    }

    private static PayaraMicroProcess start(WebArchive war, String name, String cluster, int port,
                                            List<Integer> members) {
        try {
            return PayaraMicroProcess.startClustered(war, name, cluster, port, members, LIMITS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stopCluster() throws InterruptedException {
        for (PayaraMicroProcess server : new PayaraMicroProcess[] {first, second}) {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    void everyInstanceRelaysAnswersThroughTheClusteredCache() {
        for (PayaraMicroProcess server : List.of(first, second)) {
            assertTrue(server.output().stream().anyMatch(line -> line.contains(
                    "MCP client answers are relayed between instances through the JCache cache 'smcp-client-answers'")),
                    String.join("\n", server.output()));
        }
    }

    @Test
    void answerReachingTheOtherInstanceCompletesTheWaitingCall() throws Exception {
        NodeTools.Run run = NodeTools.run("cluster-alternating-client.txt", 120, "alternating-client.mjs",
                first.mcpUrl(), second.mcpUrl());
        assertEquals(0, run.exitCode(), run.output());
        JsonObject seen = run.lastJson();
        assertEquals("User response: action=accept, content={\"username\":\"grace\",\"email\":\"grace@example.com\"}",
                seen.getString("elicitation"), seen.toString());
        List<String> requests = seen.getJsonArray("requests").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList();
        String call = requests.stream().filter(request -> request.startsWith("tools/call ")).reduce((x, y) -> y)
                .orElseThrow();
        String answer = requests.stream().filter(request -> request.startsWith("answer:smcp-")).findFirst()
                .orElseThrow(() -> new AssertionError(requests.toString()));
        assertNotEquals(port(call), port(answer), "the answer went to the other instance: " + requests);
    }

    @Test
    void bothInstancesKeepTheirRateWindowsInTheClusteredCache() {
        for (PayaraMicroProcess server : List.of(first, second)) {
            assertTrue(server.output().stream().anyMatch(line -> line.contains("Rate limits: 1000/minute per caller,"
                    + " by tool {echo=10/minute}; windows kept in the container's JCache")),
                    String.join("\n", server.output()));
        }
    }

    @Test
    void twoInstancesEnforceOneLimitBetweenThem() {
        int admitted = 0;
        int refused = 0;
        for (int i = 0; i < 16; i++) {
            PayaraMicroProcess server = i % 2 == 0 ? first : second;
            McpResponse response = server.kit()
                    // no trusted proxy is configured: a made-up forwarded address changes nothing
                    .header("X-Forwarded-For", "192.0.2." + i)
                    .id(i).call("echo", Map.of("message", "x"));
            if (response.status() == 200) {
                admitted++;
            } else {
                response.assertStatus(429);
                refused++;
            }
        }
        // exact within a window; a window boundary crossed during the loop may let one more through
        assertTrue(admitted == 10 || admitted == 11, "admitted " + admitted + ", refused " + refused);
    }

    private static String port(String request) {
        return request.substring(request.lastIndexOf(':') + 1);
    }
}
