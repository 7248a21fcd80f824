package org.statelessmcp.dispatch;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.statelessmcp.api.McpLog.LogLevel;

/** A client channel that keeps what a call sent, as one line of text each. */
final class RecordingChannel implements ClientChannel {

    final List<String> sent = new ArrayList<>();
    private final JsonValue token;
    private final LogLevel level;

    RecordingChannel(String token, LogLevel level) {
        this.token = token == null ? null : Json.createValue(token);
        this.level = level;
    }

    @Override
    public JsonValue progressToken() {
        return token;
    }

    @Override
    public void progress(BigDecimal progress, BigDecimal total, String message) {
        sent.add("progress " + progress + "/" + total + " " + message);
    }

    @Override
    public LogLevel logLevel() {
        return level;
    }

    @Override
    public void log(LogLevel messageLevel, String logger, String data) {
        sent.add("log " + messageLevel.wireName() + " " + logger + " " + data);
    }
}
