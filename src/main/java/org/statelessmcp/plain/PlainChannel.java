package org.statelessmcp.plain;

import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import org.statelessmcp.api.McpLog.LogLevel;
import org.statelessmcp.dispatch.ChunkSink;
import org.statelessmcp.dispatch.ClientChannel;
import org.statelessmcp.protocol.JsonStrings;

/**
 * A running tool's progress reports and log messages in the plain JSON-RPC dialect: NDJSON lines before the final
 * JSON-RPC line, for a client that asked for {@code application/x-ndjson}. Progress has the chunk shape of the Python
 * stateless-mcp, {@code {"type":"progress","current":…,"total":…,"percentage":…}}, with the message when there is
 * one; log messages at {@code info} and above are {@code {"type":"log","level":…,"logger":…,"data":…}}.
 */
public final class PlainChannel implements ClientChannel {

    /** The media type of a stream of JSON lines, which a client names to get progress lines. */
    public static final String NDJSON = "application/x-ndjson";

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final JsonValue token;
    private final ChunkSink lines;

    public PlainChannel(JsonValue requestId, ChunkSink lines) {
        this.token = requestId;
        this.lines = lines;
    }

    /** Whether the request names NDJSON itself among what it accepts: a wildcard does not ask for progress lines. */
    public static boolean asked(String accept) {
        if (accept == null) {
            return false;
        }
        for (String range : accept.toLowerCase(Locale.ROOT).split(",")) {
            if (range.split(";")[0].trim().equals(NDJSON)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public JsonValue progressToken() {
        return token;
    }

    @Override
    public void progress(BigDecimal progress, BigDecimal total, String message) {
        StringBuilder json = new StringBuilder(128).append("{\"type\":\"progress\",\"current\":")
                .append(progress.toPlainString());
        if (total != null) {
            json.append(",\"total\":").append(total.toPlainString());
            if (total.signum() > 0) {
                json.append(",\"percentage\":").append(progress.multiply(HUNDRED)
                        .divide(total, 1, RoundingMode.HALF_UP).toPlainString());
            }
        }
        if (message != null) {
            JsonStrings.quote(message, json.append(",\"message\":"));
        }
        lines.send(json.append('}').toString());
    }

    @Override
    public LogLevel logLevel() {
        return LogLevel.INFO;
    }

    @Override
    public void log(LogLevel level, String logger, String data) {
        lines.send("{\"type\":\"log\",\"level\":\"" + level.wireName() + "\",\"logger\":" + JsonStrings.quote(logger)
                + ",\"data\":" + data + '}');
    }
}
