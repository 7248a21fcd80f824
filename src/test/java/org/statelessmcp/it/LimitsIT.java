package org.statelessmcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.StringJoiner;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Configured limits and settings: body size, JSON nesting, batch size (set through the SMCP_MAX_BATCH_SIZE
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
        return Deployments.withSettings(Deployments.withProbes(), settings);
    }


    /** A call of exactly {@code size} bytes, padded with strings within the string-length limit. */
    private static String padded(int size) {
        String call = WireClient.call(1, "nothing", "{}");
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
        assertEquals(200, client.post(body).statusCode());
    }

    @Test
    void declaredBodyPastTheLimitIsRefusedWith413() {
        HttpResponse<String> response = client.post(padded(5000));
        assertEquals(413, response.statusCode());
        JsonObject error = WireClient.object(response.body()).getJsonObject("error");
        assertEquals(-32004, error.getInt("code"));
        assertEquals(4096, error.getJsonObject("data").getInt("limit"));
    }

    @Test
    void chunkedBodyPastTheLimitIsRefusedWhileItIsRead() throws IOException {
        byte[] body = padded(4097).getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", base.getPort())) {
            socket.getOutputStream().write(("POST " + client.uri("mcp").getPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
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
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(client.uri("mcp"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                        WireClient.call(1, "nothing", null).getBytes(StandardCharsets.UTF_8))))
                .build());
        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void jsonNestedDeeperThanTheLimitIsAParseError() {
        String deep = "[".repeat(8) + "]".repeat(8);
        HttpResponse<String> response = client.post(WireClient.call(1, "nothing", "{\"x\":" + deep + "}"));
        assertEquals(400, response.statusCode());
        JsonObject error = WireClient.object(response.body()).getJsonObject("error");
        assertEquals(-32700, error.getInt("code"));
        assertTrue(error.getString("message").contains("nesting"), error.toString());
    }

    @Test
    void jsonNestedAtTheLimitIsParsed() {
        String deep = "[".repeat(6) + "]".repeat(6);
        JsonObject error = WireClient.object(client.post(
                WireClient.call(1, "nothing", "{\"x\":" + deep + "}")).body()).getJsonObject("error");
        // it got past the parser: the tool refuses the unknown argument
        assertEquals(-32602, error.getInt("code"));
    }

    @Test
    void aStringLongerThanTheLimitIsAnInvalidRequest() {
        HttpResponse<String> response = client.post(WireClient.call(1, "refuse", "{\"reason\":\"" + "r".repeat(201)
                + "\"}"));
        assertEquals(400, response.statusCode());
        JsonObject error = WireClient.object(response.body()).getJsonObject("error");
        assertEquals(-32600, error.getInt("code"));
        assertTrue(error.getString("message").contains("longer than 200"), error.toString());
        // the server is unharmed: a string at the limit reaches the tool
        JsonObject atLimit = WireClient.object(client.post(WireClient.call(2, "refuse", "{\"reason\":\""
                + "r".repeat(200) + "\"}")).body());
        assertEquals(-32000, atLimit.getJsonObject("error").getInt("code"), atLimit.toString());
    }

    @Test
    void moreArgumentsThanTheLimitAreInvalidParamsInBothDialects() {
        String four = "{\"a\":1,\"b\":2,\"c\":3,\"d\":4}";
        JsonObject seed = WireClient.object(client.post(WireClient.call(7, "nothing", four)).body());
        assertEquals(-32602, seed.getJsonObject("error").getInt("code"));
        assertTrue(seed.getJsonObject("error").getString("message").contains("4 arguments exceed the limit of 3"),
                seed.toString());
        assertEquals(7, seed.getInt("id"));
        JsonObject mcp = WireClient.object(client.post("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"nothing\",\"arguments\":" + four + "}}").body());
        assertEquals(-32602, mcp.getJsonObject("error").getInt("code"), mcp.toString());
    }

    private static String batch(int size) {
        StringJoiner batch = new StringJoiner(",", "[", "]");
        for (int i = 0; i < size; i++) {
            batch.add(WireClient.call(i, "nothing", null));
        }
        return batch.toString();
    }

    @Test
    void batchUpToTheLimitFromTheEnvironmentIsServed() {
        String body = batch(50);
        assertTrue(body.length() < 4096);
        JsonArray answers = (JsonArray) WireClient.structure(client.post(body).body());
        assertEquals(50, answers.size());
    }

    @Test
    void batchPastTheLimitFromTheEnvironmentIsAnInvalidRequest() {
        HttpResponse<String> response = client.post(batch(51));
        assertEquals(400, response.statusCode());
        JsonObject error = WireClient.object(response.body()).getJsonObject("error");
        assertEquals(-32600, error.getInt("code"));
        assertTrue(error.getString("message").contains("limit of 50"), error.toString());
    }

    @Test
    void toolWithoutATimeoutGetsTheConfiguredDefault() {
        assertEquals(7, WireClient.object(client.get("tools/nothing").body()).getInt("timeout"));
    }

    @Test
    void declaredTimeoutIsCappedByTheConfiguredMaximum() {
        assertEquals(20, WireClient.object(client.get("tools/patient").body()).getInt("timeout"));
    }

    @Test
    void exampleToolsCanBeSwitchedOff() {
        JsonObject catalog = WireClient.object(client.get("tools").body());
        assertFalse(catalog.getJsonObject("tools").containsKey("add"), catalog.toString());
        assertTrue(catalog.getJsonObject("tools").containsKey("nothing"));
        JsonObject answer = WireClient.object(client.post(WireClient.call(1, "add", "[1,2]")).body());
        assertEquals(-32601, answer.getJsonObject("error").getInt("code"));
    }


    private HttpResponse<String> preflight(String origin) {
        return client.send(HttpRequest.newBuilder(client.uri("mcp"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type, mcp-protocol-version")
                .build());
    }

    @Test
    void preflightFromAConfiguredOriginSaysWhatMayBeSent() {
        HttpResponse<String> allowed = preflight("https://app.example.com");
        assertEquals(204, allowed.statusCode());
        assertEquals("https://app.example.com", allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertEquals("POST", allowed.headers().firstValue("Access-Control-Allow-Methods").orElse(""));
        assertTrue(allowed.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("MCP-Protocol-Version"));
        assertTrue(allowed.headers().firstValue("Access-Control-Allow-Credentials").isEmpty());
    }

    @Test
    void preflightFromAnotherOriginGetsNoCorsHeaders() {
        HttpResponse<String> refused = preflight("https://third.example.com");
        assertEquals(405, refused.statusCode());
        assertTrue(refused.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
    }

    @Test
    void configuredOriginMayReadTheResponseAndItsRequestId() {
        HttpResponse<String> response = client.send(client.postRequest(WireClient.call(1, "nothing", null))
                .header("Origin", "https://app.example.com").build());
        assertEquals("https://app.example.com", response.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertTrue(response.headers().firstValue("Access-Control-Expose-Headers").orElse("").contains("X-Request-ID"));
        assertTrue(response.headers().allValues("Vary").contains("Origin"), response.headers().map().toString());
    }

    @Test
    void configuredOriginIsAllowedAndOthersAreNot() {
        HttpResponse<String> allowed = client.send(client.postRequest(WireClient.call(1, "nothing", null))
                .header("Origin", "https://other.example.com").build());
        assertEquals(200, allowed.statusCode());
        HttpResponse<String> refused = client.send(client.postRequest(WireClient.call(1, "nothing", null))
                .header("Origin", "https://third.example.com").build());
        assertEquals(403, refused.statusCode());
        assertEquals(-32003, WireClient.object(refused.body()).getJsonObject("error").getInt("code"));
    }

    @Test
    void mcpToolListIsPagedByTheConfiguredSizeAndTheCursorsLeadThroughEveryTool() {
        java.util.Set<String> seen = new java.util.TreeSet<>();
        String cursor = null;
        int pages = 0;
        do {
            String params = cursor == null ? null : "{\"cursor\":\"" + cursor + "\"}";
            JsonObject result = WireClient.object(client.post(WireClient.call(1, "tools/list", params)).body())
                    .getJsonObject("result");
            assertTrue(result.getJsonArray("tools").size() <= 4, result.toString());
            result.getJsonArray("tools").getValuesAs(JsonObject.class).forEach(t -> seen.add(t.getString("name")));
            cursor = result.containsKey("nextCursor") ? result.getString("nextCursor") : null;
            pages++;
        } while (cursor != null && pages < 20);
        JsonObject catalog = WireClient.object(client.get("tools").body());
        assertEquals(new java.util.TreeSet<>(catalog.getJsonObject("tools").keySet()), seen);
        assertTrue(pages > 1, "more tools than one page holds");
    }
}
