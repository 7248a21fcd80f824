package org.statelessmcp.transport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.statelessmcp.dispatch.PendingAnswer;
import org.statelessmcp.dispatch.CallContext;
import org.statelessmcp.dispatch.CallControl;
import org.statelessmcp.dispatch.ChunkSink;
import org.statelessmcp.dispatch.ClientRequests;
import org.statelessmcp.dispatch.ToolResultJson;
import org.statelessmcp.dispatch.Outcome;
import org.statelessmcp.dispatch.ToolExecutor;
import org.statelessmcp.mcp.McpMethod;
import org.statelessmcp.mcp.McpServer;
import org.statelessmcp.mcp.McpVersions;
import org.statelessmcp.mcp.RequestContext;
import org.statelessmcp.mcp.NotificationSink;
import org.statelessmcp.operations.LogContext;
import org.statelessmcp.plain.PlainChannel;
import org.statelessmcp.operations.SmcpConfig;
import org.statelessmcp.protocol.JsonRpcError;
import org.statelessmcp.protocol.JsonRpcMessage;
import org.statelessmcp.protocol.JsonRpcRequest;
import org.statelessmcp.protocol.JsonRpcWriter;
import org.statelessmcp.protocol.ParsedBody;
import org.statelessmcp.registry.ToolHandle;
import org.statelessmcp.registry.ToolRegistry;
import org.statelessmcp.api.Caller;
import org.statelessmcp.dispatch.ToolAccess;
import org.statelessmcp.security.RateLimiter;
import org.statelessmcp.security.RequestCaller;
import org.statelessmcp.security.ToolRoles;

/**
 * Answers a parsed JSON-RPC body. MCP methods go to {@link McpHttp}; every other method is a tool name in the
 * seed dialect. A call that ends while the request thread still holds it is answered with a direct blocking
 * write; a call that waits (a streaming tool, a {@code CompletionStage}) makes the request asynchronous and is
 * answered through an {@link AsyncResponseWriter}, holding no thread meanwhile.
 */
@ApplicationScoped
public class DialectRouter {

    private final ToolRegistry registry;
    private final ToolExecutor executor;
    private final McpHttp mcp;
    private final McpServer mcpServer;
    private final SmcpConfig config;
    private final ToolAccess access;
    private final RateLimiter limiter;

    /** For the CDI client proxy only. */
    protected DialectRouter() {
        this(null, null, null, null, null, null, null);
    }

    @Inject
    public DialectRouter(ToolRegistry registry, ToolExecutor executor, McpHttp mcp, McpServer mcpServer,
                           SmcpConfig config, ToolRoles access, RateLimiter limiter) {
        this.registry = registry;
        this.access = access;
        this.limiter = limiter;
        this.executor = executor;
        this.mcp = mcp;
        this.mcpServer = mcpServer;
        this.config = config;
    }

    void answer(ParsedBody body, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!withinLimits(body, request, response)) {
            return;
        }
        if (body instanceof ParsedBody.Unusable unusable) {
            HttpResponses.json(response, 400, JsonRpcWriter.error(null, unusable.error()));
        } else if (body instanceof ParsedBody.Batch batch) {
            answerBatch(batch.messages(), request, response);
        } else {
            JsonRpcMessage message = ((ParsedBody.Single) body).message();
            if (message instanceof JsonRpcMessage.Invalid invalid) {
                HttpResponses.json(response, 400, JsonRpcWriter.error(invalid.id(), invalid.error()));
            } else if (message instanceof JsonRpcMessage.Response answer) {
                // a client's answer to a request a tool sent it; acknowledged whether or not a call still waits
                mcpServer.answer(answer);
                HttpResponses.noContent(response, 202);
            } else if (McpHttp.claims((JsonRpcRequest) message, request)) {
                JsonRpcRequest call = (JsonRpcRequest) message;
                describe(request, call.method(), McpMethod.TOOLS_CALL.wireName().equals(call.method())
                        ? McpMethod.TOOLS_CALL.target(call.params()) : null);
                mcp.answer(call, request, response);
            } else {
                JsonRpcRequest call = (JsonRpcRequest) message;
                describe(request, call.method(), call.method());
                answerTool(call, request, response);
            }
        }
    }

    private void answerTool(JsonRpcRequest call, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        ToolHandle tool = registry.find(call.method());
        Caller caller = RequestCaller.of(request);
        if (tool == null || !access.permits(tool.descriptor(), caller)) {
            if (call.isNotification()) {
                HttpResponses.noContent(response, 202);
            } else {
                HttpResponses.json(response, 200, JsonRpcWriter.error(call.id(), tool == null
                        ? JsonRpcError.methodNotFound(call.method()) : JsonRpcError.forbidden(call.method())));
            }
            return;
        }
        long timeout = tool.descriptor().timeoutSeconds();
        String name = tool.descriptor().name();
        boolean streams = tool.descriptor().streaming()
                || (tool.descriptor().notifies() && PlainChannel.asked(request.getHeader("Accept")));
        if (streams && !call.isNotification()) {
            AsyncResponseWriter writer = Replies.stream(request, response, timeout, PlainChannel.NDJSON,
                    AsyncResponseWriter.Framing.NDJSON, config.streamBufferSize());
            CallControl control = executor.start(tool, call.params(), new CallContext(call.id(), caller,
                    tool.descriptor().streaming() ? writer : ChunkSink.DISCARD, new PlainChannel(call.id(), writer),
                    ClientRequests.NONE));
            writer.onClientGone(control::abandon);
            control.outcome().thenAccept(result -> {
                if (!(result instanceof Outcome.Abandoned)) {
                    writer.finishWith(Replies.render(call.id(), ToolResultJson.plain(result, name)));
                }
            });
            return;
        }
        CallControl control = executor.start(tool, call.params(), CallContext.quiet(call.id(), caller));
        Replies.answer(call.id(), control.outcome().thenApply(result -> ToolResultJson.plain(result, name)),
                control::abandon, timeout, config.streamBufferSize(), outcome -> 200, request, response);
    }

    /**
     * Counts the request against the caller's rate-limit windows — each message of a batch, and each tool it calls
     * against that tool's own limit — and answers 429 when one is used up.
     */
    private boolean withinLimits(ParsedBody body, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!limiter.enabled()) {
            return true;
        }
        List<JsonRpcMessage> messages = body instanceof ParsedBody.Batch batch ? batch.messages()
                : body instanceof ParsedBody.Single single ? List.of(single.message()) : List.of();
        List<String> tools = new ArrayList<>();
        for (JsonRpcMessage message : messages) {
            if (message instanceof JsonRpcRequest call) {
                String tool = McpMethod.TOOLS_CALL.wireName().equals(call.method())
                        ? McpMethod.TOOLS_CALL.target(call.params()) : call.method();
                if (tool != null && registry.find(tool) != null) {
                    tools.add(tool);
                }
            }
        }
        RateLimiter.Verdict verdict = limiter.admit(request, RequestCaller.of(request), tools, messages.size(),
                response);
        if (verdict.admitted()) {
            return true;
        }
        JsonValue id = body instanceof ParsedBody.Single single && single.message() instanceof JsonRpcRequest call
                && !call.isNotification() ? call.id() : null;
        HttpResponses.json(response, 429, JsonRpcWriter.error(id,
                JsonRpcError.rateLimited(verdict.limit().toString(), verdict.retryAfterSeconds())));
        return false;
    }

    /** Names the request in the access log, and its tool in the log lines written while it is served. */
    private static void describe(HttpServletRequest request, String method, String tool) {
        Exchange exchange = Exchange.of(request);
        if (exchange != null) {
            exchange.describe(method, tool);
        }
        if (tool != null) {
            LogContext.tool(tool);
        }
    }

    private void answerBatch(List<JsonRpcMessage> messages, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        describe(request, "batch", null);
        String version = request.getHeader(McpEnvelope.PROTOCOL_VERSION);
        if (version != null && !McpVersions.ASSUMED_WITHOUT_HEADER.equals(version.strip())) {
            // seed clients send no MCP header; of MCP's revisions only 2025-03-26 has batches
            HttpResponses.json(response, 400, JsonRpcWriter.error(null, JsonRpcError.invalidRequest(
                    "batches are part of MCP 2025-03-26 only, not of " + version.strip())));
            return;
        }
        Caller caller = RequestCaller.of(request);
        RequestContext context = RequestContext.handshake(McpVersions.ASSUMED_WITHOUT_HEADER, caller);
        List<Pending> answers = new ArrayList<>(messages.size());
        List<Runnable> abandons = new ArrayList<>();
        List<CompletableFuture<Outcome>> outcomes = new ArrayList<>();
        long longestTimeout = 0;
        for (JsonRpcMessage message : messages) {
            if (message instanceof JsonRpcMessage.Invalid invalid) {
                answers.add(new Pending(invalid.id(), CompletableFuture.completedFuture(
                        new Outcome.Failure(invalid.error()))));
                continue;
            }
            if (message instanceof JsonRpcMessage.Response answer) {
                mcpServer.answer(answer);
                continue;
            }
            JsonRpcRequest call = (JsonRpcRequest) message;
            CompletableFuture<Outcome> outcome;
            if (McpMethod.isMcp(call.method())) {
                PendingAnswer pending = mcpServer.handle(call, context, NotificationSink.NONE);
                outcome = pending.outcome();
                abandons.add(pending.abandon());
                longestTimeout = Math.max(longestTimeout, config.maxToolTimeout());
            } else {
                ToolHandle tool = registry.find(call.method());
                if (tool == null) {
                    outcome = CompletableFuture.completedFuture(
                            new Outcome.Failure(JsonRpcError.methodNotFound(call.method())));
                } else if (!access.permits(tool.descriptor(), caller)) {
                    outcome = CompletableFuture.completedFuture(
                            new Outcome.Failure(JsonRpcError.forbidden(call.method())));
                } else {
                    // inside a batch the answer is one array: a streaming tool's chunks have nowhere to go
                    CallControl control = executor.start(tool, call.params(), CallContext.quiet(call.id(), caller));
                    abandons.add(control::abandon);
                    longestTimeout = Math.max(longestTimeout, tool.descriptor().timeoutSeconds());
                    String name = tool.descriptor().name();
                    outcome = control.outcome().thenApply(result -> ToolResultJson.plain(result, name));
                }
            }
            outcomes.add(outcome);
            if (!call.isNotification() && !(McpMethod.isMcp(call.method())
                    && McpMethod.isNotification(call.method()))) {
                answers.add(new Pending(call.id(), outcome));
            }
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new));
        if (all.isDone()) {
            if (answers.isEmpty()) {
                HttpResponses.noContent(response, 202);
            } else {
                HttpResponses.json(response, 200, batchBody(answers));
            }
            return;
        }
        AsyncResponseWriter writer = Replies.goAsync(request, longestTimeout, HttpResponses.JSON,
                AsyncResponseWriter.Framing.NDJSON, config.streamBufferSize());
        writer.onClientGone(() -> abandons.forEach(Runnable::run));
        all.thenRun(() -> {
            if (answers.isEmpty()) {
                ((HttpServletResponse) request.getAsyncContext().getResponse()).setStatus(202);
                writer.finish(null);
            } else {
                writer.finish(batchBody(answers));
            }
        });
    }

    private record Pending(JsonValue id, CompletableFuture<Outcome> outcome) {
    }

    private static String batchBody(List<Pending> answers) {
        StringBuilder body = new StringBuilder().append('[');
        for (Pending answer : answers) {
            if (body.length() > 1) {
                body.append(',');
            }
            body.append(Replies.render(answer.id(), answer.outcome().join()));
        }
        return body.append(']').toString();
    }
}
