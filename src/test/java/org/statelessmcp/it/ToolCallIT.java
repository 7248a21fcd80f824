package org.statelessmcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** Calling tools: argument binding and validation, results, tool failures, timeouts of plain tools. */
class ToolCallIT extends DeployedWarTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withProbes();
    }


    private JsonObject call(String method, String params) {
        HttpResponse<String> response = client.post(WireClient.call(1, method, params));
        assertEquals(200, response.statusCode(), response.body());
        return WireClient.object(response.body());
    }

    private JsonObject error(String method, String params) {
        JsonObject answer = call(method, params);
        assertTrue(answer.containsKey("error"), answer.toString());
        return answer.getJsonObject("error");
    }

    @Test
    void decimalArgumentsAddExactly() {
        assertEquals("0.3", call("add", "{\"a\":0.1,\"b\":0.2}").getJsonObject("result")
                .getJsonNumber("result").bigDecimalValue().toPlainString());
    }

    @Test
    void positionalParamsBindInDeclarationOrder() {
        assertEquals("hello", call("echo", "[\"hello\"]").getJsonObject("result").getString("message"));
    }

    @Test
    void tooManyPositionalParamsAreInvalidParams() {
        JsonObject error = error("add", "[1,2,3]");
        assertEquals(-32602, error.getInt("code"));
        assertTrue(error.getString("message").contains("at most 2"), error.toString());
    }

    @Test
    void missingArgumentIsInvalidParamsNamingIt() {
        JsonObject error = error("add", "{\"a\":1}");
        assertEquals(-32602, error.getInt("code"));
        assertTrue(error.getString("message").contains("'b'"), error.toString());
    }

    @Test
    void wrongTypeIsInvalidParamsNamingTheArgumentAndTheExpectedType() {
        JsonObject error = error("add", "{\"a\":\"two\",\"b\":3}");
        assertEquals(-32602, error.getInt("code"));
        assertTrue(error.getString("message").contains("'a' must be a number, got a string"), error.toString());
    }

    @Test
    void unknownArgumentIsInvalidParams() {
        JsonObject error = error("echo", "{\"message\":\"x\",\"mesage\":\"y\"}");
        assertEquals(-32602, error.getInt("code"));
        assertTrue(error.getString("message").contains("'mesage'"), error.toString());
    }

    @Test
    void integerOutOfRangeIsInvalidParams() {
        JsonObject error = error("generate_numbers", "{\"count\":3000000000}");
        assertEquals(-32602, error.getInt("code"));
        assertTrue(error.getString("message").contains("'count'"), error.toString());
    }

    @Test
    void fractionalValueForAnIntegerIsInvalidParams() {
        assertEquals(-32602, error("generate_numbers", "{\"count\":2.5}").getInt("code"));
    }

    @Test
    void structuredArgumentsBindThroughRecordsCollectionsMapsAndDefaults() {
        JsonObject result = call("place_order", """
                {"order":{"customer":"ACME","lines":[{"sku":"A1","quantity":2,"note":"gift"},{"sku":"B2","quantity":1}],
                          "color":"GREEN"},
                 "tags":["a","b","a"],"counts":{"x":1,"y":2}}
                """).getJsonObject("result");
        assertEquals("ACME", result.getString("customer"));
        assertEquals(2, result.getInt("lines"));
        assertEquals("gift", result.getString("firstNote"));
        assertEquals("GREEN", result.getString("color"));
        assertEquals(2, result.getInt("tags"), "a set keeps distinct tags");
        assertEquals(3, result.getInt("counts"));
        assertEquals("none", result.getString("discount"));
        assertEquals(2, result.getInt("sizes"), "the declared default [1,2]");
        assertFalse(result.getBoolean("express"));
    }

    @Test
    void nestedInvalidValueIsReportedWithItsPath() {
        JsonObject error = error("place_order", """
                {"order":{"customer":"ACME","lines":[{"sku":"A1","quantity":"two"}],"color":"GREEN"},
                 "tags":[],"counts":{}}
                """);
        assertEquals(-32602, error.getInt("code"));
        assertTrue(error.getString("message").contains("'order.lines[0].quantity' must be an integer"), error.toString());
    }

    @Test
    void unknownEnumConstantIsInvalidParamsListingTheChoices() {
        JsonObject error = error("place_order", """
                {"order":{"customer":"ACME","lines":[],"color":"BLUE"},"tags":[],"counts":{}}
                """);
        assertTrue(error.getString("message").contains("[\"RED\",\"GREEN\"]"), error.toString());
    }

    @Test
    void voidToolAnswersNullResult() {
        JsonObject answer = call("nothing", null);
        assertEquals(JsonValue.NULL, answer.get("result"));
    }

    @Test
    void declaredToolErrorIsReportedWithItsMessageAndData() {
        JsonObject error = error("refuse", "{\"reason\":\"closed\"}");
        assertEquals(-32000, error.getInt("code"));
        assertEquals("refused: closed", error.getString("message"));
        assertEquals("closed", error.getJsonObject("data").getString("reason"));
    }

    @Test
    void failToolAlwaysFailsWithItsMessage() {
        JsonObject error = error("fail", "{\"message\":\"boom\"}");
        assertEquals(-32000, error.getInt("code"));
        assertEquals("boom", error.getString("message"));
    }

    @Test
    void unexpectedExceptionNeverLeaksItsMessageOrClassToTheClient() {
        HttpResponse<String> response = client.post(WireClient.call(1, "crash", null));
        assertEquals(200, response.statusCode());
        assertFalse(response.body().contains("hunter2"), response.body());
        assertFalse(response.body().contains("IllegalStateException"), response.body());
        assertFalse(response.body().contains("com.acme"), response.body());
        JsonObject error = WireClient.object(response.body()).getJsonObject("error");
        assertEquals(-32000, error.getInt("code"));
        assertEquals("Tool 'crash' failed", error.getString("message"));
    }

    @Test
    void slowToolAnswersAfterWaiting() {
        assertEquals(0.3, call("slow", "{\"seconds\":0.3}").getJsonObject("result")
                .getJsonNumber("slept").doubleValue());
    }

    @Test
    void slowToolPastItsTimeoutAnswersTheTimeoutError() {
        JsonObject error = error("slow", "{\"seconds\":30}");
        assertEquals(-32001, error.getInt("code"));
        assertEquals(5, error.getJsonObject("data").getInt("timeout"));
        assertEquals("slow", error.getJsonObject("data").getString("tool"));
    }

    @Test
    void blockingToolPastItsTimeoutIsInterruptedAndAnswersTheTimeoutError() {
        JsonObject error = error("block", "{\"probe\":\"timeout\",\"seconds\":20}");
        assertEquals(-32001, error.getInt("code"));
        assertEquals(1, error.getJsonObject("data").getInt("timeout"));
        JsonObject state = call("probe_state", "{\"prefix\":\"timeout\"}").getJsonObject("result");
        assertEquals(1, state.getInt("interrupted"), "the tool saw the interruption");
        assertEquals(0, state.getInt("finished"));
    }

    @Test
    void requestThreadIsNotLeftInterruptedAfterATimeout() {
        for (int i = 0; i < 3; i++) {
            error("block", "{\"probe\":\"leak\",\"seconds\":20}");
        }
        // the container reuses its threads: a leaked interrupt would break the next sleep at once
        JsonObject answer = call("block", "{\"probe\":\"after-leak\",\"seconds\":0.2}");
        assertEquals("slept", answer.getString("result"));
    }

    @Test
    void twoHundredConcurrentCallsOfEveryKindAllAnswerTheirOwnRequest() {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<String>> answers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String body = switch (i % 4) {
                case 0 -> WireClient.call(i, "add", "{\"a\":" + i + ",\"b\":1}");
                case 1 -> WireClient.call(i, "slow", "{\"seconds\":0.5}");
                case 2 -> WireClient.call(i, "generate_numbers", "{\"count\":3,\"delay\":0.1}");
                default -> WireClient.call(i, "echo", "{\"message\":\"m" + i + "\"}");
            };
            answers.add(http.sendAsync(client.postRequest(body).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).thenApply(java.net.http.HttpResponse::body));
        }
        for (int i = 0; i < 200; i++) {
            String body = answers.get(i).join();
            String[] lines = body.split("\n");
            JsonObject last = WireClient.object(lines[lines.length - 1]);
            assertEquals(i, last.getInt("id"), body);
            JsonObject result = last.getJsonObject("result");
            switch (i % 4) {
                case 0 -> assertEquals(i + 1, result.getInt("result"));
                case 1 -> assertEquals(0.5, result.getJsonNumber("slept").doubleValue());
                case 2 -> {
                    assertEquals(4, lines.length, body);
                    assertEquals(3, result.getInt("generated"));
                }
                default -> assertEquals("m" + i, result.getString("message"));
            }
        }
    }
}
