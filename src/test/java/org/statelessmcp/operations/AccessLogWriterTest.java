package org.statelessmcp.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AccessLogWriterTest {

    /** Keeps each write apart, and may hold the first one until released. */
    private static final class Recording extends OutputStream {
        final List<String> writes = new ArrayList<>();
        final CountDownLatch firstWrite = new CountDownLatch(1);
        final CountDownLatch release;

        Recording(boolean blocked) {
            release = new CountDownLatch(blocked ? 1 : 0);
        }

        @Override
        public void write(int b) {
            throw new UnsupportedOperationException("whole lines are written at once");
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            firstWrite.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            writes.add(new String(bytes, offset, length, StandardCharsets.UTF_8));
        }

        synchronized String all() {
            return String.join("", writes);
        }
    }

    private static AccessLine line(int i) {
        return new AccessLine(0, "t", "req-" + i, "tools/call", "add", 200, 1.5, 57, 120);
    }

    private static AccessLogWriter writer(OutputStream out, int capacity) {
        return new AccessLogWriter(out, "the test stream", new AccessLineFormat(false, ZoneOffset.UTC), Thread::new,
                capacity);
    }

    /** What a writer wrote of {@code count} lines queued at once, then closed. */
    private static Recording written(int count) {
        Recording out = new Recording(false);
        AccessLogWriter writer = writer(out, 1_000);
        for (int i = 0; i < count; i++) {
            writer.add(line(i));
        }
        writer.close();
        return out;
    }

    @Test
    void everyLineQueuedBeforeCloseIsWrittenInOrder() {
        Recording out = written(500);
        String[] lines = out.all().split("\n");
        assertEquals(500, lines.length);
        for (int i = 0; i < 500; i++) {
            assertTrue(lines[i].contains("[req-" + i + "] "), lines[i]);
        }
    }

    @Test
    void eachWriteHoldsWholeLinesWithinThePipeSize() {
        Recording out = written(500);
        assertTrue(out.writes.size() < 500, "lines are written in batches, not one at a time");
        for (String write : out.writes) {
            assertTrue(write.endsWith("\n"), write);
            assertTrue(write.getBytes(StandardCharsets.UTF_8).length <= AccessLogWriter.WRITE_SIZE, write);
        }
    }

    @Test
    void aFullQueueDropsAndCountsLinesInsteadOfMakingRequestsWait() throws Exception {
        Recording out = new Recording(true);
        AccessLogWriter writer = writer(out, 4);
        writer.add(line(0));
        assertTrue(out.firstWrite.await(10, TimeUnit.SECONDS));
        for (int i = 1; i <= 10; i++) {
            writer.add(line(i));
        }
        assertEquals(6, writer.dropped());
        out.release.countDown();
        writer.close();
        assertEquals(5, out.all().split("\n").length);
    }

    @Test
    void linesAddedAfterCloseAreDroppedNotWritten() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AccessLogWriter writer = writer(out, 10);
        writer.close();
        writer.add(line(1));
        assertFalse(out.toString(StandardCharsets.UTF_8).contains("req-1"));
    }
}
