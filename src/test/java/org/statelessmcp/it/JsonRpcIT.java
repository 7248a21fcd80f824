package org.statelessmcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** The JSON-RPC 2.0 envelope on {@code POST /mcp}: ids, notifications, batches, and every protocol-level error. */
class JsonRpcIT extends DeployedWarTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withProbes();
    }


    private JsonObject answer(String body) {
        HttpResponse<String> response = client.post(body);
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""), response.body());
        return WireClient.object(response.body());
    }

    private static int errorCode(JsonObject response) {
        return response.getJsonObject("error").getInt("code");
    }

    @Test
    void addAnswersTheSumAsAJsonRpcResult() {
        HttpResponse<String> response = client.post(WireClient.call(1, "add", "{\"a\":2,\"b\":3}"));
        assertEquals(200, response.statusCode());
        JsonObject answer = WireClient.object(response.body());
        assertEquals("2.0", answer.getString("jsonrpc"));
        assertEquals(5, answer.getJsonObject("result").getInt("result"));
        assertEquals(1, answer.getInt("id"));
    }

    @Test
    void stringIdIsEchoedExactly() {
        assertEquals("abc-1", answer(WireClient.call("abc-1", "echo", "{\"message\":\"hi\"}")).getString("id"));
    }

    @Test
    void largeIntegerIdIsEchoedExactly() {
        String body = client.post(WireClient.call("12345678901234567890", "echo", "{\"message\":\"x\"}")
                .replace("\"12345678901234567890\"", "12345678901234567890")).body();
        assertTrue(body.endsWith("\"id\":12345678901234567890}"), body);
    }

    @Test
    void nullIdIsEchoedAsNull() {
        assertEquals(JsonValue.NULL, answer(WireClient.call(null, "echo", "{\"message\":\"x\"}")).get("id"));
    }

    @Test
    void fractionalIdIsAnInvalidRequest() {
        HttpResponse<String> response = client.post(WireClient.call(1.5, "add", "{\"a\":1,\"b\":2}"));
        assertEquals(400, response.statusCode());
        assertEquals(-32600, errorCode(WireClient.object(response.body())));
    }

    @Test
    void objectIdIsAnInvalidRequestAnsweredWithNullId() {
        JsonObject answer = WireClient.object(client.post(
                "{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"add\"}").body());
        assertEquals(-32600, errorCode(answer));
        assertEquals(JsonValue.NULL, answer.get("id"));
    }

    @Test
    void missingOrWrongJsonrpcVersionIsAnInvalidRequest() {
        assertEquals(-32600, errorCode(WireClient.object(client.post("{\"id\":1,\"method\":\"add\"}").body())));
        assertEquals(-32600, errorCode(WireClient.object(
                client.post("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"add\"}").body())));
    }

    @Test
    void nonStringMethodIsAnInvalidRequestThatKeepsTheId() {
        JsonObject answer = WireClient.object(client.post("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":5}").body());
        assertEquals(-32600, errorCode(answer));
        assertEquals(7, answer.getInt("id"));
    }

    @Test
    void scalarParamsAreAnInvalidRequest() {
        assertEquals(-32600, errorCode(WireClient.object(client.post(WireClient.call(1, "add", "3")).body())));
    }

    @Test
    void invalidJsonIsAParseErrorWithHttp400() {
        HttpResponse<String> response = client.post("{\"jsonrpc\":\"2.0\",");
        assertEquals(400, response.statusCode());
        JsonObject answer = WireClient.object(response.body());
        assertEquals(-32700, errorCode(answer));
        assertEquals(JsonValue.NULL, answer.get("id"));
    }

    @Test
    void invalidUtf8IsAParseError() {
        byte[] body = WireClient.call(1, "echo", "{\"message\":\"@\"}").getBytes(StandardCharsets.UTF_8);
        int at = new String(body, StandardCharsets.UTF_8).indexOf('@');
        body[at] = (byte) 0xC3; // a lead byte followed by '"' is not UTF-8
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(client.uri("mcp"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        assertEquals(-32700, errorCode(WireClient.object(response.body())));
    }

    @Test
    void nanIsAParseError() {
        assertEquals(-32700, errorCode(WireClient.object(client.post(WireClient.call(1, "add", "{\"a\":NaN,\"b\":1}")).body())));
    }

    @Test
    void trailingGarbageIsAParseError() {
        assertEquals(-32700, errorCode(WireClient.object(client.post(WireClient.call(1, "nothing", null) + " {}").body())));
    }

    @Test
    void unknownMethodIsMethodNotFoundNamingTheMethod() {
        JsonObject error = answer(WireClient.call(3, "no_such_tool", "{}")).getJsonObject("error");
        assertEquals(-32601, error.getInt("code"));
        assertEquals("no_such_tool", error.getJsonObject("data").getString("method"));
    }

    @Test
    void notificationGetsNoBody() {
        HttpResponse<String> response = client.post("{\"jsonrpc\":\"2.0\",\"method\":\"add\",\"params\":{\"a\":1,\"b\":2}}");
        assertEquals(202, response.statusCode());
        assertEquals("", response.body());
    }

    @Test
    void notificationOfAnUnknownMethodGetsNoBodyEither() {
        HttpResponse<String> response = client.post("{\"jsonrpc\":\"2.0\",\"method\":\"no_such_tool\"}");
        assertEquals(202, response.statusCode());
        assertEquals("", response.body());
    }

    @Test
    void batchAnswersEveryRequestInOneArray() {
        HttpResponse<String> response = client.post("["
                + WireClient.call(1, "add", "{\"a\":1,\"b\":2}") + ","
                + "{\"jsonrpc\":\"2.0\",\"method\":\"add\",\"params\":[1,1]},"
                + WireClient.call(2, "no_such_tool", null) + ","
                + "42,"
                + WireClient.call(3, "slow", "{\"seconds\":0.2}") + "]");
        assertEquals(200, response.statusCode());
        JsonArray answers = (JsonArray) WireClient.structure(response.body());
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
        HttpResponse<String> response = client.post("[]");
        JsonObject answer = WireClient.object(response.body());
        assertEquals(-32600, errorCode(answer));
    }

    @Test
    void batchOfNotificationsGetsNoBody() {
        HttpResponse<String> response = client.post("[{\"jsonrpc\":\"2.0\",\"method\":\"add\",\"params\":[1,2]},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"x\"]}]");
        assertEquals(202, response.statusCode());
        assertEquals("", response.body());
    }

    @Test
    void everyResponseCarriesANewRequestIdWhenTheClientSentNone() {
        HttpResponse<String> response = client.post(WireClient.call(1, "add", "[1,2]"));
        String id = response.headers().firstValue("X-Request-ID").orElse("");
        assertTrue(id.matches("[0-9a-f-]{36}"), id);
    }

    @Test
    void saneIncomingRequestIdIsKept() {
        HttpResponse<String> response = client.send(client.postRequest(WireClient.call(1, "add", "[1,2]"))
                .header("X-Request-ID", "trace-42.a:b").build());
        assertEquals("trace-42.a:b", response.headers().firstValue("X-Request-ID").orElse(""));
    }

    @Test
    void insaneIncomingRequestIdIsReplaced() {
        HttpResponse<String> response = client.send(client.postRequest(WireClient.call(1, "add", "[1,2]"))
                .header("X-Request-ID", "bad id with spaces <script>").build());
        String id = response.headers().firstValue("X-Request-ID").orElse("");
        assertFalse(id.contains(" "), id);
        assertTrue(id.matches("[0-9a-f-]{36}"), id);
    }

    @Test
    void getOnTheEndpointIsMethodNotAllowed() {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(client.uri("mcp")).GET().build());
        assertEquals(405, response.statusCode());
        assertEquals("POST", response.headers().firstValue("Allow").orElse(""));
        assertEquals("method_not_allowed", WireClient.object(response.body()).getString("error"));
    }

    @Test
    void deleteOnTheEndpointIsMethodNotAllowed() {
        assertEquals(405, client.send(HttpRequest.newBuilder(client.uri("mcp")).DELETE().build()).statusCode());
    }

    @Test
    void formContentTypeIsUnsupportedMediaType() {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(client.uri("mcp"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(WireClient.call(1, "add", "[1,2]"))).build());
        assertEquals(415, response.statusCode());
    }

    @Test
    void jsonWithACharsetParameterIsAccepted() {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(client.uri("mcp"))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(WireClient.call(1, "add", "[1,2]"))).build());
        assertEquals(200, response.statusCode());
    }
}
