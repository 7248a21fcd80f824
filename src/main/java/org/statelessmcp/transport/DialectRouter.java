package org.statelessmcp.transport;

import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.statelessmcp.api.Caller;
import org.statelessmcp.dispatch.CallTracing;
import org.statelessmcp.dispatch.PendingAnswer;
import org.statelessmcp.mcp.McpMethod;
import org.statelessmcp.mcp.McpServer;
import org.statelessmcp.mcp.McpVersions;
import org.statelessmcp.mcp.NotificationSink;
import org.statelessmcp.mcp.RequestContext;
import org.statelessmcp.operations.LogContext;
import org.statelessmcp.operations.SmcpConfig;
import org.statelessmcp.plain.Batch;
import org.statelessmcp.plain.PlainJsonRpc;
import org.statelessmcp.protocol.JsonRpcError;
import org.statelessmcp.protocol.JsonRpcMessage;
import org.statelessmcp.protocol.JsonRpcRequest;
import org.statelessmcp.protocol.JsonRpcWriter;
import org.statelessmcp.protocol.ParsedBody;
import org.statelessmcp.registry.ToolRegistry;
import org.statelessmcp.registry.Unproxied;
import org.statelessmcp.security.RateLimiter;
import org.statelessmcp.security.RequestCaller;

/**
 * Answers a parsed JSON-RPC body: counts it against the rate limits, tells the two dialects apart and hands each
 * request to its own, {@link McpHttp} for MCP and {@link PlainHttp} for plain JSON-RPC, where every other method is
 * a tool's name. A batch may mix both. A call that ends while the request thread still holds it is answered with a
 * direct blocking write; a call that waits (a streaming tool, a {@code CompletionStage}) makes the request
 * asynchronous and is answered through an {@link AsyncResponseWriter}, holding no thread meanwhile.
 */
@Unproxied
public class DialectRouter {

    private final ToolRegistry registry;
    private final McpHttp mcp;
    private final PlainHttp plainHttp;
    private final PlainJsonRpc plain;
    private final McpServer mcpServer;
    private final SmcpConfig config;
    private final RateLimiter limiter;
    private final CallTracing tracing;

    @Inject
    public DialectRouter(ToolRegistry registry, McpHttp mcp, PlainHttp plainHttp, PlainJsonRpc plain,
                         McpServer mcpServer, SmcpConfig config, RateLimiter limiter, CallTracing tracing) {
        this.registry = registry;
        this.mcp = mcp;
        this.plainHttp = plainHttp;
        this.plain = plain;
        this.mcpServer = mcpServer;
        this.config = config;
        this.limiter = limiter;
        this.tracing = tracing;
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
                plainHttp.answer(call, request, response);
            }
        }
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
            // plain JSON-RPC clients send no MCP header; of MCP's revisions only 2025-03-26 has batches
            HttpResponses.json(response, 400, JsonRpcWriter.error(null, JsonRpcError.invalidRequest(
                    "batches are part of MCP 2025-03-26 only, not of " + version.strip())));
            return;
        }
        Caller caller = RequestCaller.of(request);
        Batch batch = plain.batch(messages, caller, new McpMembers(RequestContext.handshake(
                McpVersions.ASSUMED_WITHOUT_HEADER, caller)),
                call -> McpMethod.isMcp(call.method())
                        ? RequestTraces.mcp(tracing, call, McpVersions.ASSUMED_WITHOUT_HEADER, request)
                        : RequestTraces.plain(tracing, call, request));
        List<Batch.Answer> answers = batch.answers();
        if (batch.done().isDone()) {
            if (answers.isEmpty()) {
                HttpResponses.noContent(response, 202);
            } else {
                HttpResponses.json(response, 200, batchBody(answers));
            }
            return;
        }
        AsyncResponseWriter writer = Replies.goAsync(request, batch.timeoutSeconds(), HttpResponses.JSON,
                AsyncResponseWriter.Framing.NDJSON, config.streamBufferSize());
        writer.onClientGone(batch::abandon);
        batch.done().thenRun(() -> {
            if (answers.isEmpty()) {
                ((HttpServletResponse) request.getAsyncContext().getResponse()).setStatus(202);
                writer.finish(null);
            } else {
                writer.finish(batchBody(answers));
            }
        });
    }

    /** A batch's MCP requests, answered as a 2025-03-26 client's, the only MCP revision with batches. */
    private final class McpMembers implements Batch.McpMembers {

        private final RequestContext context;

        McpMembers(RequestContext context) {
            this.context = context;
        }

        @Override
        public boolean claims(JsonRpcRequest call) {
            return McpMethod.isMcp(call.method());
        }

        @Override
        public PendingAnswer handle(JsonRpcRequest call) {
            return mcpServer.handle(call, context, NotificationSink.NONE);
        }

        @Override
        public boolean answered(JsonRpcRequest call) {
            return !McpMethod.isNotification(call.method());
        }

        @Override
        public long timeoutSeconds() {
            return config.maxToolTimeout();
        }

        @Override
        public void answer(JsonRpcMessage.Response response) {
            mcpServer.answer(response);
        }
    }

    private static String batchBody(List<Batch.Answer> answers) {
        StringBuilder body = new StringBuilder().append('[');
        for (Batch.Answer answer : answers) {
            if (body.length() > 1) {
                body.append(',');
            }
            body.append(Replies.render(answer.id(), answer.outcome().join()));
        }
        return body.append(']').toString();
    }
}
