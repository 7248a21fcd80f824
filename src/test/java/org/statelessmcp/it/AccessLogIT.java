package org.statelessmcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.statelessmcp.testkit.McpTestClient;

/**
 * Where access lines go, read from real Payara Micro runs with the console format: by default ({@code auto}) a
 * writer thread of the access log's own puts them on standard error, and puts every line of a request answered
 * before the server stops; with {@code SMCP_LOG_ACCESS_TARGET=server} they are records of the server's logging; an
 * unknown target fails the deployment.
 */
class AccessLogIT {

    /** A call as an MCP client sends it (accepting both answers), under {@code requestId}. */
    private static McpTestClient kit(PayaraMicroProcess server, String requestId) {
        return server.kit().header("Accept", "application/json, text/event-stream").header("X-Request-ID", requestId);
    }

    private static List<String> accessLines(List<String> output, String requestId) {
        return output.stream().filter(line -> line.contains("org.statelessmcp.access") && line.contains(requestId))
                .toList();
    }

    @Test
    void byDefaultPayaraMicroGetsOneOwnWrittenLinePerRequestEvenJustBeforeItStops() throws Exception {
        PayaraMicroProcess server = PayaraMicroProcess.start(Deployments.productWar(), "access");
        try (server) {
            kit(server, "it-access-1").call("add", Map.of("a", 2, "b", 3)).assertStatus(200);
            kit(server, "it-access-2").request("tools/call", "{\"name\":\"generate_numbers\","
                    + "\"arguments\":{\"count\":3,\"delay\":0.01}}").assertStatus(200);
            kit(server, "it-access-3").call("add", Map.of("a", 1, "b", 1)).assertStatus(200);
            // stopped at once: the line of the last request is still queued, and must be written on the way out
        }
        // the process has ended; what it printed last may still be on its way through the pipe
        server.awaitOutput("[it-access-3]", 10);
        List<String> output = server.output();
        assertTrue(output.stream().anyMatch(line -> line.contains("Access log: a line per request on /mcp, written"
                + " to stderr by its own thread; smcp.log.access.target=auto")), String.join("\n", output));
        List<String> first = accessLines(output, "it-access-1");
        assertEquals(1, first.size(), String.join("\n", output));
        assertTrue(first.get(0).matches("\\[\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-]\\d{4}] \\[INFO] "
                + "\\[org\\.statelessmcp\\.access] \\[it-access-1] POST /mcp add add 200 [0-9.]+ ms in=\\d+ out=\\d+"),
                first.get(0));
        List<String> stream = accessLines(output, "it-access-2");
        assertEquals(1, stream.size(), String.join("\n", output));
        assertTrue(stream.get(0).contains("POST /mcp tools/call generate_numbers 200 "), stream.get(0));
        assertEquals(1, accessLines(output, "it-access-3").size(), String.join("\n", output));
    }

    @Test
    void theServerTargetWritesRecordsOfTheServersLogging() throws Exception {
        try (PayaraMicroProcess server = PayaraMicroProcess.start(Deployments.productWar(), "access-server",
                Map.of("SMCP_LOG_ACCESS_TARGET", "server"))) {
            kit(server, "it-access-s1").call("add", Map.of("a", 2, "b", 3)).assertStatus(200);
            assertTrue(server.awaitOutput("it-access-s1 add] POST /mcp add add 200", 30),
                    String.join("\n", server.output()));
            List<String> output = server.output();
            assertTrue(output.stream().anyMatch(line -> line.contains("through the server's logging (logger"
                    + " org.statelessmcp.access); smcp.log.access.target=server")), String.join("\n", output));
            // Payara's console format: the thread and level value in brackets, the request id before the message
            assertTrue(output.stream().anyMatch(line -> line.contains("org.statelessmcp.access")
                    && line.contains("[levelValue: 800] [it-access-s1 add] POST /mcp")), String.join("\n", output));
        }
    }

    @Test
    void anUnknownTargetFailsTheDeploymentNamingTheChoices() throws Exception {
        try (PayaraMicroProcess server = PayaraMicroProcess.start(Deployments.productWar(), "access-bogus",
                Map.of("SMCP_LOG_ACCESS_TARGET", "syslog"))) {
            assertTrue(server.awaitOutput("smcp.log.access.target must be auto, stderr, stdout or server, not"
                    + " 'syslog'", 30), String.join("\n", server.output()));
            // the application must not be served
            kit(server, "it-access-b1").call("add", Map.of("a", 2, "b", 3)).assertStatus(404);
        }
    }
}
