package org.statelessmcp.mcp;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.statelessmcp.api.InputRequest;
import org.statelessmcp.api.InputRequired;
import org.statelessmcp.dispatch.ClientRequests;
import org.statelessmcp.dispatch.Outcome;
import org.statelessmcp.protocol.JsonP;
import org.statelessmcp.protocol.JsonRpcError;
import org.statelessmcp.protocol.JsonStrings;

/**
 * One run of a tool or prompt under MCP 2026-07-28's multi round-trip requests. Questions answered in an earlier
 * round ({@code requestState}) or in this request ({@code inputResponses}) are answered at once; the others end
 * the run, and the call answers {@code input_required} with every question asked and a new sealed state holding
 * the answers used so far. A question needing a capability the client did not declare makes the call fail with
 * {@code -32021}, whatever the tool did afterwards.
 */
final class InputRound implements ClientRequests {

    private final JsonObject capabilities;
    private final Map<String, RequestStates.Answer> known;
    private final RequestStates.Binding binding;
    private final Map<String, RequestStates.Answer> used = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, InputRequest> asked = Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile String missingCapability;

    private InputRound(JsonObject capabilities, Map<String, RequestStates.Answer> known,
                       RequestStates.Binding binding) {
        this.capabilities = capabilities;
        this.known = known;
        this.binding = binding;
    }

    /** The outcome of reading a request's round-trip parameters: a round, or the error to answer. */
    sealed interface Opened {
    }

    record Ready(InputRound round) implements Opened {
    }

    record Refused(JsonRpcError error) implements Opened {
    }

    /**
     * Reads {@code inputResponses} and {@code requestState} from a request's params.
     *
     * @param binding the call the answers must belong to
     */
    static Opened open(JsonObject params, RequestContext context, RequestStates.Binding binding,
                       RequestStates states) {
        Map<String, RequestStates.Answer> known = new LinkedHashMap<>();
        JsonValue responses = params.get("inputResponses");
        if (responses != null && responses.getValueType() != JsonValue.ValueType.NULL) {
            if (!(responses instanceof JsonObject answers)) {
                return new Refused(JsonRpcError.invalidParams("inputResponses must be an object"));
            }
            for (Map.Entry<String, JsonValue> answer : answers.entrySet()) {
                if (!(answer.getValue() instanceof JsonObject result)) {
                    return new Refused(JsonRpcError.invalidParams("inputResponses." + answer.getKey()
                            + " must be an object: the client's result for that input request"));
                }
                // the method is unknown until the run asks under this key
                known.put(answer.getKey(), new RequestStates.Answer(null, result));
            }
        }
        JsonValue state = params.get("requestState");
        if (state != null && state.getValueType() != JsonValue.ValueType.NULL) {
            if (!(state instanceof JsonString sealed)) {
                return new Refused(JsonRpcError.invalidParams("requestState must be the string the server sent"));
            }
            try {
                // answers of earlier rounds win over anything the client says about them now
                known.putAll(states.open(sealed.getString(), binding));
            } catch (RequestStates.InvalidState e) {
                return new Refused(JsonRpcError.invalidParams(e.getMessage()));
            }
        }
        return new Ready(new InputRound(context.clientCapabilities(), known, binding));
    }

    @Override
    public boolean supports(String capability) {
        return capabilities.get(capability) instanceof JsonObject;
    }

    @Override
    public CompletableFuture<JsonObject> send(InputRequest request) {
        if (!supports(request.capability())) {
            if (missingCapability == null) {
                missingCapability = request.capability();
            }
            return CompletableFuture.failedFuture(new InputRequired("the client did not declare the '"
                    + request.capability() + "' capability"));
        }
        RequestStates.Answer answer = known.get(request.key());
        if (answer != null && (answer.method() == null || answer.method().equals(request.method()))) {
            used.put(request.key(), new RequestStates.Answer(request.method(), answer.result()));
            return CompletableFuture.completedFuture(answer.result());
        }
        asked.put(request.key(), request);
        return CompletableFuture.failedFuture(new InputRequired("waiting for the client's answer to '"
                + request.key() + "'"));
    }

    /** The call's answer: the tool's own, unless the run ended on a question. */
    Outcome conclude(Outcome outcome, RequestStates states) {
        if (outcome instanceof Outcome.Abandoned) {
            return outcome;
        }
        if (missingCapability != null) {
            return new Outcome.Failure(JsonRpcError.missingClientCapability(missingCapability));
        }
        Map<String, InputRequest> questions;
        Map<String, RequestStates.Answer> answers;
        synchronized (asked) {
            questions = new LinkedHashMap<>(asked);
        }
        if (questions.isEmpty()) {
            return outcome;
        }
        synchronized (used) {
            answers = new LinkedHashMap<>(used);
        }
        JsonObjectBuilder requests = JsonP.createObjectBuilder();
        questions.forEach((inputKey, request) -> requests.add(inputKey, JsonP.createObjectBuilder()
                .add("method", request.method()).add("params", request.params())));
        return new Outcome.Success("{\"resultType\":\"input_required\",\"inputRequests\":" + requests.build()
                + ",\"requestState\":" + JsonStrings.quote(states.seal(binding, answers)) + '}');
    }
}
