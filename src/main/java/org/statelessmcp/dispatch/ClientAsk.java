package org.statelessmcp.dispatch;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.statelessmcp.api.ClientInput;
import org.statelessmcp.api.Elicitation;
import org.statelessmcp.api.ElicitationResult;
import org.statelessmcp.api.InputRequest;
import org.statelessmcp.api.InputRequired;
import org.statelessmcp.api.Sampling;
import org.statelessmcp.api.ToolCallException;
import org.statelessmcp.protocol.JsonRpcError;
import org.statelessmcp.registry.FormModel;
import org.statelessmcp.registry.InvalidArgumentException;

/**
 * The {@link ClientInput}, {@link Elicitation} and {@link Sampling} of one call. Questions asked through the
 * last two get keys by their order ({@code elicitation-1}, {@code sampling-1}, ...), stable when a 2026 tool runs
 * again with the answers.
 */
public final class ClientAsk implements ClientInput, Elicitation, Sampling {

    private final CallControl control;
    private final ClientRequests requests;
    private final Jsonb jsonb;
    private final CallTracing tracing;
    private static final Outcome ANSWERED = new Outcome.Success("{}");

    private final AtomicInteger elicitations = new AtomicInteger();
    private final AtomicInteger samplings = new AtomicInteger();

    public ClientAsk(CallControl control, ClientRequests requests, Jsonb jsonb) {
        this(control, requests, jsonb, CallTracing.NONE);
    }

    /**
     * @param tracing a span for each question that goes to the client and waits for its answer
     */
    public ClientAsk(CallControl control, ClientRequests requests, Jsonb jsonb, CallTracing tracing) {
        this.control = control;
        this.requests = requests;
        this.jsonb = jsonb;
        this.tracing = tracing;
    }

    @Override
    public boolean supports(String capability) {
        return requests.supports(capability);
    }

    @Override
    public JsonObject request(InputRequest request) {
        return await(request, send(request));
    }

    @Override
    public Map<String, JsonObject> requestAll(List<InputRequest> asked) {
        Map<String, CompletableFuture<JsonObject>> sent = new LinkedHashMap<>();
        for (InputRequest request : asked) {
            if (sent.containsKey(request.key())) {
                throw new IllegalArgumentException("two input requests share the key '" + request.key() + "'");
            }
            sent.put(request.key(), null);
        }
        // every question is sent before any answer is awaited: one round trip for all of them
        for (InputRequest request : asked) {
            sent.put(request.key(), send(request));
        }
        Map<String, JsonObject> answers = new LinkedHashMap<>();
        for (InputRequest request : asked) {
            answers.put(request.key(), await(request, sent.get(request.key())));
        }
        return answers;
    }

    @Override
    public <T extends Record> Optional<T> elicit(String key, String message, Class<T> form) {
        FormModel<T> model = FormModel.of(form);
        JsonObject answer = request(InputRequest.elicit(key, message, model.schema()));
        if (!"accept".equals(answer.getString("action", "accept"))
                || !(answer.get("content") instanceof JsonObject content)) {
            return Optional.empty();
        }
        try {
            return Optional.of(model.bind(content, jsonb));
        } catch (InvalidArgumentException e) {
            throw new ToolCallException("the answer does not fit the form: " + e.getMessage());
        }
    }

    @Override
    public ElicitationResult elicit(String message, JsonObject requestedSchema) {
        JsonObject result = request(InputRequest.elicit("elicitation-" + elicitations.incrementAndGet(), message,
                requestedSchema));
        JsonValue content = result.get("content");
        // a client that sends the form's content without an action has accepted it
        return new ElicitationResult(result.getString("action", content instanceof JsonObject ? "accept" : "cancel"),
                content instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT);
    }

    @Override
    public JsonObject createMessage(JsonObject params) {
        return request(new InputRequest("sampling-" + samplings.incrementAndGet(), InputRequest.SAMPLING, params));
    }

    /**
     * Sends a question. One that is answered at once (a 2026 round's answer already in the request, or the end of the
     * round) never reached the client as a request of its own, and gets no span.
     */
    private CompletableFuture<JsonObject> send(InputRequest request) {
        CompletableFuture<JsonObject> answer = requests.send(check(request));
        if (!answer.isDone()) {
            CallTracing.Span span = tracing.clientRequest(request.method());
            if (span != CallTracing.Span.NONE) {
                answer.whenComplete((result, failure) -> span.end(failure == null ? ANSWERED
                        : failure instanceof ToolCallException refused
                                ? new Outcome.Failure(JsonRpcError.toolFailed(refused.getMessage(), null))
                        : new Outcome.Abandoned()));
            }
        }
        return answer;
    }

    private InputRequest check(InputRequest request) {
        if (!control.isRunning()) {
            throw new CancellationException("the call to '" + control.tool() + "' has ended");
        }
        return request;
    }

    private JsonObject await(InputRequest request, CompletableFuture<JsonObject> answer) {
        try {
            long remaining = control.deadlineNanos() - System.nanoTime();
            return answer.get(Math.max(remaining, 0), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("the call to '" + control.tool() + "' has ended");
        } catch (TimeoutException e) {
            throw new CancellationException("the client did not answer " + request.method() + " in time");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InputRequired ended) {
                throw ended;
            }
            if (e.getCause() instanceof ToolCallException refused) {
                throw refused;
            }
            throw new ToolCallException("the client could not answer " + request.method());
        } finally {
            answer.cancel(false);
        }
    }
}
