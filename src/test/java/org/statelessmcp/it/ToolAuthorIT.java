package org.statelessmcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.orders.CancellationLedger;
import com.example.orders.OrderTools;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.statelessmcp.testkit.McpResponse;
import org.statelessmcp.testkit.McpTestClient;

/**
 * A tool author's own jar ({@link OrderTools}) in {@code WEB-INF/lib}: nothing its tools throw reaches a client but
 * the message they chose, in either dialect and either MCP era, and the server's log has the rest; every part of an
 * error result arrives; progress, client logs and cancellation reach tools that do not stream; a question to the
 * client cannot be swallowed by the tool's own catch block.
 */
class ToolAuthorIT extends DeployedWarTest {

    private static final String CONFIRMATION = "{\"action\":\"accept\",\"content\":{\"proceed\":true}}";

    @Deployment(testable = false)
    static WebArchive deployment() {
        JavaArchive tools = ShrinkWrap.create(JavaArchive.class, "order-tools.jar")
                .addClasses(OrderTools.class, OrderTools.Confirmation.class, CancellationLedger.class)
                .addAsManifestResource(new StringAsset("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\""
                        + " version=\"4.0\" bean-discovery-mode=\"annotated\"/>"), "beans.xml");
        return Deployments.productWar().addAsLibrary(tools);
    }

    private List<McpTestClient> everyDialect() {
        return List.of(kit, kit.mcp2025(), kit.mcp2026());
    }

    /** Asserts the answer keeps the secret, the marker and every class name to the server. */
    private static McpResponse revealsNothing(McpResponse response, String marker) {
        response.assertNoInternals();
        assertFalse(response.body().contains(OrderTools.SECRET), response.toString());
        assertFalse(response.body().contains(marker), response.toString());
        assertFalse(response.body().contains("jdbc:"), response.toString());
        return response;
    }

    /** Asserts the tool's failure must be answered as {@code message}: a tool error in the dialect's own form. */
    private static McpResponse failedWith(McpTestClient dialect, McpResponse response, String message) {
        return isPlain(dialect) ? response.assertError(-32000, message) : response.assertIsError(message);
    }

    private static boolean isPlain(McpTestClient dialect) {
        return dialect.toString().contains("plain");
    }

    /** Waits for {@code marker} in the server's log, and answers the log text up to it. */
    private static String loggedBefore(String marker) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            String text = TargetServer.current().serverLogText();
            int at = text.indexOf(marker);
            if (at >= 0) {
                return text.substring(0, at + marker.length());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("'" + marker + "' is not in the server's log");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Asserts that the last failure logged before the cause is the one of this request, under its id. */
    private static void assertFailureLoggedWithRequestId(String logged, McpResponse response, String tool) {
        String line = "[" + response.header("X-Request-ID") + " " + tool + "] Tool '" + tool + "'";
        int at = logged.lastIndexOf(line);
        assertTrue(at >= 0 && logged.indexOf("] Tool '", at + line.length()) < 0,
                "the failure is logged as '" + line + "…', followed by its cause");
    }

    private static String order() {
        return "order-" + UUID.randomUUID();
    }

    /** What one failing call left: the order it was for, the answer, and the server's log up to the cause. */
    private record Failed(String order, McpResponse response, String logged) {
    }

    /**
     * Calls {@code tool} for a new order in every dialect and era; each answer must be the failure {@code message}
     * (made from the order) and reveal nothing of the cause, whose message ends in {@code order + suffix}.
     */
    private List<Failed> failInEveryDialect(String tool, java.util.function.UnaryOperator<String> message,
                                            String suffix) {
        List<Failed> failed = new java.util.ArrayList<>();
        for (McpTestClient dialect : everyDialect()) {
            String order = order();
            McpResponse response = dialect.call(tool, Map.of("order", order));
            failedWith(dialect, response, message.apply(order));
            revealsNothing(response, order + suffix);
            failed.add(new Failed(order, response, loggedBefore(order + suffix)));
        }
        return failed;
    }

    @Test
    void aCauseReachesNoClientOnlyTheServerLogWithTheRequestId() {
        for (Failed call : failInEveryDialect("lookup", order -> "lookup of " + order + " failed", "-cause")) {
            assertTrue(call.logged().endsWith("java.lang.IllegalStateException: db password=***"
                    + " at jdbc:postgresql://db.internal:5432/orders " + call.order() + "-cause"),
                    "masked as every log line");
            assertFailureLoggedWithRequestId(call.logged(), call.response(), "lookup");
        }
    }

    @Test
    void aThrowableInsideErrorDataIsWrittenAsNull() {
        String order = order();
        McpResponse response = kit.call("quota", Map.of("order", order))
                .assertError(-32000, "order " + order + " is over quota");
        assertEquals(100, response.error().getJsonObject("data").getInt("limit"));
        assertEquals(JsonValue.NULL, response.error().getJsonObject("data").get("cause"));
        revealsNothing(response, order + "-data");
        assertTrue(loggedBefore(order + "-data").endsWith("java.sql.SQLException: " + OrderTools.SECRET + " " + order
                + "-data"), "the throwable left out of the answer is in the log");
        for (McpTestClient mcp : List.of(kit.mcp2025(), kit.mcp2026())) {
            String another = order();
            revealsNothing(mcp.call("quota", Map.of("order", another)).assertIsError("is over quota"),
                    another + "-data");
        }
    }

    @Test
    void anUnexpectedExceptionIsAnsweredGenericallyAndLogged() {
        for (Failed call : failInEveryDialect("crash", order -> "Tool 'crash' failed", "-crash")) {
            assertTrue(call.logged().endsWith("java.lang.IllegalStateException: " + OrderTools.SECRET + " "
                    + call.order() + "-crash"), "the exception itself is in the log");
        }
    }

    @Test
    void aStreamingToolsCauseEndsTheStreamWithItsMessageOnly() {
        String order = order();
        McpResponse plain = kit.call("export", Map.of("order", order)).assertError(-32000, "export of " + order);
        assertEquals(List.of(1), plain.chunks().stream().map(chunk -> chunk.asJsonObject().getInt("row")).toList());
        revealsNothing(plain, order + "-stream");
        String another = order();
        revealsNothing(kit.mcp2025().progressToken("p").call("export", Map.of("order", another))
                .assertIsError("export of " + another + " broke"), another + "-stream");
        assertTrue(loggedBefore(another + "-stream").contains("IOException"));
    }

    @Test
    void aCompletionStagesCauseIsLoggedWithTheRequestIdFromAnotherThread() {
        for (Failed call : failInEveryDialect("later", order -> "later " + order + " failed", "-async")) {
            assertTrue(call.logged().endsWith("java.util.concurrent.TimeoutException: " + OrderTools.SECRET + " "
                    + call.order() + "-async"));
            assertFailureLoggedWithRequestId(call.logged(), call.response(), "later");
        }
    }

    @Test
    void anErrorResultKeepsEveryPartOverMcp() {
        for (McpTestClient mcp : List.of(kit.mcp2025(), kit.mcp2026())) {
            McpResponse response = mcp.call("verdict").assertIsError("first part")
                    .assertText("first part", "second part");
            assertEquals(42, response.result().getJsonObject("structuredContent").getInt("code"));
        }
    }

    @Test
    void anErrorResultIsAToolErrorWithTheWholeResultAsDataInThePlainDialect() {
        JsonObject data = kit.call("verdict").assertError(-32000, "first part").error().getJsonObject("data");
        assertEquals(2, data.getJsonArray("content").size());
        assertEquals("second part", data.getJsonArray("content").getJsonObject(1).getString("text"));
        assertEquals(42, data.getJsonObject("structuredContent").getInt("code"));
    }

    @Test
    void aToolThatDoesNotStreamReportsProgressAndLogsOverMcp2025() {
        McpResponse response = kit.mcp2025().progressToken("reindex-1").call("reindex", Map.of("rows", 3))
                .assertSuccess().assertText("reindexed 3").assertProgress(1, 2, 3);
        assertEquals(List.of("row 1", "row 2", "row 3"),
                response.progress().stream().map(McpResponse.Progress::message).toList());
        assertEquals(3.0, response.progress().get(0).total());
        // 2025 clients get info and above: a stateless server keeps no logging/setLevel
        assertEquals(List.of("info", "error"), response.logs().stream().map(McpResponse.LogMessage::level).toList());
        assertEquals("reindexing 3 rows", ((jakarta.json.JsonString) response.logs().get(0).data()).getString());
        assertEquals("reindex", response.logs().get(0).logger());
        response.assertNoInternals();
        assertFalse(response.body().contains(OrderTools.SECRET), "McpLog.error sends the message, not the throwable");
    }

    @Test
    void logMessagesFollowTheRequestsLogLevelInMcp2026() {
        McpResponse debug = kit.mcp2026().logLevel("debug").call("reindex", Map.of("rows", 2)).assertSuccess();
        assertEquals(List.of("info", "debug", "error"),
                debug.logs().stream().map(McpResponse.LogMessage::level).toList());
        McpResponse quiet = kit.mcp2026().call("reindex", Map.of("rows", 2)).assertSuccess();
        assertEquals(List.of(), quiet.logs());
        assertEquals(List.of(), quiet.progress());
    }

    @Test
    void aToolThatDoesNotStreamReportsProgressAsNdjsonInThePlainDialectWhenAsked() {
        McpResponse response = kit.header("Accept", "application/x-ndjson").call("reindex", Map.of("rows", 2));
        assertEquals("reindexed 2", response.resultValue().toString().replace("\"", ""));
        List<JsonObject> lines = response.chunks().stream().map(JsonValue::asJsonObject).toList();
        assertEquals(List.of("log", "progress", "progress", "log"),
                lines.stream().map(line -> line.getString("type")).toList());
        assertEquals("{\"type\":\"progress\",\"current\":1,\"total\":2,\"percentage\":50.0,\"message\":\"row 1\"}",
                lines.get(1).toString());
        response.assertNoInternals();
    }

    @Test
    void withoutAskingForNdjsonThePlainDialectAnswersOneJsonObject() {
        McpResponse response = kit.call("reindex", Map.of("rows", 2)).assertSuccess();
        assertEquals("application/json", response.contentType().split(";")[0]);
        assertEquals(List.of(), response.chunks());
    }

    /** Polls what the cancellable tools saw of {@code order} until {@code key} is true (or 10 s pass). */
    private JsonObject ledgerOnceTrue(String order, String key) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        JsonObject report;
        do {
            report = kit.call("cancellations", Map.of("order", order)).assertSuccess().resultValue().asJsonObject();
        } while (!report.getBoolean(key) && System.nanoTime() < deadline);
        return report;
    }

    @Test
    void aBlockingToolSeesItsTimeoutAsCancellationAndItsCallbackRuns() {
        String order = order();
        kit.call("drain", Map.of("order", order)).assertError(-32001, "timed out");
        JsonObject report = ledgerOnceTrue(order, "cancelled");
        assertTrue(report.getBoolean("cancelled"), report.toString());
        assertEquals("timeout", report.getString("reason"));
        assertTrue(report.getBoolean("callback"), report.toString());
    }

    @Test
    void aBlockingToolSeesTheClientsCancelledNotification() throws Exception {
        String order = order();
        var call = kit.mcp2025().id("hold-1").callAsync("hold", Map.of("order", order));
        assertTrue(ledgerOnceTrue(order, "began").getBoolean("began"));
        kit.mcp2025().send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\","
                + "\"params\":{\"requestId\":\"hold-1\",\"reason\":\"user pressed stop\"}}").assertStatus(202);
        JsonObject report = ledgerOnceTrue(order, "cancelled");
        assertEquals("the client cancelled the request or went away", report.getString("reason"), report.toString());
        assertTrue(report.getBoolean("callback"), report.toString());
        assertFalse(call.get(30, java.util.concurrent.TimeUnit.SECONDS).body().contains("held"),
                "a cancelled request gets no result");
    }

    @Test
    void aToolCatchingExceptionAroundAQuestionStillEndsTheRoundWithInputRequired() {
        McpTestClient mcp = kit.mcp2026().capabilities("{\"elicitation\":{}}");
        McpResponse asked = mcp.call("confirm").assertInputRequired("confirmation");
        assertEquals("boolean", asked.inputRequests().get("confirmation").getJsonObject("params")
                .getJsonObject("requestedSchema").getJsonObject("properties").getJsonObject("proceed")
                .getString("type"));
        asked.answer("confirmation", CONFIRMATION).assertSuccess().assertText("confirmed");
    }

    @Test
    void aToolCatchingThrowableAroundAQuestionCannotTurnItIntoAWrongAnswer() {
        kit.mcp2026().capabilities("{\"elicitation\":{}}").call("confirmCarelessly")
                .assertInputRequired("confirmation")
                .answer("confirmation", CONFIRMATION).assertSuccess().assertText("asked");
    }

    @Test
    void aToolGetsItsRequestIdAndCaller() {
        kit.id("call-7").call("whoami").assertSuccess().assertStructured("\"call-7/anonymous\"");
        kit.mcp2025().id(12).call("whoami").assertSuccess().assertText("12/anonymous");
    }
}
