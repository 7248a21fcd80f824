package org.statelessmcp.dispatch;

import jakarta.json.JsonValue;
import java.math.BigDecimal;
import org.statelessmcp.api.McpLog.LogLevel;

/**
 * How a running call's progress reports and log messages reach its client: MCP notifications on the request's event
 * stream, or NDJSON lines in the plain dialect. Each dialect builds one per call that can hear them.
 */
public interface ClientChannel {

    /** For calls whose client hears nothing before the answer. */
    ClientChannel NONE = new ClientChannel() {
        @Override
        public JsonValue progressToken() {
            return null;
        }

        @Override
        public void progress(BigDecimal progress, BigDecimal total, String message) {
        }

        @Override
        public LogLevel logLevel() {
            return LogLevel.OFF;
        }

        @Override
        public void log(LogLevel level, String logger, String data) {
        }
    };

    /** The token progress reports carry, or {@code null} when the client hears of no progress. */
    JsonValue progressToken();

    /**
     * Sends one progress report; may block while the client's stream is full.
     *
     * @param total {@code null} when unknown
     * @param message {@code null} for none
     */
    void progress(BigDecimal progress, BigDecimal total, String message);

    /** The least severe level the client receives; {@link LogLevel#OFF} for none. */
    LogLevel logLevel();

    /**
     * Sends one log message the client asked to receive; may block while the client's stream is full.
     *
     * @param data the message's JSON
     */
    void log(LogLevel level, String logger, String data);
}
