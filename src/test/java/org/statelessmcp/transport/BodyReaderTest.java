package org.statelessmcp.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BodyReaderTest {

    @Test
    void bodyWithinTheLimitIsReadWhole() throws Exception {
        BodyReader.Body body = BodyReader.read(new ByteArrayInputStream(new byte[100]), -1, 100);
        assertEquals(100, body.length());
    }

    @Test
    void declaredLengthPastTheLimitIsRefusedWithoutReading() {
        AtomicInteger reads = new AtomicInteger();
        InputStream counting = new InputStream() {
            @Override
            public int read() {
                reads.incrementAndGet();
                return -1;
            }
        };
        assertThrows(BodyReader.TooLarge.class, () -> BodyReader.read(counting, 101, 100));
        assertEquals(0, reads.get());
    }

    @Test
    void undeclaredBodyIsRefusedOnTheFirstByteOverTheLimit() {
        AtomicInteger served = new AtomicInteger();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                served.incrementAndGet();
                return 'x';
            }
        };
        assertThrows(BodyReader.TooLarge.class, () -> BodyReader.read(endless, -1, 10_000));
        assertEquals(10_001, served.get(), "stopped one byte past the limit");
    }

    @Test
    void acceptsApplicationJsonInUtf8() {
        assertTrue(McpServlet.isJson("application/json"));
        assertTrue(McpServlet.isJson("Application/JSON; charset=\"utf-8\""));
        assertTrue(McpServlet.isJson("application/vnd.api+json"));
    }

    @Test
    void refusesOtherTypesAndCharsets() {
        assertFalse(McpServlet.isJson(null));
        assertFalse(McpServlet.isJson("text/plain"));
        assertFalse(McpServlet.isJson("application/x-www-form-urlencoded"));
        assertFalse(McpServlet.isJson("application/json; charset=iso-8859-1"));
    }
}
