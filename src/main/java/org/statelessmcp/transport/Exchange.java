package org.statelessmcp.transport;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One HTTP exchange on {@code /mcp}, from {@link McpServlet}'s first look at it to the last byte written: what the
 * metrics and the access log report. It ends exactly once, when a synchronous request returns or an asynchronous one
 * completes, fails or times out, so that nothing (the active-requests gauge above all) is left counting after any
 * kind of failure.
 */
final class Exchange {

    static final String ATTRIBUTE = "org.statelessmcp.exchange";

    private final String id;
    private final long startedNanos = System.nanoTime();
    private final Consumer<Exchange> onEnd;
    private final Runnable onStream;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final AtomicLong responseBytes = new AtomicLong();
    private volatile long requestBytes;
    private volatile boolean async;
    private volatile boolean streamed;
    private volatile int status;
    private volatile String method = "-";
    private volatile String tool = "";

    Exchange(String id, Consumer<Exchange> onEnd, Runnable onStream) {
        this.id = id;
        this.onEnd = onEnd;
        this.onStream = onStream;
    }

    /** The exchange of {@code request}, or {@code null} outside {@code /mcp}. */
    static Exchange of(ServletRequest request) {
        return (Exchange) request.getAttribute(ATTRIBUTE);
    }

    String id() {
        return id;
    }

    long requestBytes() {
        return requestBytes;
    }

    long responseBytes() {
        return responseBytes.get();
    }

    int status() {
        return status;
    }

    String method() {
        return method;
    }

    String tool() {
        return tool;
    }

    long elapsedNanos() {
        return System.nanoTime() - startedNanos;
    }

    void requestRead(long bytes) {
        requestBytes = bytes;
    }

    void wrote(long bytes) {
        responseBytes.addAndGet(bytes);
    }

    /** What the request asked: its JSON-RPC method, and the tool it calls, if any. */
    void describe(String method, String tool) {
        this.method = method;
        this.tool = tool == null ? "" : tool;
    }

    /**
     * The response is about to stream (before the request goes asynchronous, so the exchange cannot have ended):
     * told once, however many times it is called.
     */
    void streaming() {
        if (!streamed) {
            streamed = true;
            onStream.run();
        }
    }

    /** Whether the response streamed: the end of such an exchange closes a stream too. */
    boolean streamed() {
        return streamed;
    }

    boolean isAsync() {
        return async;
    }

    /** The response continues after the dispatch returns: the exchange ends when the async context does. */
    void goAsync(AsyncContext context) {
        async = true;
        // the context's response, not the event's: after a plain startAsync() Open Liberty supplies none to events
        HttpServletResponse response = (HttpServletResponse) context.getResponse();
        context.addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                end(response.getStatus());
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                end(response.getStatus());
            }

            @Override
            public void onError(AsyncEvent event) {
                end(response.getStatus());
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                // never started again
            }
        });
    }

    void end(int httpStatus) {
        if (ended.compareAndSet(false, true)) {
            status = httpStatus;
            onEnd.accept(this);
        }
    }
}
