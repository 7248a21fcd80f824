package org.statelessmcp.transport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.statelessmcp.dispatch.Outcome;
import org.statelessmcp.dispatch.PendingAnswer;
import org.statelessmcp.operations.SmcpConfig;
import org.statelessmcp.plain.PlainCall;
import org.statelessmcp.plain.PlainChannel;
import org.statelessmcp.plain.PlainJsonRpc;
import org.statelessmcp.protocol.JsonRpcRequest;
import org.statelessmcp.protocol.JsonRpcWriter;
import org.statelessmcp.security.RequestCaller;

/**
 * The plain JSON-RPC dialect over HTTP: one JSON answer, or NDJSON lines (a streaming tool's chunks, progress, log
 * messages) before the final JSON-RPC line. A refused notification gets 202 and no body, as any notification does.
 */
@ApplicationScoped
public class PlainHttp {

    private final PlainJsonRpc plain;
    private final SmcpConfig config;

    /** For the CDI client proxy only. */
    protected PlainHttp() {
        this(null, null);
    }

    @Inject
    public PlainHttp(PlainJsonRpc plain, SmcpConfig config) {
        this.plain = plain;
        this.config = config;
    }

    void answer(JsonRpcRequest call, HttpServletRequest request, HttpServletResponse response) throws IOException {
        PlainJsonRpc.Admission admission = plain.admit(call, RequestCaller.of(request));
        if (admission instanceof PlainJsonRpc.Refused refused) {
            if (call.isNotification()) {
                HttpResponses.noContent(response, 202);
            } else {
                HttpResponses.json(response, 200, JsonRpcWriter.error(call.id(), refused.error()));
            }
            return;
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
            return;
        }
        PendingAnswer pending = tool.startQuietly();
        Replies.answer(call.id(), pending.outcome(), pending.abandon(), timeout, config.streamBufferSize(),
                outcome -> 200, request, response);
    }
}
