package org.statelessmcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.statelessmcp.testkit.McpResponse;

/** Streaming tools: NDJSON chunks written as they are emitted, the final line, timeouts, disconnects, back-pressure. */
class StreamingIT extends DeployedWarTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withProbes();
    }

    @Test
    void generateNumbersStreamsProgressChunksThenTheResultLine() {
        McpResponse response = kit.id("2").call("generate_numbers", Map.of("count", 5, "delay", 0.05));
        assertEquals(200, response.status());
        assertEquals("application/x-ndjson", response.contentType());
        assertEquals(6, response.body().lines().count(), response.body());
        assertEquals(5, response.chunks().size(), response.body());
        for (int i = 1; i <= 5; i++) {
            JsonObject chunk = response.chunks().get(i - 1).asJsonObject();
            assertEquals("progress", chunk.getString("type"));
            assertEquals(i, chunk.getInt("current"));
            assertEquals(5, chunk.getInt("total"));
            assertEquals(i * 20.0, chunk.getJsonNumber("percentage").doubleValue());
        }
        JsonObject last = response.json();
        assertEquals("2", last.getString("id"));
        assertEquals("result", last.getJsonObject("result").getString("type"));
        assertEquals(5, last.getJsonObject("result").getInt("generated"));
    }

    @Test
    void streamingToolChunksArriveBeforeTheToolFinishes() throws IOException {
        // the tool cannot finish before the test opens its gate, so a chunk read before that was sent mid-call
        HttpResponse<InputStream> response = client.open(client.postRequest(
                kit.id(1).requestBody("gated_stream", "{\"gate\":\"first-chunk\"}")).build());
        try (BufferedReader reader = reader(response.body())) {
            assertEquals("before", WireClient.object(reader.readLine()).getString("stage"));
            McpResponse opened = kit.call("open_gate", Map.of("gate", "first-chunk"));
            assertEquals(JsonValue.TRUE, opened.resultValue(), opened.body());
            assertEquals("after", WireClient.object(reader.readLine()).getString("stage"));
            assertEquals("opened", WireClient.object(reader.readLine()).getString("result"));
        }
    }

    @Test
    void streamFailingMidwayEndsWithAJsonRpcErrorLine() {
        McpResponse response = kit.id(9).call("generate_numbers", Map.of("count", 5, "delay", 0.01, "fail_after", 2));
        assertEquals(2, response.chunks().size(), response.body());
        assertEquals(9, response.json().getInt("id"));
        response.assertError(-32000, null);
    }

    @Test
    void streamingToolPastItsTimeoutEndsWithTheTimeoutErrorLineAndIsCancelled() {
        JsonObject last = kit.id(4).call("stream_with_short_timeout", Map.of("probe", "stream-timeout")).json();
        assertEquals(4, last.getInt("id"));
        assertEquals(-32001, last.getJsonObject("error").getInt("code"));
        assertEquals(2, last.getJsonObject("error").getJsonObject("data").getInt("timeout"));
        awaitProbe("stream-timeout", state -> state.getInt("cancelled") + state.getInt("interrupted") == 1);
    }

    @Test
    void clientDisconnectCancelsTheRunningTool() throws IOException {
        try (Socket socket = client.rawPost(kit.id(1).requestBody("stream_until_cancelled", "{\"probe\":\"gone\"}"))) {
            List<String> chunks = new java.util.ArrayList<>();
            BufferedReader reader = reader(socket.getInputStream());
            for (String line = reader.readLine(); line != null && chunks.size() < 2; line = reader.readLine()) {
                if (line.startsWith("{")) {
                    chunks.add(line);
                }
            }
            assertEquals(2, WireClient.object(chunks.get(1)).getInt("n"));
        }
        // the tool would run for its whole 30 s timeout; the disconnect must end it long before
        awaitProbe("gone", state -> state.getInt("cancelled") + state.getInt("interrupted") == 1);
    }

    @Test
    void slowReaderHoldsBackTheToolAndLeavingFreesIt() throws Exception {
        int chunks = 4000; // 64 MiB: far more than the socket buffers and our bounded queue hold together
        String body = kit.id(1).requestBody("flood", "{\"probe\":\"slow-reader\",\"chunks\":" + chunks
                + ",\"size\":16384}");
        try (Socket socket = client.rawPost(body)) {
            TimeUnit.SECONDS.sleep(3);
            JsonObject stalled = probe("slow-reader");
            assertEquals(0, stalled.getInt("finished"), stalled.toString());
            assertTrue(stalled.getInt("emitted") < chunks / 2, "emitted while nobody read: " + stalled);
        }
        // the tool was blocked in emit(); the client leaving must wake it with a cancellation
        awaitProbe("slow-reader", state -> state.getInt("finished") == 0
                && state.getInt("cancelled") + state.getInt("interrupted") == 1);
    }

    private JsonObject probe(String prefix) {
        return kit.call("probe_state", Map.of("prefix", prefix)).result();
    }

    /** Waits (bounded) for the probe to report what the test expects. */
    private void awaitProbe(String prefix, Predicate<JsonObject> expected) {
        JsonObject state = probe(prefix);
        for (int i = 0; i < 100 && !expected.test(state); i++) {
            sleep(100);
            state = probe(prefix);
        }
        assertTrue(expected.test(state), "probe " + prefix + ": " + state);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static BufferedReader reader(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
