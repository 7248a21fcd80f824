package org.statelessmcp.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.statelessmcp.api.InputRequest;
import org.statelessmcp.api.InputRequired;
import org.statelessmcp.dispatch.Outcome;
import org.statelessmcp.protocol.JsonRpcError;

class InputRoundTest {

    private static final RequestStates STATES = new RequestStates(
            "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8), 60, Clock.systemUTC());
    private static final RequestStates.Binding CALL = new RequestStates.Binding("tools/call", "greet",
            JsonObject.EMPTY_JSON_OBJECT, "");
    private static final InputRequest NAME = InputRequest.elicit("user_name", "Name?", JsonObject.EMPTY_JSON_OBJECT);
    private static final Outcome TOOL_RESULT = new Outcome.Success("{\"content\":[]}");

    private static RequestContext client(String capabilities) {
        return new RequestContext(McpVersions.STATELESS, object(capabilities), null, null);
    }

    private static JsonObject object(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static InputRound open(String params, String capabilities) {
        InputRound.Opened opened = InputRound.open(object(params), client(capabilities), CALL, STATES);
        return assertInstanceOf(InputRound.Ready.class, opened).round();
    }

    private static JsonObject concluded(InputRound round) {
        return object(assertInstanceOf(Outcome.Success.class, round.conclude(TOOL_RESULT, STATES)).json());
    }

    @Test
    void anUnansweredQuestionEndsTheRunWithInputRequired() {
        InputRound round = open("{}", "{\"elicitation\":{}}");
        ExecutionException ended = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> round.send(NAME).get());
        assertInstanceOf(InputRequired.class, ended.getCause());
        JsonObject result = concluded(round);
        assertEquals("input_required", result.getString("resultType"));
        assertEquals("elicitation/create", result.getJsonObject("inputRequests").getJsonObject("user_name")
                .getString("method"));
        assertTrue(result.getString("requestState").length() > 20);
    }

    @Test
    void anAnswerInTheRequestAnswersTheQuestion() throws Exception {
        InputRound round = open("{\"inputResponses\":{\"user_name\":{\"action\":\"accept\"}}}", "{\"elicitation\":{}}");
        assertEquals("accept", round.send(NAME).get().getString("action"));
        assertSame(TOOL_RESULT, round.conclude(TOOL_RESULT, STATES));
    }

    @Test
    void answersOfEarlierRoundsComeBackFromTheState() throws Exception {
        InputRound first = open("{\"inputResponses\":{\"user_name\":{\"action\":\"accept\"}}}", "{\"elicitation\":{}}");
        first.send(NAME).get();
        CompletableFuture<JsonObject> unanswered = first.send(InputRequest.elicit("color", "Colour?",
                JsonObject.EMPTY_JSON_OBJECT));
        assertTrue(unanswered.isCompletedExceptionally());
        String state = concluded(first).getString("requestState");
        InputRound second = open("{\"requestState\":\"" + state + "\"}", "{\"elicitation\":{}}");
        assertEquals("accept", second.send(NAME).get().getString("action"));
    }

    @Test
    void aQuestionNeedingAnUndeclaredCapabilityFailsTheCall() {
        InputRound round = open("{}", "{\"elicitation\":{}}");
        round.send(InputRequest.sample("q", "Hi", 5));
        Outcome.Failure failure = assertInstanceOf(Outcome.Failure.class, round.conclude(TOOL_RESULT, STATES));
        assertEquals(JsonRpcError.MISSING_CLIENT_CAPABILITY, failure.error().code());
        assertEquals("{\"requiredCapabilities\":{\"sampling\":{}}}", failure.error().data().toString());
    }

    @Test
    void capabilitiesAreWhatTheRequestDeclares() {
        InputRound round = open("{}", "{\"sampling\":{},\"roots\":{\"listChanged\":true}}");
        assertTrue(round.supports("sampling") && round.supports("roots") && !round.supports("elicitation"));
    }

    @Test
    void anAnswerThatIsNotAnObjectIsInvalidParams() {
        InputRound.Opened opened = InputRound.open(object("{\"inputResponses\":{\"user_name\":12345}}"),
                client("{}"), CALL, STATES);
        assertEquals(JsonRpcError.INVALID_PARAMS, assertInstanceOf(InputRound.Refused.class, opened).error().code());
    }

    @Test
    void aStateThatDoesNotOpenIsInvalidParams() {
        InputRound.Opened opened = InputRound.open(object("{\"requestState\":\"forged\"}"), client("{}"), CALL, STATES);
        assertEquals(JsonRpcError.INVALID_PARAMS, assertInstanceOf(InputRound.Refused.class, opened).error().code());
    }

    @Test
    void aNullInputResponsesIsNoAnswer() {
        InputRound round = open("{\"inputResponses\":null}", "{\"elicitation\":{}}");
        round.send(NAME);
        assertEquals("input_required", concluded(round).getString("resultType"));
    }
}
