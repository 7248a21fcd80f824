package org.statelessmcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.statelessmcp.testkit.McpResponse;

/** Calling tools: argument binding and validation, results, tool failures, timeouts of plain tools. */
class ToolCallIT extends DeployedWarTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withProbes();
    }

    /** A call answered with HTTP 200, arguments written as JSON. */
    private McpResponse call(String tool, String arguments) {
        return kit.call(tool, arguments).assertStatus(200);
    }

    @Test
    void decimalArgumentsAddExactly() {
        assertEquals("0.3", call("add", "{\"a\":0.1,\"b\":0.2}").result()
                .getJsonNumber("result").bigDecimalValue().toPlainString());
    }

    @Test
    void positionalParamsBindInDeclarationOrder() {
        assertEquals("hello", call("echo", "[\"hello\"]").result().getString("message"));
    }

    @Test
    void tooManyPositionalParamsAreInvalidParams() {
        call("add", "[1,2,3]").assertError(-32602, "at most 2");
    }

    @Test
    void missingArgumentIsInvalidParamsNamingIt() {
        call("add", "{\"a\":1}").assertError(-32602, "'b'");
    }

    @Test
    void wrongTypeIsInvalidParamsNamingTheArgumentAndTheExpectedType() {
        call("add", "{\"a\":\"two\",\"b\":3}").assertError(-32602, "'a' must be a number, got a string");
    }

    @Test
    void unknownArgumentIsInvalidParams() {
        call("echo", "{\"message\":\"x\",\"mesage\":\"y\"}").assertError(-32602, "'mesage'");
    }

    @Test
    void integerOutOfRangeIsInvalidParams() {
        call("generate_numbers", "{\"count\":3000000000}").assertError(-32602, "'count'");
    }

    @Test
    void fractionalValueForAnIntegerIsInvalidParams() {
        call("generate_numbers", "{\"count\":2.5}").assertError(-32602, null);
    }

    @Test
    void structuredArgumentsBindThroughRecordsCollectionsMapsAndDefaults() {
        JsonObject result = call("place_order", """
                {"order":{"customer":"ACME","lines":[{"sku":"A1","quantity":2,"note":"gift"},{"sku":"B2","quantity":1}],
                          "color":"GREEN"},
                 "tags":["a","b","a"],"counts":{"x":1,"y":2}}
                """).result();
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
        call("place_order", """
                {"order":{"customer":"ACME","lines":[{"sku":"A1","quantity":"two"}],"color":"GREEN"},
                 "tags":[],"counts":{}}
                """).assertError(-32602, "'order.lines[0].quantity' must be an integer");
    }

    @Test
    void unknownEnumConstantIsInvalidParamsListingTheChoices() {
        call("place_order", """
                {"order":{"customer":"ACME","lines":[],"color":"BLUE"},"tags":[],"counts":{}}
                """).assertError(-32602, "[\"RED\",\"GREEN\"]");
    }

    @Test
    void voidToolAnswersNullResult() {
        // no params at all, as a script calling a tool without arguments sends it
        assertEquals(JsonValue.NULL, kit.request("nothing").assertStatus(200).resultValue());
    }

    @Test
    void declaredToolErrorIsReportedWithItsMessageAndData() {
        JsonObject error = call("refuse", "{\"reason\":\"closed\"}").assertError(-32000, null).error();
        assertEquals("refused: closed", error.getString("message"));
        assertEquals("closed", error.getJsonObject("data").getString("reason"));
    }

    @Test
    void failToolAlwaysFailsWithItsMessage() {
        assertEquals("boom", call("fail", "{\"message\":\"boom\"}").assertError(-32000, null).error()
                .getString("message"));
    }

    @Test
    void unexpectedExceptionNeverLeaksItsMessageOrClassToTheClient() {
        McpResponse response = kit.request("crash").assertStatus(200).assertNoInternals();
        assertFalse(response.body().contains("hunter2"), response.body());
        assertFalse(response.body().contains("com.acme"), response.body());
        assertEquals("Tool 'crash' failed", response.assertError(-32000, null).error().getString("message"));
    }

    @Test
    void slowToolAnswersAfterWaiting() {
        assertEquals(0.3, call("slow", "{\"seconds\":0.3}").result().getJsonNumber("slept").doubleValue());
    }

    @Test
    void slowToolPastItsTimeoutAnswersTheTimeoutError() {
        JsonObject data = call("slow", "{\"seconds\":30}").assertError(-32001, null).error().getJsonObject("data");
        assertEquals(5, data.getInt("timeout"));
        assertEquals("slow", data.getString("tool"));
    }

    @Test
    void blockingToolPastItsTimeoutIsInterruptedAndAnswersTheTimeoutError() {
        JsonObject error = call("block", "{\"probe\":\"timeout\",\"seconds\":20}").assertError(-32001, null).error();
        assertEquals(1, error.getJsonObject("data").getInt("timeout"));
        JsonObject state = call("probe_state", "{\"prefix\":\"timeout\"}").result();
        assertEquals(1, state.getInt("interrupted"), "the tool saw the interruption");
        assertEquals(0, state.getInt("finished"));
    }

    @Test
    void requestThreadIsNotLeftInterruptedAfterATimeout() {
        for (int i = 0; i < 3; i++) {
            call("block", "{\"probe\":\"leak\",\"seconds\":20}").error();
        }
        // the container reuses its threads: a leaked interrupt would break the next sleep at once
        assertEquals("slept", call("block", "{\"probe\":\"after-leak\",\"seconds\":0.2}").json().getString("result"));
    }

    @Test
    void twoHundredConcurrentCallsOfEveryKindAllAnswerTheirOwnRequest() {
        List<CompletableFuture<McpResponse>> answers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Map<String, ?> arguments = switch (i % 4) {
                case 0 -> Map.of("a", i, "b", 1);
                case 1 -> Map.of("seconds", 0.5);
                case 2 -> Map.of("count", 3, "delay", 0.1);
                default -> Map.of("message", "m" + i);
            };
            String tool = switch (i % 4) {
                case 0 -> "add";
                case 1 -> "slow";
                case 2 -> "generate_numbers";
                default -> "echo";
            };
            answers.add(kit.id(i).callAsync(tool, arguments));
        }
        for (int i = 0; i < 200; i++) {
            McpResponse response = answers.get(i).join();
            assertEquals(i, response.json().getInt("id"), response.body());
            JsonObject result = response.result();
            switch (i % 4) {
                case 0 -> assertEquals(i + 1, result.getInt("result"));
                case 1 -> assertEquals(0.5, result.getJsonNumber("slept").doubleValue());
                case 2 -> {
                    assertEquals(3, response.chunks().size(), response.body());
                    assertEquals(3, result.getInt("generated"));
                }
                default -> assertEquals("m" + i, result.getString("message"));
            }
        }
    }
}
