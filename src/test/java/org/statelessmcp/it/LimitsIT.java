package org.statelessmcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.StringJoiner;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.statelessmcp.testkit.McpResponse;

/**
 * Configured limits and settings: body size, JSON nesting, string and number length, batch size (set through the SMCP_MAX_BATCH_SIZE
 * environment variable of the server process), timeouts, and the example tools switched off.
 */
class LimitsIT extends DeployedWarTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        Properties settings = new Properties();
        settings.setProperty("smcp.max-request-size", "4096");
        settings.setProperty("smcp.max-json-depth", "8");
        settings.setProperty("smcp.default-tool-timeout", "7");
        settings.setProperty("smcp.max-tool-timeout", "20");
        settings.setProperty("smcp.examples.enabled", "false");
        settings.setProperty("smcp.allowed-origins", "https://app.example.com, https://other.example.com");
        settings.setProperty("smcp.mcp.page-size", "4");
        settings.setProperty("smcp.max-string-length", "200");
        settings.setProperty("smcp.max-arguments", "3");
        settings.setProperty("smcp.max-number-length", "20");
        return Deployments.withSettings(Deployments.withProbes(), settings);
    }

    /** A call of exactly {@code size} bytes, padded with strings within the string-length limit. */
    private String padded(int size) {
        String call = kit.id(1).requestBody("nothing", "{}");
        int length = size - call.length() - 11;
        StringBuilder pad = new StringBuilder(length);
        int run = 0;
        while (pad.length() < length) {
            if (run == 150 && length - pad.length() > 4) {
                pad.append("\",\"");
                run = 0;
            } else {
                pad.append('x');
                run++;
            }
        }
        return call.substring(0, call.length() - 1) + ",\"pad\":[\"" + pad + "\"]}";
    }

    @Test
    void bodyAtTheLimitIsServed() {
        String body = padded(4096);
        assertEquals(4096, body.length());
        kit.send(body).assertStatus(200);
    }

    @Test
    void declaredBodyPastTheLimitIsRefusedWith413() {
        JsonObject error = kit.send(padded(5000)).assertStatus(413).assertError(-32004, null).assertNoInternals()
                .error();
        assertEquals(4096, error.getJsonObject("data").getInt("limit"));
    }

    @Test
    void chunkedBodyPastTheLimitIsRefusedWhileItIsRead() throws IOException {
        byte[] body = padded(4097).getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", base.getPort())) {
            socket.getOutputStream().write(("POST " + kit.endpoint().getPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            socket.getOutputStream().write("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(response.startsWith("HTTP/1.1 413"), response);
            assertTrue(response.contains("-32004"), response);
        }
    }

    @Test
    void chunkedBodyWithinTheLimitIsServed() {
        // a body of unknown length, sent chunked: the kit sends its length, so this one goes by hand
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(kit.endpoint())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                        kit.id(1).requestBody("nothing", null).getBytes(StandardCharsets.UTF_8))))
                .build());
        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void jsonNestedDeeperThanTheLimitIsAParseError() {
        String deep = "[".repeat(8) + "]".repeat(8);
        kit.call("nothing", "{\"x\":" + deep + "}").assertStatus(400).assertError(-32700, "nesting");
    }

    @Test
    void jsonNestedAtTheLimitIsParsed() {
        String deep = "[".repeat(6) + "]".repeat(6);
        // it got past the parser: the tool refuses the unknown argument
        kit.call("nothing", "{\"x\":" + deep + "}").assertError(-32602, null);
    }

    @Test
    void aStringLongerThanTheLimitIsAnInvalidRequest() {
        kit.call("refuse", Map.of("reason", "r".repeat(201))).assertStatus(400)
                .assertError(-32600, "longer than 200");
        // the server is unharmed: a string at the limit reaches the tool
        kit.call("refuse", Map.of("reason", "r".repeat(200))).assertError(-32000, null);
    }

    @Test
    void aNumberLongerThanTheLimitIsAnInvalidRequest() {
        kit.call("nothing", "{\"x\":" + "1".repeat(21) + "}").assertStatus(400).assertError(-32600, "longer than 20");
        // a number at the limit gets past the parser: the tool refuses the unknown argument
        kit.call("nothing", "{\"x\":" + "1".repeat(20) + "}").assertError(-32602, null);
    }

    @Test
    void aNumberWithAnExponentAboveTheLimitIsAnInvalidRequest() {
        kit.call("nothing", "{\"x\":1e21}").assertStatus(400).assertError(-32600, "exponent is larger than 20");
        kit.call("nothing", "{\"x\":1e20}").assertError(-32602, null);
    }

    @Test
    void moreArgumentsThanTheLimitAreInvalidParamsInBothDialects() {
        String four = "{\"a\":1,\"b\":2,\"c\":3,\"d\":4}";
        JsonObject seed = kit.id(7).call("nothing", four).assertError(-32602, "4 arguments exceed the limit of 3")
                .json();
        assertEquals(7, seed.getInt("id"));
        kit.id(8).request("tools/call", "{\"name\":\"nothing\",\"arguments\":" + four + "}").assertError(-32602, null);
    }

    private String batch(int size) {
        StringJoiner batch = new StringJoiner(",", "[", "]");
        for (int i = 0; i < size; i++) {
            batch.add(kit.id(i).requestBody("nothing", null));
        }
        return batch.toString();
    }

    @Test
    void batchUpToTheLimitFromTheEnvironmentIsServed() {
        String body = batch(50);
        assertTrue(body.length() < 4096);
        assertEquals(50, kit.send(body).batch().size());
    }

    @Test
    void batchPastTheLimitFromTheEnvironmentIsAnInvalidRequest() {
        kit.send(batch(51)).assertStatus(400).assertError(-32600, "limit of 50");
    }

    @Test
    void toolWithoutATimeoutGetsTheConfiguredDefault() {
        assertEquals(7, kit.get("tools/nothing").json().getInt("timeout"));
    }

    @Test
    void declaredTimeoutIsCappedByTheConfiguredMaximum() {
        assertEquals(20, kit.get("tools/patient").json().getInt("timeout"));
    }

    @Test
    void exampleToolsCanBeSwitchedOff() {
        List<String> catalog = kit.list().toolNames();
        assertFalse(catalog.contains("add"), catalog.toString());
        assertTrue(catalog.contains("nothing"));
        kit.call("add", "[1,2]").assertError(-32601, null);
    }

    /** A CORS preflight of a POST with the MCP headers, from {@code origin}. */
    private McpResponse preflight(String origin) {
        return kit.header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type, mcp-protocol-version, mcp-param-region")
                .http("OPTIONS", "mcp");
    }

    @Test
    void preflightFromAConfiguredOriginSaysWhatMayBeSent() {
        McpResponse allowed = preflight("https://app.example.com").assertStatus(204)
                .assertHeader("Access-Control-Allow-Origin", "https://app.example.com")
                .assertHeader("Access-Control-Allow-Methods", "POST")
                .assertHeader("Access-Control-Allow-Credentials", null);
        assertTrue(String.valueOf(allowed.header("Access-Control-Allow-Headers")).contains("MCP-Protocol-Version"));
        assertTrue(String.valueOf(allowed.header("Access-Control-Allow-Headers")).contains("mcp-param-region"));
    }

    @Test
    void preflightFromAnotherOriginGetsNoCorsHeaders() {
        preflight("https://third.example.com").assertStatus(405).assertHeader("Access-Control-Allow-Origin", null);
    }

    @Test
    void configuredOriginMayReadTheResponseAndItsRequestId() {
        McpResponse response = kit.header("Origin", "https://app.example.com").request("nothing")
                .assertHeader("Access-Control-Allow-Origin", "https://app.example.com");
        assertTrue(String.valueOf(response.header("Access-Control-Expose-Headers")).contains("X-Request-ID"));
        assertTrue(response.headers().allValues("Vary").contains("Origin"), response.headers().map().toString());
    }

    @Test
    void configuredOriginIsAllowedAndOthersAreNot() {
        kit.header("Origin", "https://other.example.com").request("nothing").assertStatus(200);
        kit.header("Origin", "https://third.example.com").request("nothing").assertStatus(403)
                .assertError(-32003, null).assertNoInternals();
    }

    @Test
    void mcpToolListIsPagedByTheConfiguredSizeAndTheCursorsLeadThroughEveryToolByName() {
        java.util.List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonObject result = (cursor == null ? kit.request("tools/list")
                    : kit.request("tools/list", "{\"cursor\":\"" + cursor + "\"}")).result();
            assertTrue(result.getJsonArray("tools").size() <= 4, result.toString());
            result.getJsonArray("tools").getValuesAs(JsonObject.class).forEach(t -> seen.add(t.getString("name")));
            cursor = result.containsKey("nextCursor") ? result.getString("nextCursor") : null;
            pages++;
        } while (cursor != null && pages < 20);
        // by name: every instance cuts the same pages, so a cursor from one is good on another
        assertEquals(kit.list().toolNames().stream().sorted().toList(), seen);
        assertTrue(pages > 1, "more tools than one page holds");
    }
}
