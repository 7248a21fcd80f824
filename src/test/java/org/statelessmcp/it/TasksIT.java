package org.statelessmcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.statelessmcp.it.conformance.Forms;
import org.statelessmcp.it.conformance.Greeting;
import org.statelessmcp.it.conformance.TaskTools;
import org.statelessmcp.testkit.McpResponse;
import org.statelessmcp.testkit.McpTestClient;

/**
 * MCP's tasks extension (SEP-2663) on the wire, beyond the conformance suite's tasks scenarios (which
 * {@code ConformanceIT} runs, each required to pass whole): a real client's task, the routing header, what a crashed
 * or failing tool leaves in its task, questions answered through {@code tasks/update}, the settings on the wire, and
 * the clients that get no task.
 */
class TasksIT extends DeployedWarTest {

    private static final String INSPECTOR = "node_modules/@modelcontextprotocol/inspector/clients/launcher/build/index.js";
    private static final String TASKS = "{\"elicitation\":{},\"extensions\":{\"io.modelcontextprotocol/tasks\":{}}}";

    @Deployment(testable = false)
    static WebArchive deployment() {
        Properties settings = new Properties();
        settings.setProperty("smcp.examples.enabled", "false");
        settings.setProperty("smcp.mcp.tasks.poll-interval", "250");
        return Deployments.withSettings(Deployments.productWar().addClasses(TaskTools.class, Greeting.class,
                Forms.class), settings);
    }

    private McpTestClient tasks() {
        return kit.mcp2026().capabilities(TASKS);
    }

    /**
     * MCP Inspector's CLI speaks the tasks extension through the official {@code @modelcontextprotocol/ext-tasks}
     * client: it declares the extension, receives the task, polls it and prints the tool's result.
     */
    @Test
    void inspectorCliRunsAToolAsATaskToItsResult() throws Exception {
        NodeTools.Run run = NodeTools.run("inspector-task.txt", 120, INSPECTOR, "--cli", url(),
                "--transport", "http", "--protocol-era", "modern", "--method", "tools/call",
                "--tool-name", "how_it_ran");
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("ran as a task"), run.output());
    }

    @Test
    void aHandOffOutsideATaskDoesNothing() {
        assertEquals("ran directly", kit.mcp2026().capabilities("{}").call("how_it_ran").assertStatus(200).texts()
                .get(0));
        assertEquals("ran directly", kit.mcp2025().call("how_it_ran").assertStatus(200).texts().get(0));
    }

    @Test
    void discoveryAdvertisesTheTasksExtension() {
        JsonObject discovered = kit.mcp2026().request("server/discover").assertStatus(200).result();
        assertTrue(discovered.getJsonObject("capabilities").getJsonObject("extensions")
                .containsKey("io.modelcontextprotocol/tasks"), discovered.toString());
    }

    @Test
    void aTaskAnswersAtOnceWithItsIdStatusTimesAndSettings() {
        JsonObject created = tasks().call("slow_compute", "{\"seconds\":1}").assertStatus(200).result();
        assertEquals("task", created.getString("resultType"));
        assertEquals("working", created.getString("status"));
        assertTrue(created.getString("taskId").length() >= 32, "an unguessable id: " + created);
        assertEquals(3_600_000, created.getInt("ttlMs"));
        assertEquals(250, created.getInt("pollIntervalMs"));
        Instant createdAt = Instant.parse(created.getString("createdAt"));
        assertTrue(Duration.between(createdAt, Instant.now()).abs().toMinutes() < 5, created.toString());
        assertEquals("stateless-mcp", created.getJsonObject("_meta")
                .getJsonObject("io.modelcontextprotocol/serverInfo").getString("name"));
    }

    @Test
    void aFinishedTaskInlinesTheToolsResult() {
        JsonObject done = untilEnded(start("slow_compute", "{\"seconds\":0,\"label\":\"now\"}"));
        assertEquals("completed", done.getString("status"));
        assertEquals("computed now in 0 s", done.getJsonObject("result").getJsonArray("content").getJsonObject(0)
                .getString("text"));
        assertEquals("complete", done.getString("resultType"));
    }

    @Test
    void aCrashedToolFailsItsTaskWithoutItsInternals() {
        JsonObject failed = untilEnded(start("protocol_error_job", "{}"));
        assertEquals("failed", failed.getString("status"));
        assertEquals(-32603, failed.getJsonObject("error").getInt("code"));
        assertFalse(failed.toString().contains("a bug in the tool"), failed.toString());
        assertFalse(failed.toString().contains("IllegalStateException"), failed.toString());
        assertFalse(failed.containsKey("result"), failed.toString());
    }

    @Test
    void aDeclaredFailureCompletesItsTaskWithAnErrorResult() {
        JsonObject done = untilEnded(start("failing_job", "{}"));
        assertEquals("completed", done.getString("status"));
        assertTrue(done.getJsonObject("result").getBoolean("isError"), done.toString());
        assertEquals("the job failed, as it always does", done.getJsonObject("result").getJsonArray("content")
                .getJsonObject(0).getString("text"));
    }

    @Test
    void anUnknownTaskIdIsInvalidParams() {
        String id = start("slow_compute", "{\"seconds\":0}");
        for (String method : new String[] {"tasks/get", "tasks/cancel"}) {
            McpResponse unknown = tasks().request(method, taskId(id + "x"));
            unknown.assertStatus(200).assertError(-32602, null);
            assertEquals("Failed to retrieve task: Task not found", unknown.error().getString("message"));
        }
    }

    @Test
    void taskMethodsNeedTheExtensionInTheRequest() {
        String id = start("slow_compute", "{\"seconds\":0}");
        McpResponse refused = kit.mcp2026().capabilities("{}").request("tasks/get", taskId(id));
        refused.assertStatus(400).assertError(-32021, null);
        assertTrue(refused.error().getJsonObject("data").getJsonObject("requiredCapabilities")
                .getJsonObject("extensions").containsKey("io.modelcontextprotocol/tasks"), refused.body());
    }

    @Test
    void aTaskMethodsMcpNameMustBeItsTaskId() {
        String id = start("slow_compute", "{\"seconds\":0}");
        tasks().header("Mcp-Name", "another-task").request("tasks/get", taskId(id))
                .assertStatus(400).assertError(-32020, null);
        tasks().header("Mcp-Name", null).request("tasks/get", taskId(id))
                .assertStatus(400).assertError(-32020, null);
    }

    @Test
    void aTasksQuestionIsAnsweredWithTasksUpdateAndTheToolGoesOn() {
        String id = start("confirm_delete", "{\"filename\":\"a.txt\"}");
        JsonObject asking = until(id, "input_required");
        JsonObject question = asking.getJsonObject("inputRequests").getJsonObject("confirm");
        assertEquals("elicitation/create", question.getString("method"));
        assertEquals("Delete a.txt?", question.getJsonObject("params").getString("message"));
        JsonObject ack = tasks().request("tasks/update", Json.createObjectBuilder().add("taskId", id)
                .add("inputResponses", Json.createObjectBuilder().add("confirm", Json.createObjectBuilder()
                        .add("action", "accept").add("content", Json.createObjectBuilder().add("confirm", true))))
                .build()).assertStatus(200).result();
        assertEquals("complete", ack.getString("resultType"));
        assertFalse(ack.containsKey("status"), ack.toString());
        JsonObject done = untilEnded(id);
        assertEquals("deleted a.txt", done.getJsonObject("result").getJsonArray("content").getJsonObject(0)
                .getString("text"));
    }

    @Test
    void tasksUpdateRefusesAnswersThatAreNotObjects() {
        String id = start("confirm_delete", "{\"filename\":\"b.txt\"}");
        until(id, "input_required");
        tasks().request("tasks/update", "{\"taskId\":\"" + id + "\",\"inputResponses\":{\"confirm\":true}}")
                .assertStatus(200).assertError(-32602, null);
        tasks().request("tasks/cancel", taskId(id)).assertStatus(200);
        assertEquals("cancelled", untilEnded(id).getString("status"));
    }

    @Test
    void aRequiredTaskToolRefusesA2026ClientWithoutTheExtensionButAnswersA2025One() {
        kit.mcp2026().capabilities("{}").call("failing_job", "{}").assertStatus(400).assertError(-32021, null);
        JsonObject direct = kit.mcp2025().call("failing_job", "{}").assertStatus(200).result();
        assertTrue(direct.getBoolean("isError"), direct.toString());
        assertFalse(direct.containsKey("taskId"), direct.toString());
    }

    @Test
    void thePlainDialectCallsATaskToolDirectly() {
        McpResponse answer = kit.plain().call("slow_compute", "{\"seconds\":0,\"label\":\"plain\"}");
        assertEquals("computed plain in 0 s", answer.assertStatus(200).resultValue().toString().replace("\"", ""));
    }

    private String start(String tool, String arguments) {
        JsonObject created = tasks().call(tool, arguments).assertStatus(200).result();
        assertEquals("task", created.getString("resultType"), created.toString());
        return created.getString("taskId");
    }

    private static String taskId(String id) {
        return "{\"taskId\":\"" + id + "\"}";
    }

    private JsonObject get(String id) {
        return tasks().request("tasks/get", taskId(id)).assertStatus(200).result();
    }

    private JsonObject until(String id, String status) {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonObject task = get(id);
        while (!status.equals(task.getString("status")) && System.nanoTime() < end) {
            pause();
            task = get(id);
        }
        assertEquals(status, task.getString("status"), task.toString());
        return task;
    }

    private JsonObject untilEnded(String id) {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonObject task = get(id);
        while (("working".equals(task.getString("status")) || "input_required".equals(task.getString("status")))
                && System.nanoTime() < end) {
            pause();
            task = get(id);
        }
        assertNotEquals("working", task.getString("status"), task.toString());
        return task;
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The suite's DNS-rebinding checks need a loopback host name in the URL. */
    private String url() {
        return "http://127.0.0.1:" + base.getPort() + client.uri("mcp").getPath();
    }
}
