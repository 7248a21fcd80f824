package org.statelessmcp.mcp;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.statelessmcp.api.InputRequest;
import org.statelessmcp.api.ToolCallException;
import org.statelessmcp.dispatch.CallContext;
import org.statelessmcp.dispatch.CallControl;
import org.statelessmcp.dispatch.ChunkSink;
import org.statelessmcp.dispatch.ClientChannel;
import org.statelessmcp.dispatch.ClientRequests;
import org.statelessmcp.dispatch.PendingAnswer;
import org.statelessmcp.dispatch.ToolAccess;
import org.statelessmcp.dispatch.ToolExecutor;
import org.statelessmcp.dispatch.ToolResultJson;
import org.statelessmcp.protocol.JsonP;
import org.statelessmcp.protocol.JsonRpcError;
import org.statelessmcp.protocol.JsonRpcMessage;
import org.statelessmcp.protocol.JsonStrings;
import org.statelessmcp.registry.ToolHandle;
import org.statelessmcp.registry.ToolRegistry;

/**
 * {@code tools/call} in every revision. Progress, log messages and a streaming tool's chunks travel as notifications
 * on the request's event stream ({@link McpChannel}). A tool asking its client does so on the call's event stream in
 * the 2025 revisions, the answer arriving as a separate POST to this instance, and through {@code input_required}
 * results in 2026-07-28.
 */
final class ToolCalls {

    /** Marks the ids of requests this server sends to clients, so that only their answers are relayed. */
    private static final String ASKED_PREFIX = "smcp-";

    private final ToolRegistry registry;
    private final ToolExecutor executor;
    private final RequestStates states;
    private final AnswerRelay relay;
    private final ToolAccess access;
    private final TaskCalls taskCalls;
    /** Requests sent to 2025 clients during calls on this instance, by id, until the client answers. */
    private final Map<String, CompletableFuture<JsonObject>> askedClients = new ConcurrentHashMap<>();

    ToolCalls(ToolRegistry registry, ToolExecutor executor, RequestStates states, AnswerRelay relay,
              ToolAccess access, Tasks tasks) {
        this.registry = registry;
        this.taskCalls = new TaskCalls(tasks, executor, states);
        this.access = access;
        this.executor = executor;
        this.states = states;
        this.relay = relay;
    }

    /** Whether answering {@code params} may send notifications before its result, so that SSE is worth it. */
    boolean mayNotify(String name, JsonObject params, RequestContext context) {
        ToolHandle tool = name == null ? null : registry.find(name);
        if (tool == null || !access.permits(tool.descriptor(), context.caller())) {
            return false;
        }
        boolean notifies = tool.descriptor().streaming() || tool.descriptor().notifies();
        if (TaskCalls.answersWithTask(tool, context)) {
            return false;
        }
        if (context.stateless()) {
            // no server-to-client requests on 2026 streams: only progress or logs
            return notifies && (progressToken(params) != null || context.logLevel() != null);
        }
        return notifies || tool.descriptor().interactive();
    }

    /** @param name the tool's name, from {@code params}; {@code null} if the request names none */
    PendingAnswer call(JsonValue id, String name, JsonObject params, RequestContext context, NotificationSink sink) {
        if (name == null) {
            return PendingAnswer.error(JsonRpcError.invalidParams("tools/call needs the tool's name"));
        }
        ToolHandle tool = registry.find(name);
        if (tool == null) {
            return PendingAnswer.error(JsonRpcError.invalidParams("Unknown tool: " + name));
        }
        if (!access.permits(tool.descriptor(), context.caller())) {
            return PendingAnswer.error(JsonRpcError.forbidden(name));
        }
        JsonValue arguments = params.get("arguments");
        if (arguments != null && arguments.getValueType() == JsonValue.ValueType.NULL) {
            arguments = null;
        }
        if (arguments != null && arguments.getValueType() != JsonValue.ValueType.OBJECT) {
            return PendingAnswer.error(JsonRpcError.invalidParams("tools/call arguments must be an object"));
        }
        ClientChannel channel = McpChannel.of(params, context, sink);
        ChunkSink chunks = tool.descriptor().streaming() && channel instanceof McpChannel notifications
                ? notifications.chunks(tool.descriptor().name()) : ChunkSink.DISCARD;
        boolean invalidArgumentsAsResult = McpVersions.atLeast(context.version(), "2025-11-25");
        if (!context.stateless()) {
            ClientRequests requests = sink == NotificationSink.NONE ? ClientRequests.NONE : onStream(sink);
            CallControl control = executor.start(tool, arguments,
                    new CallContext(id, context.caller(), chunks, channel, requests));
            return new PendingAnswer(
                    control.outcome()
                            .thenApply(outcome -> ToolResultJson.callToolResult(outcome, invalidArgumentsAsResult)),
                    control::abandon);
        }
        InputRound.Opened opened = InputRound.open(params, context,
                new RequestStates.Binding(McpMethod.TOOLS_CALL.wireName(), tool.descriptor().name(), arguments,
                        context.principal()),
                states);
        if (opened instanceof InputRound.Refused refused) {
            return PendingAnswer.error(refused.error());
        }
        InputRound round = ((InputRound.Ready) opened).round();
        if (TaskCalls.applies(tool, context)) {
            return taskCalls.call(id, tool, arguments, context, round);
        }
        CallControl control = executor.start(tool, arguments,
                new CallContext(id, context.caller(), chunks, channel, round));
        return new PendingAnswer(
                control.outcome()
                        .thenApply(outcome -> round
                                .conclude(ToolResultJson.callToolResult(outcome, invalidArgumentsAsResult), states)),
                control::abandon);
    }

    /**
     * Hands a 2025 client's answer to the call that asked: at once when it runs on this instance, else through the
     * relay to the instance where it waits.
     *
     * @return whether a call on this instance was waiting for it
     */
    boolean answer(JsonRpcMessage.Response response) {
        if (!(response.id() instanceof JsonString id)) {
            return false;
        }
        if (deliver(id.getString(), response.body())) {
            return true;
        }
        if (id.getString().startsWith(ASKED_PREFIX)) {
            relay.publish(id.getString(), response.body().toString());
        }
        return false;
    }

    /** Delivers the answers other instances received for calls waiting here. */
    void collectRelayed() {
        if (askedClients.isEmpty()) {
            return;
        }
        relay.collect(Set.copyOf(askedClients.keySet())).forEach((id, response) -> {
            try (var reader = JsonP.createReader(new StringReader(response))) {
                deliver(id, reader.readObject());
            }
        });
    }

    private boolean deliver(String id, JsonObject response) {
        CompletableFuture<JsonObject> waiting = askedClients.remove(id);
        if (waiting == null) {
            return false;
        }
        JsonValue result = response.get("result");
        if (result instanceof JsonObject object) {
            waiting.complete(object);
        } else {
            JsonValue error = response.get("error");
            String message = error instanceof JsonObject object && object.get("message") instanceof JsonString text
                    ? text.getString() : "the client refused the request";
            waiting.completeExceptionally(new ToolCallException("the client answered with an error: " + message));
        }
        return true;
    }

    /** Requests sent on the call's stream; the client's answer arrives as a separate POST. */
    private ClientRequests onStream(NotificationSink sink) {
        return new ClientRequests() {
            @Override
            public boolean supports(String capability) {
                // declared at initialize, which no instance keeps: the stream is all that can be known
                return true;
            }

            @Override
            public CompletableFuture<JsonObject> send(InputRequest request) {
                String id = ASKED_PREFIX + UUID.randomUUID();
                CompletableFuture<JsonObject> answer = new CompletableFuture<>();
                askedClients.put(id, answer);
                relay.expect(id);
                answer.whenComplete((result, failure) -> {
                    askedClients.remove(id);
                    relay.forget(id);
                });
                try {
                    sink.send("{\"jsonrpc\":\"2.0\",\"id\":" + JsonStrings.quote(id) + ",\"method\":"
                            + JsonStrings.quote(request.method()) + ",\"params\":" + request.params() + '}');
                } catch (RuntimeException streamClosed) {
                    answer.cancel(false);
                    throw streamClosed;
                }
                return answer;
            }
        };
    }

    static JsonValue progressToken(JsonObject params) {
        JsonValue meta = params.get("_meta");
        JsonValue token = meta instanceof JsonObject object ? object.get("progressToken") : null;
        return token instanceof JsonString || token instanceof JsonNumber ? token : null;
    }
}
