package org.statelessmcp.operations;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes access lines on one thread of its own, in batches: a request hands its line over and goes on, and a busy
 * second costs a few {@code write} calls instead of one per line behind a lock that every request thread waits for.
 * The thread wakes up 50 times a second to write what has gathered, so that no request has to wake it.
 * The approach of the servers' own access logs (Undertow's, Jetty's {@code AsyncRequestLogWriter}).
 *
 * <p>Each {@code write} holds whole lines and at most about {@value #WRITE_SIZE} bytes, the size a pipe writes at
 * once, so the server's own lines on the same stream never land inside one of ours. When the stream cannot keep up
 * and {@link #CAPACITY} lines wait, further lines are dropped and counted, never queued without bound and never
 * making a request wait; the count is logged once a minute.
 */
final class AccessLogWriter implements AutoCloseable {

    static final int CAPACITY = 16_384;
    static final int WRITE_SIZE = 4_096;
    private static final int BATCH = 256;
    private static final long PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final int GRACE_PAUSES = 5;
    private static final long DROP_REPORT_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final long CLOSE_MILLIS = 5_000;
    private static final Logger LOG = Logger.getLogger(AccessLogWriter.class.getName());

    private final BlockingQueue<AccessLine> queue;
    private final OutputStream out;
    private final String outName;
    private final AccessLineFormat format;
    private final AtomicLong dropped = new AtomicLong();
    private final Thread thread;
    private final Thread atExit = new Thread(this::close, "smcp-access-log-at-exit");
    private volatile boolean open = true;
    private volatile boolean finished;
    private long lastDropReport = System.nanoTime();
    private boolean failing;

    /**
     * Starts the writer's thread.
     *
     * @param out where lines go; flushed after each batch, never closed
     * @param outName what {@code out} is, for log messages ({@code standard error})
     */
    AccessLogWriter(OutputStream out, String outName, AccessLineFormat format, ThreadFactory threads, int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.out = out;
        this.outName = outName;
        this.format = format;
        this.thread = threads.newThread(this::run);
        thread.setName("smcp-access-log");
        thread.start();
        // Shutdown hooks run side by side: a server stopped by a signal may not have stopped this application when the
        // JVM ends. The lines of the last requests, answered but still queued, are written on the way out all the same.
        Runtime.getRuntime().addShutdownHook(atExit);
    }

    /** Queues {@code line}, or counts it as dropped when the queue is full or the writer closed. */
    void add(AccessLine line) {
        if (finished || !queue.offer(line)) {
            dropped.incrementAndGet();
        }
    }

    /** Lines dropped since the last report. */
    long dropped() {
        return dropped.get();
    }

    /**
     * Writes what is queued, and what requests still ending add during a last {@value #GRACE_PAUSES} pauses without
     * a line, then stops the thread; lines added after that are dropped.
     */
    @Override
    public void close() {
        if (Thread.currentThread() != atExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(atExit);
            } catch (IllegalStateException exiting) {
                // the JVM is exiting and runs the hook itself
            }
        }
        open = false;
        try {
            thread.join(CLOSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warning("the access log's thread is still writing to " + outName + " after " + CLOSE_MILLIS + " ms");
        }
    }

    private void run() {
        List<AccessLine> batch = new ArrayList<>(BATCH);
        StringBuilder text = new StringBuilder(2 * WRITE_SIZE);
        int idleSinceClosed = 0;
        while (idleSinceClosed < GRACE_PAUSES) {
            if (queue.drainTo(batch, BATCH) > 0) {
                write(batch, text);
                batch.clear();
                idleSinceClosed = 0;
                continue;
            }
            // A pause, not a wait on the queue: a thread waiting on it would have to be woken by every line, a
            // system call on the request's thread; a pause lets lines gather, and writes them 50 times a second.
            LockSupport.parkNanos(PAUSE_NANOS);
            if (Thread.interrupted()) {
                // the server stops its managed threads as it stops (Payara Micro on a signal): as if closed
                open = false;
            }
            // once closed, requests that were answered as the server stopped may still be ending: a few more pauses
            idleSinceClosed = open ? 0 : idleSinceClosed + 1;
            reportDrops(false);
        }
        finished = true;
        dropped.addAndGet(queue.size());
        reportDrops(true);
    }

    private void write(List<AccessLine> batch, StringBuilder text) {
        text.setLength(0);
        for (AccessLine line : batch) {
            int end = text.length();
            try {
                format.append(line, text);
            } catch (RuntimeException e) {
                // one line the format cannot write must not end the thread that writes all the others
                text.setLength(end);
                dropped.incrementAndGet();
                LOG.log(Level.WARNING, "an access line could not be formatted", e);
                continue;
            }
            if (text.length() > WRITE_SIZE && end > 0) {
                writeOut(text.substring(0, end));
                text.delete(0, end);
            }
        }
        writeOut(text.toString());
        try {
            out.flush();
        } catch (IOException e) {
            failed(e);
        }
    }

    private void writeOut(String lines) {
        try {
            out.write(lines.getBytes(StandardCharsets.UTF_8));
            failing = false;
        } catch (IOException e) {
            dropped.addAndGet(lines.chars().filter(c -> c == '\n').count());
            failed(e);
        }
    }

    private void failed(IOException e) {
        if (!failing) {
            LOG.log(Level.WARNING, "the access log cannot write to " + outName + ": " + e.getMessage());
            failing = true;
        }
    }

    private void reportDrops(boolean last) {
        long now = System.nanoTime();
        if (last || now - lastDropReport >= DROP_REPORT_NANOS) {
            lastDropReport = now;
            long lost = dropped.getAndSet(0);
            if (lost > 0) {
                LOG.warning(lost + " access-log line(s) dropped: " + outName + " did not keep up with the requests");
            }
        }
    }
}
