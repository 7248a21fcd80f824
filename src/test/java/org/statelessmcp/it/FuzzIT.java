package org.statelessmcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Thousands of mutated and random bodies and headers against {@code POST /mcp}: every answer is a clear one (a
 * JSON-RPC body, or no body where the protocol says so), none shows a stack trace or class name, none hangs, and the
 * server is healthy afterwards. Reproducible: the mutations come from a fixed seed. {@code -Dsmcp.fuzz.count=N}
 * runs more (the {@code fuzz} profile runs 50,000).
 */
class FuzzIT extends DeployedWarTest {

    private static final List<String> SEEDS = List.of(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"add\",\"params\":{\"a\":2,\"b\":3}}",
            "{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"method\":\"echo\",\"params\":[\"hello\"]}",
            "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"add\",\"params\":[1,2]},{\"jsonrpc\":\"2.0\",\"method\":\"echo\"}]",
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
                    + "\"capabilities\":{},\"clientInfo\":{\"name\":\"f\",\"version\":\"1\"}}}",
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"add\",\"arguments\":{\"a\":1,\"b\":2},"
                    + "\"_meta\":{\"progressToken\":7}}}",
            "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"server/discover\",\"params\":{\"_meta\":{"
                    + "\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                    + "\"io.modelcontextprotocol/clientCapabilities\":{\"elicitation\":{}}}}}",
            "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":\"add\",\"arguments\":{},"
                    + "\"inputResponses\":{\"user_name\":{\"action\":\"accept\",\"content\":{\"name\":\"x\"}}},"
                    + "\"requestState\":\"AAAA\",\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                    + "\"io.modelcontextprotocol/clientCapabilities\":{\"elicitation\":{}}}}}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":1}}",
            "{\"jsonrpc\":\"2.0\",\"id\":6,\"result\":{\"action\":\"accept\"}}");
    private static final List<String> TOKENS = List.of("{", "}", "[", "]", ",", ":", "\"", "null", "true", "-1e999",
            "12345678901234567890123", "\\u0000", "\\ud800", "NaN", "\"\\\"", "[[[[[[[[", "{\"a\":", "\u00ff",
            "\u0001");
    private static final Pattern LEAK = Pattern.compile("Exception|\\bat (org|java|jdk|sun|fish|com)\\.|\\.java:\\d|"
            + "org\\.statelessmcp\\.|smcp\\.");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar();
    }

    private static String mutate(String seed, Random random) {
        StringBuilder body = new StringBuilder(seed);
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits && body.length() > 0; i++) {
            int at = random.nextInt(body.length());
            switch (random.nextInt(6)) {
                case 0 -> body.deleteCharAt(at);
                case 1 -> body.insert(at, TOKENS.get(random.nextInt(TOKENS.size())));
                case 2 -> body.setCharAt(at, (char) (32 + random.nextInt(95)));
                case 3 -> body.setLength(at);
                case 4 -> body.insert(at, body.substring(at, Math.min(body.length(), at + random.nextInt(20))));
                default -> body.replace(at, Math.min(body.length(), at + 1 + random.nextInt(8)),
                        String.valueOf(random.nextLong()));
            }
        }
        return body.toString();
    }

    private static byte[] body(Random random) {
        int kind = random.nextInt(10);
        if (kind == 0) {
            byte[] noise = new byte[random.nextInt(300)];
            random.nextBytes(noise);
            return noise;
        }
        if (kind == 1) {
            return ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"add\",\"params\":"
                    + "[".repeat(50 + random.nextInt(200))
                    + "]".repeat(random.nextInt(250))).getBytes(StandardCharsets.UTF_8);
        }
        return mutate(SEEDS.get(random.nextInt(SEEDS.size())), random).getBytes(StandardCharsets.UTF_8);
    }

    private HttpRequest request(byte[] body, Random random) {
        HttpRequest.Builder request = HttpRequest.newBuilder(client.uri("mcp")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", random.nextInt(20) == 0 ? "text/plain" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        switch (random.nextInt(6)) {
            case 0 -> request.header("MCP-Protocol-Version", "2025-11-25");
            case 1 -> request.header("MCP-Protocol-Version", "2026-07-28").header("Mcp-Method",
                    random.nextBoolean() ? "tools/call" : "=?base64?" + random.nextInt() + "?=");
            case 2 -> request.header("MCP-Protocol-Version", Long.toString(random.nextLong()));
            case 3 -> request.header("Accept", "application/json, text/event-stream");
            case 4 -> request.header("Mcp-Name", "add").header("Origin", random.nextBoolean() ? "http://localhost:1"
                    : "http://evil.example");
            default -> {}
        }
        return request.build();
    }

    @Test
    void mutatedAndRandomRequestsGetClearAnswersAndLeaveTheServerHealthy() {
        int count = Integer.getInteger("smcp.fuzz.count", 2000);
        Random random = new Random(20261126L);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < count && problems.size() < 10; i++) {
            byte[] body = body(random);
            HttpResponse<String> response = client.send(request(body, random));
            String text = response.body();
            int status = response.statusCode();
            boolean noBody = text.isEmpty() && (status == 202 || status == 204);
            boolean jsonRpc = text.startsWith("{\"jsonrpc\":\"2.0\"") || text.startsWith("[")
                    || text.startsWith("event: ") || text.startsWith("{\"error\":");
            if (status >= 500 && !text.startsWith("{\"jsonrpc\":\"2.0\"") || !(noBody || jsonRpc)
                    || LEAK.matcher(text).find()) {
                problems.add(
                        "#" + i + " " + status + " for " + new String(body, StandardCharsets.UTF_8) + " -> " + text);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        kit.get(TargetServer.current().health(base, "ready")).assertStatus(200);
        assertEquals("{\"jsonrpc\":\"2.0\",\"result\":{\"result\":5},\"id\":1}",
                kit.id(1).call("add", "{\"a\":2,\"b\":3}").body());
    }
}
