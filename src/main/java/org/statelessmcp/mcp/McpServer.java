package org.statelessmcp.mcp;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.statelessmcp.dispatch.CallControl;
import org.statelessmcp.api.ToolCallException;
import org.statelessmcp.dispatch.ChunkSink;
import org.statelessmcp.dispatch.ClientRequests;
import org.statelessmcp.dispatch.Outcome;
import org.statelessmcp.dispatch.ToolExecutor;
import org.statelessmcp.dispatch.ToolObserver;
import org.statelessmcp.protocol.JsonRpcError;
import org.statelessmcp.protocol.JsonRpcMessage;
import org.statelessmcp.protocol.JsonRpcRequest;
import org.statelessmcp.protocol.JsonStrings;
import org.statelessmcp.registry.FeatureRegistry;
import org.statelessmcp.registry.ToolHandle;
import org.statelessmcp.registry.ToolRegistry;

/**
 * Answers MCP requests statelessly: every request carries all it needs, no session is issued, and any instance can
 * answer any request. {@code initialize} is answered without a session id; later requests are served as they
 * come. Capabilities that need a session (list-changed notifications, subscriptions, a session log level) are
 * not advertised. A tool may ask the client (elicitation, sampling) on its call's event stream; the answer, a
 * separate POST, must reach this instance.
 */
public final class McpServer {

    private final ToolRegistry registry;
    private final ToolExecutor executor;
    private final String serverInfo;
    private final PagedList toolList;
    private final McpFeatures features;
    private final String capabilities;
    /** Requests sent to clients during calls on this instance, by id, until the client answers. */
    private final Map<String, CompletableFuture<JsonObject>> askedClients = new ConcurrentHashMap<>();

    /** A call that may still be running: its outcome, and how to abandon it when the client leaves. */
    public record Pending(CompletableFuture<Outcome> outcome, Runnable abandon) {

        static Pending done(Outcome outcome) {
            return new Pending(CompletableFuture.completedFuture(outcome), () -> { });
        }

        static Pending result(String json) {
            return done(new Outcome.Success(json));
        }

        static Pending error(JsonRpcError error) {
            return done(new Outcome.Failure(error));
        }
    }

    /**
     * @param pageSize the most items on one page of a list result
     */
    public McpServer(ToolRegistry registry, FeatureRegistry featureRegistry, ToolExecutor executor, ToolObserver observer,
                     String version, int pageSize) {
        this.registry = registry;
        this.executor = executor;
        this.features = new McpFeatures(featureRegistry, observer, pageSize);
        JsonObjectBuilder advertised = Json.createObjectBuilder()
                .add("tools", Json.createObjectBuilder().add("listChanged", false));
        features.advertise(advertised);
        this.capabilities = advertised.build().toString();
        this.serverInfo = Json.createObjectBuilder().add("name", "stateless-mcp").add("version", version).build()
                .toString();
        this.toolList = ToolCatalog.render(registry.descriptors(), pageSize);
    }

    /** Whether answering {@code call} may send notifications before its result, so that SSE is worth it. */
    public boolean mayNotify(JsonRpcRequest call) {
        if (!"tools/call".equals(call.method()) || !(call.params() instanceof JsonObject params)) {
            return false;
        }
        ToolHandle tool = params.get("name") instanceof JsonString name ? registry.find(name.getString()) : null;
        return tool != null && (tool.descriptor().streaming() || tool.descriptor().interactive());
    }

    /**
     * Hands a client's answer to the call that asked, if it runs on this instance.
     *
     * @return whether a call was waiting for it
     */
    public boolean answer(JsonRpcMessage.Response response) {
        if (!(response.id() instanceof JsonString id)) {
            return false;
        }
        CompletableFuture<JsonObject> waiting = askedClients.remove(id.getString());
        if (waiting == null) {
            return false;
        }
        JsonValue result = response.body().get("result");
        if (result instanceof JsonObject object) {
            waiting.complete(object);
        } else {
            JsonValue error = response.body().get("error");
            String message = error instanceof JsonObject object && object.get("message") instanceof JsonString text
                    ? text.getString() : "the client refused the request";
            waiting.completeExceptionally(new ToolCallException("the client answered with an error: " + message));
        }
        return true;
    }

    /**
     * Answers one MCP request.
     *
     * @param version the protocol version in force for this request
     * @param sink where notifications preceding the result go
     */
    public Pending handle(JsonRpcRequest call, String version, NotificationSink sink) {
        JsonObject params;
        if (call.params() == null) {
            params = JsonValue.EMPTY_JSON_OBJECT;
        } else if (call.params() instanceof JsonObject object) {
            params = object;
        } else {
            return Pending.error(JsonRpcError.invalidParams("MCP params must be an object"));
        }
        return switch (call.method()) {
            case McpMethods.INITIALIZE -> initialize(params);
            // a session log level cannot be kept without a session: accepted, as clients expect, and not kept
            case McpMethods.PING, "logging/setLevel" -> Pending.result("{}");
            case "tools/list" -> toolList.page(params);
            case "tools/call" -> callTool(params, version, sink);
            case "prompts/list" -> features.promptList(params);
            case "prompts/get" -> features.getPrompt(params);
            case "resources/list" -> features.resourceList(params);
            case "resources/templates/list" -> features.templateList(params);
            case "resources/read" -> features.read(params);
            case "completion/complete" -> features.complete();
            default -> Pending.error(JsonRpcError.methodNotFound(call.method()));
        };
    }

    private Pending initialize(JsonObject params) {
        if (!(params.get("protocolVersion") instanceof JsonString requested)) {
            return Pending.error(JsonRpcError.invalidParams("initialize needs a protocolVersion"));
        }
        return Pending.result("{\"protocolVersion\":" + JsonStrings.quote(McpVersions.negotiate(requested.getString()))
                + ",\"capabilities\":" + capabilities + ",\"serverInfo\":" + serverInfo + '}');
    }

    private Pending callTool(JsonObject params, String version, NotificationSink sink) {
        if (!(params.get("name") instanceof JsonString name)) {
            return Pending.error(JsonRpcError.invalidParams("tools/call needs the tool's name"));
        }
        ToolHandle tool = registry.find(name.getString());
        if (tool == null) {
            return Pending.error(JsonRpcError.invalidParams("Unknown tool: " + name.getString()));
        }
        JsonValue arguments = params.get("arguments");
        if (arguments != null && arguments.getValueType() == JsonValue.ValueType.NULL) {
            arguments = null;
        }
        if (arguments != null && arguments.getValueType() != JsonValue.ValueType.OBJECT) {
            return Pending.error(JsonRpcError.invalidParams("tools/call arguments must be an object"));
        }
        ChunkSink chunks = tool.descriptor().streaming()
                ? notifications(progressToken(params), tool.descriptor().name(), sink) : ChunkSink.DISCARD;
        ClientRequests requests = sink == NotificationSink.NONE ? ClientRequests.NONE : (method, asked) -> ask(sink, method, asked);
        CallControl control = executor.start(tool, arguments, chunks, requests);
        return new Pending(control.outcome().thenApply(outcome -> ToolResults.toCallResult(outcome, version)),
                control::abandon);
    }

    /** Sends a request to the client on the call's stream; its answer arrives as a separate POST. */
    private CompletableFuture<JsonObject> ask(NotificationSink sink, String method, JsonObject params) {
        String id = "smcp-" + UUID.randomUUID();
        CompletableFuture<JsonObject> answer = new CompletableFuture<>();
        askedClients.put(id, answer);
        answer.whenComplete((result, failure) -> askedClients.remove(id));
        try {
            sink.send("{\"jsonrpc\":\"2.0\",\"id\":" + JsonStrings.quote(id) + ",\"method\":"
                    + JsonStrings.quote(method) + ",\"params\":" + params + '}');
        } catch (RuntimeException streamClosed) {
            answer.cancel(false);
            throw streamClosed;
        }
        return answer;
    }

    private static JsonValue progressToken(JsonObject params) {
        JsonValue meta = params.get("_meta");
        JsonValue token = meta instanceof JsonObject object ? object.get("progressToken") : null;
        return token instanceof JsonString || token instanceof JsonNumber ? token : null;
    }

    /**
     * A streaming tool's chunks as notifications: progress (counting chunks, the chunk as its message) when the
     * client asked for progress, otherwise log messages at level info.
     */
    private static ChunkSink notifications(JsonValue token, String tool, NotificationSink sink) {
        if (token != null) {
            AtomicLong progress = new AtomicLong();
            return chunk -> sink.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":"
                    + "{\"progressToken\":" + token + ",\"progress\":" + progress.incrementAndGet()
                    + ",\"message\":" + JsonStrings.quote(chunk) + "}}");
        }
        String logger = JsonStrings.quote(tool);
        return chunk -> sink.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/message\",\"params\":"
                + "{\"level\":\"info\",\"logger\":" + logger + ",\"data\":" + chunk + "}}");
    }
}
