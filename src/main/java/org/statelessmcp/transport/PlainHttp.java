package org.statelessmcp.transport;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.statelessmcp.api.Caller;
import org.statelessmcp.dispatch.CallTracing;
import org.statelessmcp.dispatch.Outcome;
import org.statelessmcp.dispatch.PendingAnswer;
import org.statelessmcp.operations.SmcpConfig;
import org.statelessmcp.plain.PlainCall;
import org.statelessmcp.plain.PlainChannel;
import org.statelessmcp.plain.PlainJsonRpc;
import org.statelessmcp.protocol.JsonRpcRequest;
import org.statelessmcp.protocol.JsonRpcWriter;
import org.statelessmcp.registry.Unproxied;
import org.statelessmcp.security.RequestCaller;

/**
 * The plain JSON-RPC dialect over HTTP: one JSON answer, or NDJSON lines (a streaming tool's chunks, progress, log
 * messages) before the final JSON-RPC line. A refused notification gets 202 and no body, as any notification does.
 */
@Unproxied
public class PlainHttp {

    private final PlainJsonRpc plain;
    private final SmcpConfig config;
    private final CallTracing tracing;

    @Inject
    public PlainHttp(PlainJsonRpc plain, SmcpConfig config, CallTracing tracing) {
        this.plain = plain;
        this.config = config;
        this.tracing = tracing;
    }

    void answer(JsonRpcRequest call, HttpServletRequest request, HttpServletResponse response) throws IOException {
        CallTracing.Span span = RequestTraces.plain(tracing, call, request);
        try (CallTracing.Scope inSpan = span.enter()) {
            RequestTraces.endWith(span, answer(call, RequestCaller.of(request), request, response));
        } catch (IOException | RuntimeException failed) {
            RequestTraces.endFailed(span);
            throw failed;
        }
    }

    /** Answers, and says how: the outcome the span ends with. */
    private PendingAnswer answer(JsonRpcRequest call, Caller caller, HttpServletRequest request,
                                 HttpServletResponse response)
            throws IOException {
        PlainJsonRpc.Admission admission = plain.admit(call, caller);
        if (admission instanceof PlainJsonRpc.Refused refused) {
            if (call.isNotification()) {
                HttpResponses.noContent(response, 202);
            } else {
                HttpResponses.json(response, 200, JsonRpcWriter.error(call.id(), refused.error()));
            }
            return PendingAnswer.error(refused.error());
        }
        PlainCall tool = (PlainCall) admission;
        long timeout = tool.timeoutSeconds();
        if (tool.streams(request.getHeader("Accept")) && !call.isNotification()) {
            AsyncResponseWriter writer = Replies.stream(request, response, timeout, PlainChannel.NDJSON,
                    AsyncResponseWriter.Framing.NDJSON, config.streamBufferSize());
            PendingAnswer pending = tool.start(writer);
            writer.onClientGone(pending.abandon());
            pending.outcome().thenAccept(result -> {
                if (!(result instanceof Outcome.Abandoned)) {
                    writer.finishWith(Replies.render(call.id(), result));
                }
            });
            return pending;
        }
        PendingAnswer pending = tool.startQuietly();
        Replies.answer(call.id(), pending.outcome(), pending.abandon(), timeout, config.streamBufferSize(),
                outcome -> 200, request, response);
        return pending;
    }
}
