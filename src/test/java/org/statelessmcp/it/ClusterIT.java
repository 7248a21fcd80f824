package org.statelessmcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.statelessmcp.it.conformance.ConformanceTools;
import org.statelessmcp.it.conformance.Forms;
import org.statelessmcp.it.conformance.TaskTools;
import org.statelessmcp.testkit.McpResponse;

/**
 * Two instances in one cluster of the server under test, on loopback, each through that server's own distributed
 * cache (Payara Micro: its Hazelcast data grid's JCache; Payara Server: a deployment group's two instances in the
 * domain's data grid; WildFly: an Infinispan cache of its {@code infinispan} subsystem, set up by
 * {@code server-config/wildfly/cluster.cli}; Open Liberty: Hazelcast's JCache as a server library, set up by
 * {@code server-config/open-liberty/cluster.xml}), with a client that alternates between them as a load balancer
 * without affinity would: a 2025 client's answer to a tool's question, a separate POST that reaches the other
 * instance, completes the waiting call; the two instances enforce one rate limit between them; a 2026-07-28
 * multi round-trip request begun on one instance resumes on the other; and an MCP task started on one instance is
 * answered for, fed its input and cancelled on the other, and fails when its instance dies. The death comes last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    /**
     * The Python stateless-mcp's settings, plus a tool limit low enough to count, and the secret every instance must
     * share.
     */
    private static final Map<String, String> SETTINGS = Map.of("SMCP_RATE_LIMIT_ENABLED", "true",
            "SMCP_DEFAULT_RATE_LIMIT", "1000/minute", "SMCP_RATE_LIMIT_TOOLS", "echo=10/minute",
            "SMCP_MCP_REQUEST_STATE_SECRET", "a-secret-shared-by-every-instance-0123456789",
            // a task whose instance died fails after this many seconds of silence (the least allowed)
            "SMCP_MCP_TASKS_ORPHAN_AFTER", "3");
    private static final String TASKS = "{\"elicitation\":{},\"extensions\":{\"io.modelcontextprotocol/tasks\":{}}}";

    private static ClusterMember first;
    private static ClusterMember second;

    @BeforeAll
    static void startCluster() throws Exception {
        WebArchive war = Deployments.productWar().addClasses(ConformanceTools.class, TaskTools.class, Forms.class);
        List<ClusterMember> members = switch (TargetServer.current()) {
            case PAYARA_MICRO -> startPayaraMicro(war);
            case WILDFLY -> WildFlyProcess.startCluster(war, "cluster", List.of(500, 600), SETTINGS);
            case LIBERTY -> LibertyProcess.startCluster(war, "cluster", 2, SETTINGS);
            case PAYARA_SERVER -> PayaraServerCluster.start(war, "cluster", 2, SETTINGS);
        };
        first = members.get(0);
        second = members.get(1);
    }

    private static List<ClusterMember> startPayaraMicro(WebArchive war) throws Exception {
        PayaraMicroProcess first;
        PayaraMicroProcess second;
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
        return List.of(first, second);
    }

    private static PayaraMicroProcess start(WebArchive war, String name, String cluster, int port,
                                            List<Integer> members) {
        try {
            return PayaraMicroProcess.startClustered(war, name, cluster, port, members, SETTINGS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stopCluster() throws InterruptedException {
        for (ClusterMember server : new ClusterMember[] {first, second}) {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    void everyInstanceSaysWhichDistributedCacheItShares() {
        for (ClusterMember server : List.of(first, second)) {
            assertTrue(server.output().stream().anyMatch(line -> line.contains(
                    "Shared state (rate-limit windows, relayed MCP client answers) is kept in " + store())),
                    String.join("\n", server.output()));
        }
    }

    @Test
    void bothInstancesOfTheApplicationUseTheSameNamespaceOfItsMaps() {
        List<String> namespaces = new ArrayList<>();
        for (ClusterMember server : List.of(first, second)) {
            Pattern named = Pattern.compile(
                    "this application's maps end in '@([^']+)' \\(smcp.cluster.namespace\\)");
            namespaces.add(server.output().stream().map(named::matcher).filter(Matcher::find)
                    .map(found -> found.group(1)).findFirst()
                    .orElseThrow(() -> new AssertionError(String.join("\n", server.output()))));
        }
        assertEquals(namespaces.get(0), namespaces.get(1), "each instance's namespace: " + namespaces);
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
        for (ClusterMember server : List.of(first, second)) {
            // Liberty's JSON log lines write every / as \/
            assertTrue(server.output().stream().anyMatch(line -> line.replace("\\/", "/").contains(
                    "Rate limits: 1000/minute per caller,"
                            + " by tool {echo=10/minute}; windows kept in " + store())),
                    String.join("\n", server.output()));
        }
    }

    @Test
    void twoInstancesEnforceOneLimitBetweenThem() {
        int admitted = 0;
        int refused = 0;
        for (int i = 0; i < 16; i++) {
            ClusterMember server = i % 2 == 0 ? first : second;
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

    @Test
    void aRoundTripBegunOnOneInstanceResumesOnTheOther() throws Exception {
        NodeTools.Run run = NodeTools.run("cluster-ts-sdk2-client.txt", 120, "ts-sdk2-client.mjs", first.mcpUrl(),
                second.mcpUrl());
        assertEquals(0, run.exitCode(), run.output());
        RoundTrips.assertGreetResumedOnTheOtherInstance(run.lastJson());
    }

    @Test
    void everyInstanceIsReadyWithItsSharedCacheReachable() {
        for (ClusterMember server : List.of(first, second)) {
            McpResponse response = server.kit().get(server.probe("ready"));
            response.assertStatus(200);
            JsonObject ready = response.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                    .filter(check -> check.getString("name").equals("stateless-mcp-ready")).findFirst()
                    .orElseThrow(() -> new AssertionError(response.body()));
            assertEquals("reachable", ready.getJsonObject("data").getString("sharedCache"), response.body());
        }
    }

    @Test
    void everyInstanceServesThePlainDialectsHealthDocumentWithTheClusterRelay() {
        for (ClusterMember server : List.of(first, second)) {
            McpResponse response = server.kit().get("health");
            response.assertStatus(200);
            JsonObject health = response.json();
            assertEquals("healthy", health.getString("status"), response.body());
            assertTrue(health.getJsonObject("features").getBoolean("clusterRelay"), response.body());
        }
    }

    @Test
    void everyInstanceSaysItAnswersForEveryTask() {
        for (ClusterMember server : List.of(first, second)) {
            assertTrue(server.output().stream().anyMatch(line -> line.contains(
                    "MCP tasks: every instance of the cluster answers for every task")),
                    String.join("\n", server.output()));
        }
    }

    @Test
    void aTaskStartedOnOneInstanceIsFollowedAndAnsweredOnTheOther() {
        String id = startTask(first, "confirm_delete", "{\"filename\":\"cluster.txt\"}");
        // stored before its id was returned: the other instance knows it at once
        assertEquals(id, taskGet(second, id).getString("taskId"));
        JsonObject asking = untilStatus(second, id, "input_required");
        assertTrue(asking.getJsonObject("inputRequests").containsKey("confirm"), asking.toString());
        tasks(second).request("tasks/update", "{\"taskId\":\"" + id + "\",\"inputResponses\":{\"confirm\":"
                + "{\"action\":\"accept\",\"content\":{\"confirm\":true}}}}").assertStatus(200);
        JsonObject done = untilStatus(second, id, "completed");
        assertEquals("deleted cluster.txt", done.getJsonObject("result").getJsonArray("content").getJsonObject(0)
                .getString("text"));
    }

    @Test
    void aCancelOnTheOtherInstanceStopsTheTaskWhereItRuns() {
        String id = startTask(first, "slow_compute", "{\"seconds\":60}");
        tasks(second).request("tasks/cancel", "{\"taskId\":\"" + id + "\"}").assertStatus(200);
        // only the instance running the tool writes "cancelled", once its run has ended
        assertEquals("cancelled", untilStatus(first, id, "cancelled").getString("status"));
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void aTaskWhoseInstanceDiesFailsOnTheOther() throws InterruptedException {
        String id = startTask(second, "slow_compute", "{\"seconds\":60}");
        untilStatus(first, id, "working");
        second.kill();
        JsonObject failed = untilStatus(first, id, "failed");
        assertEquals(-32603, failed.getJsonObject("error").getInt("code"), failed.toString());
        assertTrue(failed.getString("statusMessage").startsWith("The instance running this task stopped"),
                failed.toString());
    }

    private static org.statelessmcp.testkit.McpTestClient tasks(ClusterMember server) {
        return server.kit().mcp2026().capabilities(TASKS);
    }

    private static String startTask(ClusterMember server, String tool, String arguments) {
        JsonObject created = tasks(server).call(tool, arguments).assertStatus(200).result();
        assertEquals("task", created.getString("resultType"), created.toString());
        return created.getString("taskId");
    }

    private static JsonObject taskGet(ClusterMember server, String id) {
        return tasks(server).request("tasks/get", "{\"taskId\":\"" + id + "\"}").assertStatus(200).result();
    }

    /** Polls until the task has {@code status}, for at most a minute: a dead member takes seconds to notice. */
    private static JsonObject untilStatus(ClusterMember server, String id, String status) {
        long end = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        JsonObject task = taskGet(server, id);
        while (!status.equals(task.getString("status")) && System.nanoTime() < end) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            task = taskGet(server, id);
        }
        assertEquals(status, task.getString("status"), task.toString());
        return task;
    }

    /** How the startup log names the server's distributed cache. */
    private static String store() {
        return switch (TargetServer.current()) {
            case PAYARA_MICRO, PAYARA_SERVER -> "the container's JCache";
            case WILDFLY -> "WildFly's Infinispan cache 'shared' (bound to java:comp/env/stateless-mcp/shared-cache)";
            case LIBERTY -> "the JCache provider com.hazelcast";
        };
    }

    private static String port(String request) {
        return request.substring(request.lastIndexOf(':') + 1);
    }
}
