package org.statelessmcp.operations;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.statelessmcp.protocol.JsonStrings;

/**
 * Access lines as the access log's own writer prints them: one JSON object per line with the field names of the
 * server's JSON log lines ({@code smcp.log.format=json}), or one bracketed line ({@code console}). Timestamps are
 * those of Payara's formatters, {@code 2026-11-26T02:06:18.594+0000}, in the JVM's time zone.
 *
 * <p>Not thread-safe: the writer's one thread owns it, and it keeps the text of the current second so that a busy
 * second formats its date once, not once a line.
 */
final class AccessLineFormat {

    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("Z");

    private final boolean json;
    private final ZoneId zone;
    private long second = Long.MIN_VALUE;
    private String secondText;
    private String offsetText;

    AccessLineFormat(boolean json, ZoneId zone) {
        this.json = json;
        this.zone = zone;
    }

    /** Appends {@code line} and its line break to {@code out}. */
    StringBuilder append(AccessLine line, StringBuilder out) {
        return (json ? appendJson(line, out) : appendConsole(line, out)).append('\n');
    }

    private StringBuilder appendConsole(AccessLine line, StringBuilder out) {
        out.append('[');
        appendTimestamp(line.timeMillis(), out);
        out.append("] [INFO] [").append(AccessLog.LOGGER).append("] [").append(line.requestId()).append("] ");
        return line.appendMessage(out);
    }

    private StringBuilder appendJson(AccessLine line, StringBuilder out) {
        out.append("{\"Timestamp\":\"");
        appendTimestamp(line.timeMillis(), out);
        out.append("\",\"Level\":\"INFO\",\"LoggerName\":\"").append(AccessLog.LOGGER).append("\",\"ThreadName\":");
        JsonStrings.quote(line.thread(), out).append(",\"TimeMillis\":\"").append(line.timeMillis())
                .append("\",\"LevelValue\":\"800\",\"method\":");
        JsonStrings.quote(line.method(), out).append(",\"tool\":");
        JsonStrings.quote(line.tool(), out).append(",\"status\":\"").append(line.status())
                .append("\",\"durationMs\":\"").append(line.durationMs())
                .append("\",\"bytesIn\":\"").append(line.bytesIn())
                .append("\",\"bytesOut\":\"").append(line.bytesOut()).append("\",\"requestId\":");
        JsonStrings.quote(line.requestId(), out).append(",\"LogMessage\":");
        return JsonStrings.quote(line.message(), out).append('}');
    }

    private void appendTimestamp(long millis, StringBuilder out) {
        long thisSecond = Math.floorDiv(millis, 1000);
        if (thisSecond != second) {
            ZonedDateTime time = Instant.ofEpochSecond(thisSecond).atZone(zone);
            secondText = SECOND.format(time);
            offsetText = OFFSET.format(time);
            second = thisSecond;
        }
        int milli = (int) Math.floorMod(millis, 1000);
        out.append(secondText).append('.');
        if (milli < 100) {
            out.append('0');
        }
        if (milli < 10) {
            out.append('0');
        }
        out.append(milli).append(offsetText);
    }
}
