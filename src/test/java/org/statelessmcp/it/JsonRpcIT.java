package org.statelessmcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigInteger;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.statelessmcp.testkit.McpResponse;

/** The JSON-RPC 2.0 envelope on {@code POST /mcp}: ids, notifications, batches, and every protocol-level error. */
class JsonRpcIT extends DeployedWarTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withProbes();
    }

    /** A JSON answer: the message, after its Content-Type is checked. */
    private static JsonObject answer(McpResponse response) {
        return response.assertHeader("Content-Type", "application/json").json();
    }

    private static int errorCode(JsonObject response) {
        return response.getJsonObject("error").getInt("code");
    }

    @Test
    void addAnswersTheSumAsAJsonRpcResult() {
        JsonObject answer = kit.id(1).call("add", Map.of("a", 2, "b", 3)).assertStatus(200).json();
        assertEquals("2.0", answer.getString("jsonrpc"));
        assertEquals(5, answer.getJsonObject("result").getInt("result"));
        assertEquals(1, answer.getInt("id"));
    }

    @Test
    void stringIdIsEchoedExactly() {
        assertEquals("abc-1", answer(kit.id("abc-1").call("echo", Map.of("message", "hi"))).getString("id"));
    }

    @Test
    void largeIntegerIdIsEchoedExactly() {
        String body = kit.id(new BigInteger("12345678901234567890")).call("echo", Map.of("message", "x")).body();
        assertTrue(body.endsWith("\"id\":12345678901234567890}"), body);
    }

    @Test
    void nullIdIsEchoedAsNull() {
        assertEquals(JsonValue.NULL, answer(kit.id(JsonValue.NULL).call("echo", Map.of("message", "x"))).get("id"));
    }

    @Test
    void fractionalIdIsAnInvalidRequest() {
        kit.id(1.5).call("add", Map.of("a", 1, "b", 2)).assertStatus(400).assertError(-32600, null);
    }

    @Test
    void objectIdIsAnInvalidRequestAnsweredWithNullId() {
        JsonObject answer = kit.id(Json.createObjectBuilder().add("a", 1).build()).request("add")
                .assertError(-32600, null).json();
        assertEquals(JsonValue.NULL, answer.get("id"));
    }

    @Test
    void missingOrWrongJsonrpcVersionIsAnInvalidRequest() {
        kit.send("{\"id\":1,\"method\":\"add\"}").assertError(-32600, null);
        kit.send("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"add\"}").assertError(-32600, null);
    }

    @Test
    void nonStringMethodIsAnInvalidRequestThatKeepsTheId() {
        JsonObject answer = kit.send("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":5}").assertError(-32600, null).json();
        assertEquals(7, answer.getInt("id"));
    }

    @Test
    void scalarParamsAreAnInvalidRequest() {
        kit.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"add\",\"params\":3}").assertError(-32600, null);
    }

    @Test
    void invalidJsonIsAParseErrorWithHttp400() {
        JsonObject answer = kit.send("{\"jsonrpc\":\"2.0\",").assertStatus(400).assertError(-32700, null).json();
        assertEquals(JsonValue.NULL, answer.get("id"));
    }

    @Test
    void invalidUtf8IsAParseError() {
        byte[] body = kit.id(1).requestBody("echo", "{\"message\":\"@\"}").getBytes(StandardCharsets.UTF_8);
        int at = new String(body, StandardCharsets.UTF_8).indexOf('@');
        body[at] = (byte) 0xC3; // a lead byte followed by '"' is not UTF-8
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(kit.endpoint())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        assertEquals(-32700, errorCode(WireClient.object(response.body())));
    }

    @Test
    void aShortNumberWithAHugeExponentIsRefusedBeforeAToolExpandsIt() {
        // twelve characters, and a hundred million digits to add's BigDecimal arithmetic (11 s of CPU for 1e9999999)
        kit.call("add", "{\"a\":1e99999999,\"b\":3}").assertStatus(400).assertError(-32600, "exponent")
                .assertNoInternals();
        kit.request("tools/call", "{\"name\":\"add\",\"arguments\":{\"a\":2,\"b\":1e-99999999}}")
                .assertStatus(400).assertError(-32600, "exponent");
    }

    @Test
    void aNumberLongerThanTheJsonParsersOwnLimitIsAnInvalidRequestNotAServerError() {
        // Parsson's own limit is 1,100 characters; ours (1,000 by default) answers first, in the same terms
        // sent as text: the test's own JSON-P would refuse to build the body
        kit.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"add\",\"params\":{\"a\":" + "7".repeat(1_200)
                + ",\"b\":3}}").assertStatus(400).assertError(-32600, "longer than 1000").assertNoInternals();
        kit.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"add\",\"params\":{\"a\":" + "7".repeat(1_000)
                + ",\"b\":3}}").assertStatus(200);
    }

    @Test
    void nanIsAParseError() {
        kit.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"add\",\"params\":{\"a\":NaN,\"b\":1}}")
                .assertError(-32700, null);
    }

    @Test
    void trailingGarbageIsAParseError() {
        kit.send(kit.id(1).requestBody("nothing", null) + " {}").assertError(-32700, null);
    }

    @Test
    void unknownMethodIsMethodNotFoundNamingTheMethod() {
        JsonObject error = answer(kit.id(3).call("no_such_tool", "{}").assertError(-32601, null))
                .getJsonObject("error");
        assertEquals("no_such_tool", error.getJsonObject("data").getString("method"));
    }

    @Test
    void notificationGetsNoBody() {
        McpResponse response = kit.send("{\"jsonrpc\":\"2.0\",\"method\":\"add\",\"params\":{\"a\":1,\"b\":2}}");
        assertEquals(202, response.status());
        assertEquals("", response.body());
    }

    @Test
    void notificationOfAnUnknownMethodGetsNoBodyEither() {
        McpResponse response = kit.send("{\"jsonrpc\":\"2.0\",\"method\":\"no_such_tool\"}");
        assertEquals(202, response.status());
        assertEquals("", response.body());
    }

    @Test
    void batchAnswersEveryRequestInOneArray() {
        JsonArray answers = kit.send("["
                + kit.id(1).requestBody("add", "{\"a\":1,\"b\":2}") + ","
                + "{\"jsonrpc\":\"2.0\",\"method\":\"add\",\"params\":[1,1]},"
                + kit.id(2).requestBody("no_such_tool", null) + ","
                + "42,"
                + kit.id(3).requestBody("slow", "{\"seconds\":0.2}") + "]").assertStatus(200).batch();
        assertEquals(4, answers.size(), "the notification gets no entry: " + answers);
        assertEquals(3, answers.getJsonObject(0).getJsonObject("result").getInt("result"));
        assertEquals(-32601, errorCode(answers.getJsonObject(1)));
        assertEquals(-32600, errorCode(answers.getJsonObject(2)));
        assertEquals(JsonValue.NULL, answers.getJsonObject(2).get("id"));
        assertEquals(3, answers.getJsonObject(3).getInt("id"));
        assertEquals(0.2, answers.getJsonObject(3).getJsonObject("result").getJsonNumber("slept").doubleValue());
    }

    @Test
    void emptyBatchIsOneInvalidRequest() {
        kit.send("[]").assertError(-32600, null);
    }

    @Test
    void batchOfNotificationsGetsNoBody() {
        McpResponse response = kit.send("[{\"jsonrpc\":\"2.0\",\"method\":\"add\",\"params\":[1,2]},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"x\"]}]");
        assertEquals(202, response.status());
        assertEquals("", response.body());
    }

    @Test
    void everyResponseCarriesANewRequestIdWhenTheClientSentNone() {
        String id = String.valueOf(kit.call("add", "[1,2]").header("X-Request-ID"));
        assertTrue(id.matches("[0-9a-f-]{36}"), id);
    }

    @Test
    void saneIncomingRequestIdIsKept() {
        kit.header("X-Request-ID", "trace-42.a:b").call("add", "[1,2]").assertHeader("X-Request-ID", "trace-42.a:b");
    }

    @Test
    void insaneIncomingRequestIdIsReplaced() {
        String id = String.valueOf(kit.header("X-Request-ID", "bad id with spaces <script>").call("add", "[1,2]")
                .header("X-Request-ID"));
        assertFalse(id.contains(" "), id);
        assertTrue(id.matches("[0-9a-f-]{36}"), id);
    }

    @Test
    void getOnTheEndpointIsMethodNotAllowed() {
        McpResponse response = kit.get("mcp").assertStatus(405).assertHeader("Allow", "POST");
        assertEquals("method_not_allowed", response.json().getString("error"));
    }

    @Test
    void deleteOnTheEndpointIsMethodNotAllowed() {
        kit.http("DELETE", "mcp").assertStatus(405);
    }

    @Test
    void formContentTypeIsUnsupportedMediaType() {
        kit.header("Content-Type", "application/x-www-form-urlencoded").call("add", "[1,2]").assertStatus(415);
    }

    @Test
    void jsonWithACharsetParameterIsAccepted() {
        kit.header("Content-Type", "application/json; charset=UTF-8").call("add", "[1,2]").assertStatus(200);
    }
}
