package org.statelessmcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.statelessmcp.it.tools.LoggingTools;
import org.statelessmcp.testkit.McpResponse;

/**
 * The server's log, read from a real Payara Micro run with {@code SMCP_LOG_FORMAT=json} and
 * {@code SMCP_LOG_LEVEL=FINE}: one JSON object per line, the request id on the lines a tool writes from the managed
 * executor, an access line per request, and no secret from the request's body or headers anywhere.
 */
class LoggingIT {

    private static final String REQUEST_ID = "it-log-1";
    private static final String BODY_SECRET = "hunter2-body-secret";
    private static final String HEADER_SECRET = "s3cr3t-header-token";
    private static final String TEAM_KEY = "team-key-0123456789abcdef";
    private static final List<JsonObject> LINES = new ArrayList<>();
    private static final List<String> OUTPUT = new ArrayList<>();
    private static McpResponse response;

    @BeforeAll
    static void callAToolThatLogs() throws Exception {
        try (PayaraMicroProcess server = PayaraMicroProcess.start(Deployments.productWar().addClass(LoggingTools.class),
                "logging", Map.of("SMCP_LOG_FORMAT", "json", "SMCP_LOG_LEVEL", "FINE",
                        // the Python stateless-mcp's authentication settings, under their names there
                        "SMCP_AUTH_ENABLED", "true", "SMCP_AUTH_HEADER_NAME", "X-Team-Key",
                        "SMCP_API_KEYS", "[\"" + TEAM_KEY + "\", \"" + HEADER_SECRET + "\"]"))) {
            response = server.kit()
                    .header("X-Request-ID", REQUEST_ID)
                    .header("Authorization", "Bearer " + HEADER_SECRET)
                    .header("X-Team-Key", TEAM_KEY)
                    .call("chatty", Map.of("password", BODY_SECRET));
            // the access line itself, not a start-up line that names the access logger
            assertTrue(server.awaitOutput("\"LoggerName\":\"org.statelessmcp.access\"", 30),
                    String.join("\n", server.output()));
            OUTPUT.addAll(server.output());
        }
        for (String line : OUTPUT) {
            if (line.startsWith("{") && line.contains("\"LoggerName\"")) {
                LINES.add(jakarta.json.Json.createReader(new StringReader(line)).readObject());
            }
        }
    }

    @AfterAll
    static void forget() {
        LINES.clear();
        OUTPUT.clear();
    }

    private static JsonObject line(String logger) {
        return LINES.stream().filter(line -> logger.equals(line.getString("LoggerName", ""))
                && REQUEST_ID.equals(line.getString("requestId", "")))
                .findFirst().orElseThrow(() -> new AssertionError("no line of " + logger + " for " + REQUEST_ID
                        + ":\n" + String.join("\n", OUTPUT)));
    }

    @Test
    void thePythonServersAuthenticationSettingsAreInForce() {
        assertTrue(OUTPUT.stream().anyMatch(line -> line.contains("Authentication: 2 API key(s), in the X-Team-Key"
                + " header")), String.join("\n", OUTPUT));
    }

    @Test
    void theToolWasCalled() {
        response.assertStatus(200);
    }

    @Test
    void aToolsOwnLineOnTheExecutorThreadCarriesTheRequestIdAndTool() {
        JsonObject chatty = line("com.example.chatty");
        assertEquals("chatty", chatty.getString("tool"));
    }

    @Test
    void secretsInAToolsMessageAreMasked() {
        assertTrue(line("com.example.chatty").getString("LogMessage").contains("password=***"), LINES.toString());
    }

    @Test
    void everyRequestHasOneAccessLine() {
        JsonObject access = line("org.statelessmcp.access");
        assertEquals("chatty", access.getString("method"));
        assertEquals("200", access.getString("status"));
        assertEquals(1, LINES.stream().filter(line -> "org.statelessmcp.access".equals(line.getString("LoggerName", ""))
                && REQUEST_ID.equals(line.getString("requestId", ""))).count());
    }

    @Test
    void theDebugLineOfTheRequestMasksHeadersAndArguments() {
        String request = line("org.statelessmcp.transport.McpServlet").getString("LogMessage");
        assertTrue(request.contains("\"password\":\"***\""), request);
        assertTrue(request.toLowerCase(java.util.Locale.ROOT).contains("authorization: ***"), request);
        assertTrue(request.toLowerCase(java.util.Locale.ROOT).contains("x-team-key: ***"), request);
    }

    @Test
    void noSecretReachesTheLog() {
        for (String line : OUTPUT) {
            assertFalse(line.contains(BODY_SECRET) || line.contains(HEADER_SECRET) || line.contains(TEAM_KEY), line);
        }
    }
}
