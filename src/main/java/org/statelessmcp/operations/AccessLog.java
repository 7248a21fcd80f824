package org.statelessmcp.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One line per exchange on {@code /mcp}: method, tool, HTTP status, duration and bytes, written to the logger
 * {@value #LOGGER} at INFO when it ends, however it ends. Off with {@code smcp.log.access=false}.
 */
@ApplicationScoped
public class AccessLog {

    public static final String LOGGER = "org.statelessmcp.access";

    private static final Logger LOG = Logger.getLogger(LOGGER);

    private final boolean enabled;

    /** For the CDI client proxy only. */
    protected AccessLog() {
        this(false);
    }

    @Inject
    public AccessLog(@ConfigProperty(name = "smcp.log.access") boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * Logs {@code POST /mcp tools/call add 200 1.25 ms in=57 out=120}; the JSON format also gets each value as a
     * field ({@code method}, {@code tool}, {@code status}, {@code durationMs}, {@code bytesIn}, {@code bytesOut}).
     *
     * @param method the JSON-RPC method, {@code batch}, or {@code -} when the body was unusable
     * @param tool the tool called, or an empty string
     */
    public void exchange(String method, String tool, int status, long nanos, long bytesIn, long bytesOut) {
        if (!enabled || !LOG.isLoggable(Level.INFO)) {
            return;
        }
        // the method and tool come from the client: no line breaks may reach a plain-text log
        String cleanMethod = printable(method);
        String cleanTool = printable(tool);
        double millis = Math.round(nanos / 10_000.0) / 100.0;
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("method", cleanMethod);
        fields.put("tool", cleanTool);
        fields.put("status", status);
        fields.put("durationMs", millis);
        fields.put("bytesIn", bytesIn);
        fields.put("bytesOut", bytesOut);
        LogRecord record = new LogRecord(Level.INFO, "POST /mcp " + cleanMethod + ' ' + cleanTool + ' ' + status + ' '
                + millis + " ms in=" + bytesIn + " out=" + bytesOut);
        record.setLoggerName(LOGGER);
        record.setParameters(new Object[] {fields});
        LOG.log(record);
    }

    static String printable(String text) {
        if (text.isEmpty()) {
            return "-";
        }
        // nearly every method and tool name is short and clean: return it as it is, with no copy
        int limit = text.offsetByCodePoints(0, Math.min(128, text.codePointCount(0, text.length())));
        boolean clean = limit == text.length();
        for (int i = 0; clean && i < limit; i++) {
            clean = !Character.isISOControl(text.charAt(i));
        }
        if (clean) {
            return text;
        }
        StringBuilder printable = new StringBuilder(limit);
        text.substring(0, limit).codePoints()
                .forEach(c -> printable.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return printable.toString();
    }
}
