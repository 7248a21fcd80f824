package org.statelessmcp.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class RequestLogFilterTest {

    private static final Masking MASKING = new Masking(List.of("password", "token"));

    private static LogRecord record(String logger, String message) {
        LogRecord record = new LogRecord(Level.INFO, message);
        record.setLoggerName(logger);
        return record;
    }

    @Test
    void jsonLinesWrittenForARequestGetItsIdAndToolAsFields() {
        LogRecord record = record("com.example.tool", "working");
        try (LogContext.Scope scope = LogContext.enter(new LogContext.Current("req-1", "add"))) {
            assertTrue(new RequestLogFilter(null, MASKING, true).isLoggable(record));
        }
        assertEquals(Map.of("requestId", "req-1", "tool", "add"), record.getParameters()[0]);
        assertEquals("working", record.getMessage());
    }

    @Test
    void consoleLinesWrittenForARequestArePrefixedWithItsIdAndTool() {
        LogRecord record = record("com.example.tool", "working");
        try (LogContext.Scope scope = LogContext.enter(new LogContext.Current("req-1", "add"))) {
            new RequestLogFilter(null, MASKING, false).isLoggable(record);
        }
        assertEquals("[req-1 add] working", record.getMessage());
    }

    @Test
    void aRecordPassingSeveralHandlersIsTaggedOnce() {
        // WildFly's root logger has three handlers (console, file, OpenTelemetry), each with this filter, and every
        // handler is given the same record
        LogRecord console = record("com.example.tool", "working");
        LogRecord json = record("com.example.tool", "working {0}");
        json.setParameters(new Object[] {"x"});
        try (LogContext.Scope scope = LogContext.enter(new LogContext.Current("req-1", "add"))) {
            for (int handler = 0; handler < 3; handler++) {
                new RequestLogFilter(null, MASKING, false).isLoggable(console);
                new RequestLogFilter(null, MASKING, true).isLoggable(json);
            }
        }
        assertEquals("[req-1 add] working", console.getMessage());
        assertEquals(2, json.getParameters().length);
        assertEquals(Map.of("requestId", "req-1", "tool", "add"), json.getParameters()[1]);
    }

    @Test
    void secretsInMessagesAndParametersOfARequestAreMasked() {
        LogRecord record = record("com.example.tool", "login password=hunter2 as {0}");
        record.setParameters(new Object[] {"token=abc"});
        try (LogContext.Scope scope = LogContext.enter(new LogContext.Current("req-1", null))) {
            new RequestLogFilter(null, MASKING, true).isLoggable(record);
        }
        assertEquals("login password=*** as {0}", record.getMessage());
        assertEquals("token=***", record.getParameters()[0]);
    }

    @Test
    void secretsInAnExceptionAndItsCausesAreMaskedKeepingTypeAndStack() {
        IllegalStateException thrown = new IllegalStateException("bad password=hunter2",
                new java.io.IOException("token=abc"));
        LogRecord record = record("org.statelessmcp.dispatch.ToolExecutor", "Tool 'crash' failed");
        record.setThrown(thrown);
        try (LogContext.Scope scope = LogContext.enter(new LogContext.Current("req-1", "crash"))) {
            new RequestLogFilter(null, MASKING, true).isLoggable(record);
        }
        assertEquals("java.lang.IllegalStateException: bad password=***", record.getThrown().getMessage());
        assertEquals("java.io.IOException: token=***", record.getThrown().getCause().getMessage());
        assertEquals(java.util.List.of(thrown.getStackTrace()), java.util.List.of(record.getThrown().getStackTrace()));
    }

    @Test
    void anExceptionWithoutSecretsIsLoggedAsItIs() {
        IllegalStateException thrown = new IllegalStateException("plain failure");
        LogRecord record = record("org.statelessmcp.dispatch.ToolExecutor", "Tool 'crash' failed");
        record.setThrown(thrown);
        try (LogContext.Scope scope = LogContext.enter(new LogContext.Current("req-1", "crash"))) {
            new RequestLogFilter(null, MASKING, true).isLoggable(record);
        }
        assertTrue(record.getThrown() == thrown);
    }

    @Test
    void linesOfOtherApplicationsAreLeftAlone() {
        LogRecord record = record("com.other.app", "password=theirs");
        assertTrue(new RequestLogFilter(null, MASKING, true).isLoggable(record));
        assertEquals("password=theirs", record.getMessage());
        assertNull(record.getParameters());
    }

    @Test
    void theHandlersOwnFilterStillDecides() {
        LogRecord record = record("org.statelessmcp.x", "dropped");
        assertFalse(new RequestLogFilter(dropped -> false, MASKING, true).isLoggable(record));
    }

    @Test
    void levelsAreReadByTheNamesOfOtherLoggingSystemsToo() {
        assertEquals(Level.FINE, LogSetup.parse("debug"));
        assertEquals(Level.WARNING, LogSetup.parse("WARN"));
        assertEquals(Level.SEVERE, LogSetup.parse("error"));
        assertEquals(Level.FINER, LogSetup.parse("FINER"));
    }
}
