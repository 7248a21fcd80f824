package org.statelessmcp.mcp;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicLong;
import org.statelessmcp.api.McpLog.LogLevel;
import org.statelessmcp.dispatch.ChunkSink;
import org.statelessmcp.dispatch.ClientChannel;
import org.statelessmcp.protocol.JsonStrings;

/**
 * A running tool's progress reports, log messages and streamed chunks as MCP notifications on the request's event
 * stream: {@code notifications/progress} when the request carries a progress token, {@code notifications/message}
 * at the levels the client asked for.
 */
final class McpChannel implements ClientChannel {

    private static final String LOG_LEVEL = "io.modelcontextprotocol/logLevel";

    private final JsonValue token;
    private final LogLevel level;
    private final NotificationSink sink;
    /** A streaming tool's chunks count as its progress. */
    private final AtomicLong chunks = new AtomicLong();

    private McpChannel(JsonValue token, LogLevel level, NotificationSink sink) {
        this.token = token;
        this.level = level;
        this.sink = sink;
    }

    /**
     * The channel of a {@code tools/call}: the log level is the request's own ({@code _meta}), which 2026-07-28 must
     * give to receive any; the 2025 revisions keep no {@code logging/setLevel} without a session, so there it is
     * {@code info} unless the request's {@code _meta} says otherwise.
     */
    static ClientChannel of(JsonObject params, RequestContext context, NotificationSink sink) {
        if (sink == NotificationSink.NONE) {
            return ClientChannel.NONE;
        }
        LogLevel level = LogLevel.from(context.logLevel());
        if (level == null && !context.stateless()) {
            LogLevel asked = params.get("_meta") instanceof JsonObject meta
                    && meta.get(LOG_LEVEL) instanceof jakarta.json.JsonString name ? LogLevel.from(name.getString())
                            : null;
            level = asked == null ? LogLevel.INFO : asked;
        }
        return new McpChannel(ToolCalls.progressToken(params), level == null ? LogLevel.OFF : level, sink);
    }

    @Override
    public JsonValue progressToken() {
        return token;
    }

    @Override
    public void progress(BigDecimal progress, BigDecimal total, String message) {
        StringBuilder json = new StringBuilder(160)
                .append("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{\"progressToken\":")
                .append(token).append(",\"progress\":").append(progress.toPlainString());
        if (total != null) {
            json.append(",\"total\":").append(total.toPlainString());
        }
        if (message != null) {
            JsonStrings.quote(message, json.append(",\"message\":"));
        }
        sink.send(json.append("}}").toString());
    }

    @Override
    public LogLevel logLevel() {
        return level;
    }

    @Override
    public void log(LogLevel messageLevel, String logger, String data) {
        sink.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/message\",\"params\":{\"level\":\""
                + messageLevel.wireName() + "\",\"logger\":" + JsonStrings.quote(logger) + ",\"data\":" + data + "}}");
    }

    /**
     * A streaming tool's chunks: progress (counting chunks; a string chunk as the message, any other chunk as its JSON
     * text) when the client asked for progress, otherwise log messages at {@code info} when the client receives them.
     */
    ChunkSink chunks(String tool) {
        if (token != null) {
            return chunk -> progress(BigDecimal.valueOf(chunks.incrementAndGet()), null, chunk.startsWith("\"")
                    ? ((jakarta.json.JsonString) parse(chunk)).getString() : chunk);
        }
        if (level.compareTo(LogLevel.INFO) > 0) {
            return ChunkSink.DISCARD;
        }
        return chunk -> log(LogLevel.INFO, tool, chunk);
    }

    private static JsonValue parse(String json) {
        try (var reader = org.statelessmcp.protocol.JsonP.createReader(new java.io.StringReader(json))) {
            return reader.readValue();
        }
    }
}
