package org.statelessmcp.dispatch;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.statelessmcp.api.Elicitation;
import org.statelessmcp.api.ElicitationResult;
import org.statelessmcp.api.Sampling;
import org.statelessmcp.api.ToolCallException;

/** The {@link Elicitation} and {@link Sampling} of one call: each request waits for the client within the call. */
final class ClientAsk implements Elicitation, Sampling {

    private final CallControl control;
    private final ClientRequests requests;

    ClientAsk(CallControl control, ClientRequests requests) {
        this.control = control;
        this.requests = requests;
    }

    @Override
    public ElicitationResult elicit(String message, JsonObject requestedSchema) {
        JsonObject result = await("elicitation/create", Json.createObjectBuilder()
                .add("message", message).add("requestedSchema", requestedSchema).build());
        JsonValue content = result.get("content");
        return new ElicitationResult(result.getString("action", "cancel"),
                content instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT);
    }

    @Override
    public JsonObject createMessage(JsonObject params) {
        return await("sampling/createMessage", params);
    }

    private JsonObject await(String method, JsonObject params) {
        if (!control.isRunning()) {
            throw new CancellationException("the call to '" + control.tool() + "' has ended");
        }
        CompletableFuture<JsonObject> answer = requests.send(method, params);
        try {
            long remaining = control.deadlineNanos() - System.nanoTime();
            return answer.get(Math.max(remaining, 0), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("the call to '" + control.tool() + "' has ended");
        } catch (TimeoutException e) {
            throw new CancellationException("the client did not answer " + method + " in time");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof ToolCallException refused ? refused
                    : new ToolCallException("the client could not answer " + method);
        } finally {
            answer.cancel(false);
        }
    }
}
