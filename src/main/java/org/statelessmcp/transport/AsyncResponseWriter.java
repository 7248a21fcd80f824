package org.statelessmcp.transport;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.CancellationException;
import org.statelessmcp.dispatch.ChunkSink;

/**
 * Writes an asynchronous response through a {@link WriteListener}: one write in flight, chunks queued in a bounded
 * buffer, each burst flushed so it reaches the client at once, and an explicit last write after which the async
 * context completes. When the client goes away (a failed write, an async error or timeout) the writer closes and
 * tells its owner, who cancels the tool.
 *
 * <p>Producers ({@link #send}, {@link #finish}) may be any thread; whoever finds the output ready and nobody
 * writing does the writing, so no thread waits for the client.
 */
final class AsyncResponseWriter implements WriteListener, AsyncListener, ChunkSink {

    /** How one message is framed on the wire. */
    enum Framing {
        /** One JSON value per line ({@code application/x-ndjson}). */
        NDJSON,
        /** One Server-Sent Event per message ({@code text/event-stream}). */
        SSE;

        String frame(String json) {
            return this == NDJSON ? json + '\n' : "event: message\ndata: " + json + "\n\n";
        }
    }

    private final AsyncContext context;
    private final ServletOutputStream out;
    /** Counts what is written, when the request is an exchange on {@code /mcp}; else {@code null}. */
    private final Exchange exchange;
    private final long capacity;
    private final Framing framing;
    private final Object lock = new Object();
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private volatile Runnable onClientGone = () -> {};

    // all guarded by lock
    private long queuedBytes;
    private boolean accepting = true;
    private boolean awaitingReady = true;
    private boolean readyWhileWriting;
    private boolean writing;
    private boolean ended;
    // touched only by the thread that holds the writing role
    private boolean unflushed;

    private AsyncResponseWriter(AsyncContext context, ServletOutputStream out, long capacity, Framing framing) {
        this.context = context;
        this.out = out;
        this.exchange = Exchange.of(context.getRequest());
        this.capacity = capacity;
        this.framing = framing;
    }

    /**
     * Takes over the response of {@code context}; must be called on the request thread, before it returns.
     *
     * @param capacity bytes of queued chunks after which {@link #send} waits
     * @param framing how {@link #send} and {@link #finishWith} frame a message
     */
    static AsyncResponseWriter start(AsyncContext context, long capacity, Framing framing) throws IOException {
        ServletOutputStream out = context.getResponse().getOutputStream();
        AsyncResponseWriter writer = new AsyncResponseWriter(context, out, capacity, framing);
        context.addListener(writer);
        if (writer.exchange != null) {
            writer.exchange.goAsync(context);
        }
        out.setWriteListener(writer);
        return writer;
    }

    /** Runs {@code action} once if the client goes away before the response has ended. */
    void onClientGone(Runnable action) {
        this.onClientGone = action;
    }

    /** Queues one framed message; waits while the buffer is full. */
    @Override
    public void send(String json) {
        byte[] line = framing.frame(json).getBytes(StandardCharsets.UTF_8);
        synchronized (lock) {
            while (accepting && queuedBytes > 0 && queuedBytes + line.length > capacity) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("interrupted while the client was slow to read");
                }
            }
            if (!accepting) {
                throw new CancellationException("the response has ended");
            }
            queue.add(line);
            queuedBytes += line.length;
        }
        pump();
    }

    /** Queues a last framed message and ends the response once everything queued is written. */
    void finishWith(String json) {
        finish(framing.frame(json));
    }

    /** Queues the last bytes of the response (or none) and ends it once everything queued is written. */
    void finish(String last) {
        synchronized (lock) {
            if (!accepting) {
                return;
            }
            accepting = false;
            if (last != null) {
                queue.add(last.getBytes(StandardCharsets.UTF_8));
            }
            lock.notifyAll();
        }
        pump();
    }

    @Override
    public void onWritePossible() {
        synchronized (lock) {
            awaitingReady = false;
            if (writing) {
                readyWhileWriting = true;
                return;
            }
        }
        pump();
    }

    private void pump() {
        synchronized (lock) {
            if (writing || awaitingReady || ended) {
                return;
            }
            writing = true;
        }
        try {
            while (true) {
                if (!mayWrite()) {
                    return;
                }
                byte[] next;
                synchronized (lock) {
                    next = queue.poll();
                    if (next != null) {
                        queuedBytes -= next.length;
                        lock.notifyAll();
                    } else if (!unflushed) {
                        writing = false;
                        if (accepting) {
                            return;
                        }
                        ended = true;
                    }
                }
                if (next != null) {
                    out.write(next);
                    unflushed = true;
                    if (exchange != null) {
                        exchange.wrote(next.length);
                    }
                } else if (unflushed) {
                    unflushed = false;
                    out.flush();
                } else {
                    complete();
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            clientGone();
        }
    }

    /**
     * Asks the output, on the writing thread, whether it takes a write now; when it does not, gives up the writing
     * role until {@link #onWritePossible}. Asked before every write rather than after: Open Liberty allows a
     * non-blocking write only on a thread whose own last {@code isReady()} returned true, and refuses any other
     * (SRVE0918E) — the writer here is often a tool's thread, not the container's.
     */
    private boolean mayWrite() {
        while (!out.isReady()) {
            synchronized (lock) {
                if (!readyWhileWriting) {
                    awaitingReady = true;
                    writing = false;
                    return false;
                }
                readyWhileWriting = false;
            }
        }
        return true;
    }

    /** The client is gone or the container gave up: drop what is queued, release waiters, end the response. */
    private void clientGone() {
        boolean first;
        synchronized (lock) {
            first = !ended;
            ended = true;
        }
        if (first) {
            // cancel the call before waking a blocked emit, so the tool's CancellationException reads as cancellation
            onClientGone.run();
        }
        synchronized (lock) {
            accepting = false;
            writing = false;
            queue.clear();
            queuedBytes = 0;
            lock.notifyAll();
        }
        if (first) {
            complete();
        }
    }

    /**
     * Ends the response, and with it the exchange: directly, since a container may not tell its listeners about an
     * async context completed after the client went away.
     */
    private void complete() {
        int status = ((HttpServletResponse) context.getResponse()).getStatus();
        try {
            context.complete();
        } catch (IllegalStateException alreadyCompleted) {
            // the container completed it first
        }
        if (exchange != null) {
            exchange.end(status);
        }
    }

    @Override
    public void onError(Throwable failure) {
        clientGone();
    }

    @Override
    public void onError(AsyncEvent event) {
        clientGone();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        clientGone();
    }

    @Override
    public void onComplete(AsyncEvent event) {
        synchronized (lock) {
            accepting = false;
            ended = true;
            lock.notifyAll();
        }
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // not restarted
    }
}
