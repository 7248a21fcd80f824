package org.statelessmcp.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Optional;
import java.util.logging.Filter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class LogSetupTest {

    /** Like the OpenTelemetry log handler WildFly puts on the root logger: no formatter of its own. */
    private static final class BareHandler extends Handler {
        @Override
        public void publish(LogRecord record) {
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aHandlerWithoutFormatterGetsItsFilterAndLevelBackWhenTheApplicationStops() {
        Logger root = Logger.getLogger("");
        BareHandler handler = new BareHandler();
        Filter servers = record -> true;
        handler.setFilter(servers);
        handler.setLevel(Level.INFO);
        root.addHandler(handler);
        try {
            LogSetup setup = new LogSetup("console", Optional.of("FINE"), "password", "X-API-Key");
            setup.install(new Object());
            assertInstanceOf(RequestLogFilter.class, handler.getFilter());
            assertEquals(Level.FINE, handler.getLevel());

            setup.uninstall(new Object());
            assertSame(servers, handler.getFilter());
            assertEquals(Level.INFO, handler.getLevel());
            assertNull(handler.getFormatter());
        } finally {
            root.removeHandler(handler);
        }
    }
}
