package org.statelessmcp.operations;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Set on the server's log handlers while this application runs: gives every record written while serving a
 * request (on the request's thread or the executor thread of its tool) the request id and tool, and masks secrets
 * in this application's records. With the JSON format the fields travel as a {@code Map} parameter, which the
 * server's JSON formatter writes as top-level keys; with the console format they prefix the message.
 */
final class RequestLogFilter implements Filter {

    private final Filter previous;
    private final Masking masking;
    private final boolean json;

    RequestLogFilter(Filter previous, Masking masking, boolean json) {
        this.previous = previous;
        this.masking = masking;
        this.json = json;
    }

    Filter previous() {
        return previous;
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        if (previous != null && !previous.isLoggable(record)) {
            return false;
        }
        LogContext.Current current = LogContext.current();
        String logger = record.getLoggerName();
        if (current == null && (logger == null || !logger.startsWith("org.statelessmcp"))) {
            return true; // another application's record, or the server's own
        }
        if (record.getResourceBundle() == null && record.getMessage() != null) {
            record.setMessage(masking.mask(record.getMessage()));
        }
        record.setThrown(MaskedThrowable.of(record.getThrown(), masking));
        Object[] parameters = record.getParameters();
        if (parameters != null) {
            Object[] masked = Arrays.copyOf(parameters, parameters.length);
            for (int i = 0; i < masked.length; i++) {
                if (masked[i] instanceof CharSequence text) {
                    masked[i] = masking.mask(text.toString());
                }
            }
            record.setParameters(masked);
        }
        if (current != null) {
            tag(record, current);
        }
        return true;
    }

    /** The fields a record is tagged with; its own type, so that a record already tagged is recognised. */
    private static final class Tags extends LinkedHashMap<String, String> {
        private static final long serialVersionUID = 1L;
    }

    /**
     * Tags a record once: a logger hands the same record to each of its handlers, each with its own copy of this
     * filter (WildFly's root logger has three: console, file and OpenTelemetry).
     */
    private void tag(LogRecord record, LogContext.Current current) {
        if (json) {
            Object[] parameters = record.getParameters();
            if (parameters != null && parameters.length > 0 && parameters[parameters.length - 1] instanceof Tags) {
                return;
            }
            Tags fields = new Tags();
            fields.put("requestId", current.requestId());
            if (current.tool() != null) {
                fields.put("tool", current.tool());
            }
            Object[] tagged = parameters == null ? new Object[1] : Arrays.copyOf(parameters, parameters.length + 1);
            tagged[tagged.length - 1] = fields;
            record.setParameters(tagged);
        } else if (record.getResourceBundle() == null) {
            String prefix = "[" + current.requestId() + (current.tool() == null ? "" : " " + current.tool()) + "] ";
            String message = record.getMessage() == null ? "" : record.getMessage();
            if (!message.startsWith(prefix)) {
                record.setMessage(prefix + message);
            }
        }
    }
}
