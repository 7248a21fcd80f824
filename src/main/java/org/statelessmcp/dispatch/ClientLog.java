package org.statelessmcp.dispatch;

import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.statelessmcp.api.McpLog;

/**
 * The {@link McpLog} of one call: every message goes to the server's log, and to the client when it asked for its
 * level and the call still runs.
 */
final class ClientLog implements McpLog {

    private static final Logger LOG = Logger.getLogger("org.statelessmcp.tools");

    private final String tool;
    private final CallControl control;
    private final ClientChannel channel;
    private final JsonCodec codec;

    ClientLog(String tool, CallControl control, ClientChannel channel, JsonCodec codec) {
        this.tool = tool;
        this.control = control;
        this.channel = channel;
        this.codec = codec;
    }

    @Override
    public LogLevel level() {
        return channel.logLevel();
    }

    @Override
    public void send(LogLevel level, Object data) {
        send(level, data, null);
    }

    @Override
    public void error(Throwable failure, String format, Object... params) {
        send(LogLevel.ERROR, String.format(Locale.ROOT, format, params), failure);
    }

    private void send(LogLevel level, Object data, Throwable failure) {
        if (level == null || level == LogLevel.OFF) {
            throw new IllegalArgumentException("a log message needs a level from DEBUG to EMERGENCY");
        }
        String json = codec.toJson(data);
        LOG.log(serverLevel(level), failure, () -> "Tool '" + tool + "' logged " + level.wireName() + ": "
                + (data instanceof String text ? text : json));
        if (isEnabled(level) && control.isRunning()) {
            channel.log(level, tool, json);
        }
    }

    private static Level serverLevel(LogLevel level) {
        return switch (level) {
            case DEBUG -> Level.FINE;
            case INFO, NOTICE -> Level.INFO;
            case WARNING -> Level.WARNING;
            default -> Level.SEVERE;
        };
    }
}
