package org.statelessmcp.api;

import java.util.Locale;

/**
 * Sends log messages to the calling client while the tool runs, and writes them to the server's log too. Any tool
 * may declare it as a parameter; the server supplies it.
 *
 * <pre>{@code
 * @Tool(description = "Processes data with logging")
 * public String processData(String input, McpLog log) {
 *     log.info("Starting data processing for input: %s", input);
 *     String result = input.toUpperCase();
 *     log.debug("Processing complete. Result length: %d", result.length());
 *     return result;
 * }
 * }</pre>
 *
 * <p>Formats are {@link String#format} patterns. A message reaches the client as MCP {@code notifications/message}
 * (logger: the tool's name) when its level is at least the one the client asked for: under MCP 2026-07-28 the
 * request's {@code _meta} {@code io.modelcontextprotocol/logLevel} (no messages without it); under the 2025 revisions
 * the same {@code _meta} key when present, else {@code info}, since a stateless server keeps no
 * {@code logging/setLevel}. In the plain JSON-RPC dialect, when the request accepts {@code application/x-ndjson},
 * messages at {@code info} and above are NDJSON lines {@code {"type":"log","level":…,"logger":…,"data":…}}.
 * Every message is written to the server's log (logger {@code org.statelessmcp.tools}) whatever the client asked.
 *
 * <p>{@link #error(Throwable, String, Object...)} sends only the message: the throwable goes to the server's log,
 * never to the client. The method names are Quarkus MCP Server's.
 */
public interface McpLog {

    /** The least severe level the client receives, or {@link LogLevel#OFF} when it receives none. */
    LogLevel level();

    /** Whether a message at {@code level} would reach the client. */
    default boolean isEnabled(LogLevel level) {
        return level != LogLevel.OFF && level().compareTo(level) <= 0;
    }

    /** Sends {@code data} (a string, or any value JSON-B can write) at {@code level}. */
    void send(LogLevel level, Object data);

    /** Sends a formatted message at {@code level}. */
    default void send(LogLevel level, String format, Object... params) {
        send(level, (Object) String.format(Locale.ROOT, format, params));
    }

    default void debug(String format, Object... params) {
        send(LogLevel.DEBUG, format, params);
    }

    default void info(String format, Object... params) {
        send(LogLevel.INFO, format, params);
    }

    default void warning(String format, Object... params) {
        send(LogLevel.WARNING, format, params);
    }

    default void error(String format, Object... params) {
        send(LogLevel.ERROR, format, params);
    }

    /** Sends the formatted message at {@code error}; {@code failure} is written to the server's log only. */
    void error(Throwable failure, String format, Object... params);

    /** MCP's log levels (RFC 5424 severities), least severe first; {@link #OFF} is no level and is never sent. */
    enum LogLevel {
        DEBUG, INFO, NOTICE, WARNING, ERROR, CRITICAL, ALERT, EMERGENCY, OFF;

        /** The names of the levels on the wire, least severe first. */
        public static final java.util.List<String> WIRE_NAMES = java.util.Arrays.stream(values())
                .filter(level -> level != OFF).map(LogLevel::wireName).toList();

        /** The level of a wire name such as {@code "warning"}, or {@code null} for none. */
        public static LogLevel from(String name) {
            if (name == null || name.isBlank()) {
                return null;
            }
            try {
                LogLevel level = valueOf(name.strip().toUpperCase(Locale.ROOT));
                return level == OFF ? null : level;
            } catch (IllegalArgumentException unknown) {
                return null;
            }
        }

        /** The name on the wire, such as {@code "warning"}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
