package org.statelessmcp.transport;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.statelessmcp.dispatch.CallTracing;
import org.statelessmcp.dispatch.Outcome;
import org.statelessmcp.dispatch.PendingAnswer;
import org.statelessmcp.mcp.McpMethod;
import org.statelessmcp.mcp.McpServer;
import org.statelessmcp.mcp.NotificationSink;
import org.statelessmcp.mcp.RequestContext;
import org.statelessmcp.operations.SmcpConfig;
import org.statelessmcp.protocol.JsonRpcError;
import org.statelessmcp.protocol.JsonRpcRequest;
import org.statelessmcp.protocol.JsonRpcWriter;
import org.statelessmcp.registry.ParamHeaders;
import org.statelessmcp.registry.ParamHeaders.ParamHeader;
import org.statelessmcp.registry.ToolDescriptor;
import org.statelessmcp.registry.ToolRegistry;
import org.statelessmcp.registry.Unproxied;

/**
 * MCP's Streamable HTTP transport, statelessly: one JSON body for a plain answer; a {@code text/event-stream}
 * when the client accepts it and the call sends notifications (a streaming tool's progress or log messages)
 * before its result, which ends the stream. Notifications get 202 and no body. No session id is ever issued, and
 * one sent by a client is ignored. For 2026-07-28 requests the HTTP status also tells the error: 400 for a bad
 * envelope, version or missing capability, 404 for an unknown method.
 */
@Unproxied
public class McpHttp {

    static final String EVENT_STREAM = "text/event-stream";

    /** A notification's answer: none, and nothing went wrong. */
    private static final PendingAnswer ACKNOWLEDGED = PendingAnswer.result("");

    private final McpServer server;
    private final SmcpConfig config;
    private final RunningCalls running;
    private final CallTracing tracing;
    /** The arguments each tool mirrors into {@code Mcp-Param-*} headers; most tools mirror none. */
    private final Map<String, List<ParamHeader>> paramHeaders;

    @Inject
    public McpHttp(McpServer server, SmcpConfig config, RunningCalls running, ToolRegistry registry,
                   CallTracing tracing) {
        this.server = server;
        this.config = config;
        this.running = running;
        this.tracing = tracing;
        Map<String, List<ParamHeader>> headers = new HashMap<>();
        for (ToolDescriptor tool : registry.descriptors()) {
            List<ParamHeader> mirrored = ParamHeaders.of(tool.inputSchema());
            if (!mirrored.isEmpty()) {
                headers.put(tool.name(), mirrored);
            }
        }
        this.paramHeaders = Map.copyOf(headers);
    }

    /**
     * Whether a request is MCP rather than a plain JSON-RPC tool call: an MCP method, or any request carrying MCP's
     * own headers, which plain JSON-RPC clients never send.
     */
    static boolean claims(JsonRpcRequest call, HttpServletRequest request) {
        return McpMethod.isMcp(call.method()) || request.getHeader(McpEnvelope.PROTOCOL_VERSION) != null
                || request.getHeader(McpEnvelope.METHOD) != null;
    }

    void answer(JsonRpcRequest call, HttpServletRequest request, HttpServletResponse response) throws IOException {
        McpEnvelope.Read envelope = McpEnvelope.read(call, request,
                tool -> paramHeaders.getOrDefault(tool, List.of()));
        CallTracing.Span span = RequestTraces.mcp(tracing, call, envelope, request);
        try (CallTracing.Scope inSpan = span.enter()) {
            PendingAnswer pending = answer(call, envelope, request, response);
            RequestTraces.endWith(span, pending);
        } catch (IOException | RuntimeException failed) {
            RequestTraces.endFailed(span);
            throw failed;
        }
    }

    /** Answers, and says how: the outcome the span ends with. */
    private PendingAnswer answer(JsonRpcRequest call, McpEnvelope.Read envelope, HttpServletRequest request,
                                 HttpServletResponse response)
            throws IOException {
        if (call.isNotification()) {
            // notifications/initialized, notifications/cancelled, ...: nothing to keep without a session
            if (envelope instanceof McpEnvelope.Rejected rejected && rejected.error().code()
                    == JsonRpcError.UNSUPPORTED_PROTOCOL_VERSION) {
                HttpResponses.json(response, 400, JsonRpcWriter.error(null, rejected.error()));
                return PendingAnswer.error(rejected.error());
            }
            if (McpMethod.NOTIFICATIONS_CANCELLED.wireName().equals(call.method())
                    && call.params() instanceof JsonObject params) {
                running.cancel(request, params.get("requestId"));
            }
            HttpResponses.noContent(response, 202);
            return ACKNOWLEDGED;
        }
        if (envelope instanceof McpEnvelope.Rejected rejected) {
            HttpResponses.json(response, rejected.status(), JsonRpcWriter.error(call.id(), rejected.error()));
            return PendingAnswer.error(rejected.error());
        }
        RequestContext context = ((McpEnvelope.Accepted) envelope).context();
        long timeout = config.maxToolTimeout();
        if (server.mayNotify(call, context) && accepts(request.getHeader("Accept"), EVENT_STREAM)) {
            AsyncResponseWriter writer = Replies.stream(request, response, timeout, EVENT_STREAM,
                    AsyncResponseWriter.Framing.SSE, config.streamBufferSize());
            PendingAnswer pending = server.handle(call, context, writer::send);
            writer.onClientGone(pending.abandon());
            // a cancelled call's stream ends without a response, as the specification asks
            running.track(RunningCalls.Key.of(request, call.id()), () -> {
                pending.abandon().run();
                writer.finish(null);
            }, pending.outcome());
            pending.outcome().thenAccept(result -> {
                if (!(result instanceof Outcome.Abandoned)) {
                    writer.finishWith(Replies.render(call.id(), result));
                }
            });
            return pending;
        }
        PendingAnswer pending = server.handle(call, context, NotificationSink.NONE);
        AsyncResponseWriter later = Replies.answer(call.id(), pending.outcome(), pending.abandon(), timeout,
                config.streamBufferSize(), context.stateless() ? McpHttp::statelessStatus : outcome -> 200,
                request, response);
        if (later != null) {
            running.track(RunningCalls.Key.of(request, call.id()), () -> {
                pending.abandon().run();
                if (pending.outcome().getNow(null) instanceof Outcome.Abandoned) {
                    // no JSON-RPC response for a cancelled request; the HTTP exchange still ends
                    ((HttpServletResponse) request.getAsyncContext().getResponse()).setStatus(204);
                    later.finish(null);
                }
            }, pending.outcome());
        }
        return pending;
    }

    /** The HTTP status of a 2026-07-28 answer: its transport gives errors of the envelope their own statuses. */
    static int statelessStatus(Outcome outcome) {
        if (!(outcome instanceof Outcome.Failure failure)) {
            return 200;
        }
        return switch (failure.error().code()) {
            case JsonRpcError.METHOD_NOT_FOUND -> 404;
            case JsonRpcError.HEADER_MISMATCH, JsonRpcError.MISSING_CLIENT_CAPABILITY,
                    JsonRpcError.UNSUPPORTED_PROTOCOL_VERSION -> 400;
            default -> 200;
        };
    }

    /**
     * Whether an {@code Accept} header names {@code type} (or a wildcard covering it). A missing header gets JSON,
     * which every client reads.
     */
    static boolean accepts(String accept, String type) {
        if (accept == null) {
            return false;
        }
        for (String range : accept.toLowerCase(Locale.ROOT).split(",")) {
            String mediaType = range.split(";")[0].trim();
            if (mediaType.equals(type) || mediaType.equals("*/*") || mediaType.equals("text/*")) {
                return true;
            }
        }
        return false;
    }
}
