package org.statelessmcp.mcp;

import java.util.List;

/** MCP's log levels (RFC 5424 severities), least severe first. */
public final class LogLevel {

    public static final List<String> LEVELS = List.of("debug", "info", "notice", "warning", "error", "critical", "alert",
            "emergency");

    private LogLevel() {
    }

    public static boolean isValid(String level) {
        return LEVELS.contains(level);
    }

    /** Whether a message at {@code level} reaches a client that asked for {@code threshold} and above. */
    static boolean passes(String level, String threshold) {
        return threshold != null && LEVELS.indexOf(level) >= LEVELS.indexOf(threshold);
    }
}
