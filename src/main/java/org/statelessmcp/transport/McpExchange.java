package org.statelessmcp.transport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.statelessmcp.dispatch.Outcome;
import org.statelessmcp.mcp.McpServer;
import org.statelessmcp.mcp.McpVersions;
import org.statelessmcp.operations.SmcpConfig;
import org.statelessmcp.protocol.JsonRpcError;
import org.statelessmcp.protocol.JsonRpcRequest;
import org.statelessmcp.protocol.JsonRpcWriter;

/**
 * MCP's Streamable HTTP transport, statelessly: one JSON body for a plain answer; a {@code text/event-stream}
 * when the client accepts it and the call sends notifications (a streaming tool's progress or log messages)
 * before its result, which ends the stream. Notifications get 202 and no body. No session id is ever issued, and
 * one sent by a client is ignored.
 */
@ApplicationScoped
public class McpExchange {

    static final String PROTOCOL_VERSION = "MCP-Protocol-Version";
    static final String EVENT_STREAM = "text/event-stream";

    private final McpServer server;
    private final SmcpConfig config;

    /** For the CDI client proxy only. */
    protected McpExchange() {
        this(null, null);
    }

    @Inject
    public McpExchange(McpServer server, SmcpConfig config) {
        this.server = server;
        this.config = config;
    }

    /** The protocol version a request speaks: its header, or 2025-03-26 without one, as the transport says. */
    String versionOf(HttpServletRequest request) {
        String header = request.getHeader(PROTOCOL_VERSION);
        return header != null && McpVersions.isSupported(header) ? header : McpVersions.ASSUMED_WITHOUT_HEADER;
    }

    void answer(JsonRpcRequest call, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String header = request.getHeader(PROTOCOL_VERSION);
        if (header != null && !McpVersions.isSupported(header)) {
            HttpResponses.json(response, 400, JsonRpcWriter.error(call.id(),
                    JsonRpcError.invalidRequest("unsupported " + PROTOCOL_VERSION + " '" + header + "'; supported: "
                            + String.join(", ", McpVersions.SUPPORTED))));
            return;
        }
        if (call.isNotification()) {
            // notifications/initialized, notifications/cancelled, ...: nothing to keep without a session
            HttpResponses.noContent(response, 202);
            return;
        }
        String version = versionOf(request);
        long timeout = config.maxToolTimeout();
        if (server.mayNotify(call) && accepts(request.getHeader("Accept"), EVENT_STREAM)) {
            AsyncResponseWriter writer = Replies.stream(request, response, timeout, EVENT_STREAM,
                    AsyncResponseWriter.Framing.SSE, config.streamBufferSize());
            McpServer.Pending pending = server.handle(call, version, writer::send);
            writer.onClientGone(pending.abandon());
            pending.outcome().thenAccept(result -> {
                if (!(result instanceof Outcome.Abandoned)) {
                    writer.finishWith(Replies.render(call.id(), result));
                }
            });
            return;
        }
        McpServer.Pending pending = server.handle(call, version, org.statelessmcp.mcp.NotificationSink.NONE);
        Replies.answer(call.id(), pending.outcome(), pending.abandon(), timeout, config.streamBufferSize(),
                request, response);
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
