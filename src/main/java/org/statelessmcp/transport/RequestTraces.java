package org.statelessmcp.transport;

import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import org.statelessmcp.dispatch.CallTracing;
import org.statelessmcp.dispatch.Outcome;
import org.statelessmcp.dispatch.PendingAnswer;
import org.statelessmcp.mcp.McpMethod;
import org.statelessmcp.protocol.JsonRpcError;
import org.statelessmcp.protocol.JsonRpcRequest;

/**
 * The span of each request a dialect answers, described from the JSON-RPC request and its HTTP exchange. Nothing is
 * gathered while tracing is off.
 */
final class RequestTraces {

    static final String PLAIN_METHOD = McpMethod.TOOLS_CALL.wireName();

    private RequestTraces() {
    }

    /** An MCP request's span, once its envelope is read. */
    static CallTracing.Span mcp(CallTracing tracing, JsonRpcRequest call, McpEnvelope.Read envelope,
                                HttpServletRequest request) {
        if (!tracing.enabled()) {
            return CallTracing.Span.NONE;
        }
        return mcp(tracing, call, envelope instanceof McpEnvelope.Accepted accepted ? accepted.context().version()
                : request.getHeader(McpEnvelope.PROTOCOL_VERSION), request);
    }

    /** An MCP request's span, under the revision it speaks. */
    static CallTracing.Span mcp(CallTracing tracing, JsonRpcRequest call, String version, HttpServletRequest request) {
        if (!tracing.enabled()) {
            return CallTracing.Span.NONE;
        }
        McpMethod method = McpMethod.of(call.method());
        String target = method == null ? null : method.target(call.params());
        return tracing.request(new CallTracing.TracedRequest(call.method(),
                method == McpMethod.TOOLS_CALL ? target : null, method == McpMethod.PROMPTS_GET ? target : null,
                method == McpMethod.RESOURCES_READ ? target : null, call.id(), version, "mcp",
                call.params() instanceof JsonObject params ? params.get("_meta") : null, request::getHeader,
                request.getRemoteAddr(), request.getRemotePort()));
    }

    /** Ends the span of a request whose answer failed before it had one: the client got no answer from it. */
    static void endFailed(CallTracing.Span span) {
        span.end(new Outcome.Failure(JsonRpcError.internalError(), true));
    }

    /** Ends the span when the answer has its outcome. */
    static void endWith(CallTracing.Span span, PendingAnswer pending) {
        if (span != CallTracing.Span.NONE) {
            pending.outcome().thenAccept(span::end);
        }
    }

    /**
     * A plain JSON-RPC call's span: it calls a tool as MCP's {@code tools/call} would, and is reported as one. Its
     * {@code params} are the tool's arguments, so its trace context comes from the HTTP headers alone.
     */
    static CallTracing.Span plain(CallTracing tracing, JsonRpcRequest call, HttpServletRequest request) {
        if (!tracing.enabled()) {
            return CallTracing.Span.NONE;
        }
        return tracing.request(new CallTracing.TracedRequest(PLAIN_METHOD, call.method(), null, null, call.id(), null,
                "plain", null, request::getHeader, request.getRemoteAddr(), request.getRemotePort()));
    }
}
