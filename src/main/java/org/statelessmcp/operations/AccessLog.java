package org.statelessmcp.operations;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.statelessmcp.registry.Unproxied;

/**
 * One line per exchange on {@code /mcp}: method, tool, HTTP status, duration and bytes, when it ends, however it
 * ends. Off with {@code smcp.log.access=false}; the logger {@value #LOGGER} below INFO silences it too.
 *
 * <p>{@code smcp.log.access.target} says where lines go. {@code stderr} and {@code stdout}: written by an
 * {@link AccessLogWriter} of its own, in batches, in the format of {@code smcp.log.format}. {@code server}: as
 * records of the logger {@value #LOGGER} through the server's handlers, which a server whose console handler
 * formats, writes and flushes each record behind one lock makes cost more than the rest of a request.
 * {@code auto}, the default: {@code stderr} when the server logs only to the console through java.util.logging's
 * own {@link ConsoleHandler} and leaves the standard streams alone (Payara Micro), the server's logging otherwise
 * (Payara Server, WildFly and Open Liberty take the standard streams over, and may write to files).
 */
@Unproxied
public class AccessLog {

    public static final String LOGGER = "org.statelessmcp.access";

    private static final Logger LOG = Logger.getLogger(LOGGER);

    @Resource
    ManagedThreadFactory threads;

    private final boolean enabled;
    private final String target;
    private final boolean json;
    private volatile AccessLogWriter writer;

    @Inject
    public AccessLog(@ConfigProperty(name = "smcp.log.access") boolean enabled,
                     @ConfigProperty(name = "smcp.log.access.target") String target,
                     @ConfigProperty(name = "smcp.log.format") String format) {
        this.enabled = enabled;
        this.target = target.strip().toLowerCase(Locale.ROOT);
        this.json = "json".equalsIgnoreCase(format.strip());
    }

    /** Chooses the target at deployment, so that a wrong one fails it and the log says where lines go. */
    void open(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (!enabled) {
            return;
        }
        String chosen = "auto".equals(target)
                ? (consoleOnly(Logger.getLogger("").getHandlers(), System.err) ? "stderr" : "server") : target;
        writer = switch (chosen) {
            case "stderr" -> ownWriter(new FileOutputStream(FileDescriptor.err), "standard error");
            case "stdout" -> ownWriter(new FileOutputStream(FileDescriptor.out), "standard output");
            case "server" -> null;
            default -> throw new IllegalArgumentException("smcp.log.access.target must be auto, stderr, stdout or"
                    + " server, not '" + target + "'");
        };
        LOG.info("Access log: a line per request on /mcp, " + (writer == null
                ? "through the server's logging (logger " + LOGGER + ")"
                : "written to " + chosen + " by its own thread") + "; smcp.log.access.target=" + target);
    }

    private AccessLogWriter ownWriter(FileOutputStream out, String name) {
        return new AccessLogWriter(out, name, new AccessLineFormat(json, ZoneId.systemDefault()), threads,
                AccessLogWriter.CAPACITY);
    }

    @PreDestroy
    void close() {
        AccessLogWriter open = writer;
        writer = null;
        if (open != null) {
            open.close();
        }
    }

    /**
     * Logs {@code POST /mcp tools/call add 200 1.25 ms in=57 out=120}; the JSON format also gets each value as a
     * field ({@code method}, {@code tool}, {@code status}, {@code durationMs}, {@code bytesIn}, {@code bytesOut},
     * {@code requestId}).
     *
     * @param requestId the request's id
     * @param method the JSON-RPC method, {@code batch}, or {@code -} when the body was unusable
     * @param tool the tool called, or an empty string
     */
    public void exchange(String requestId, String method, String tool, int status, long nanos, long bytesIn,
                         long bytesOut) {
        if (!enabled || !LOG.isLoggable(Level.INFO)) {
            return;
        }
        // the method and tool come from the client: no line breaks may reach a plain-text log
        AccessLine line = new AccessLine(System.currentTimeMillis(), Thread.currentThread().getName(), requestId,
                printable(method), printable(tool), status, Math.round(nanos / 10_000.0) / 100.0, bytesIn, bytesOut);
        AccessLogWriter own = writer;
        if (own != null) {
            own.add(line);
        } else {
            logThroughServer(line, tool);
        }
    }

    private static void logThroughServer(AccessLine line, String tool) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("method", line.method());
        fields.put("tool", line.tool());
        fields.put("status", line.status());
        fields.put("durationMs", line.durationMs());
        fields.put("bytesIn", line.bytesIn());
        fields.put("bytesOut", line.bytesOut());
        LogRecord record = new LogRecord(Level.INFO, line.message());
        record.setLoggerName(LOGGER);
        record.setParameters(new Object[] {fields});
        // an exchange may end on another thread than its request's: the server's handlers still see its id
        try (LogContext.Scope scope = LogContext.enter(new LogContext.Current(line.requestId(),
                tool.isEmpty() ? null : tool))) {
            LOG.log(record);
        }
    }

    /**
     * Whether the server logs only to the console, through java.util.logging's own {@link ConsoleHandler}, with the
     * standard error stream as the JVM made it: then a writer of its own puts access lines on the same stream.
     */
    static boolean consoleOnly(Handler[] rootHandlers, PrintStream err) {
        if (rootHandlers.length == 0 || err.getClass() != PrintStream.class) {
            return false;
        }
        for (Handler handler : rootHandlers) {
            if (handler.getClass() != ConsoleHandler.class) {
                return false;
            }
        }
        return true;
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
