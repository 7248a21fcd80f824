package org.statelessmcp.transport;

import jakarta.json.JsonValue;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.function.ToIntFunction;
import org.statelessmcp.dispatch.Outcome;
import org.statelessmcp.protocol.JsonRpcError;
import org.statelessmcp.protocol.JsonRpcWriter;

/** Answering a call that has ended, now or later: shared by both dialects. */
final class Replies {

    /** How long the container keeps an async request beyond the tool's own timeout, as a last resort. */
    private static final long ASYNC_GRACE_MILLIS = 30_000;

    private Replies() {
    }

    /** The JSON-RPC response for {@code outcome}. */
    static String render(JsonValue id, Outcome outcome) {
        if (outcome instanceof Outcome.Success success) {
            return JsonRpcWriter.result(id, success.json());
        }
        if (outcome instanceof Outcome.Failure failure) {
            return JsonRpcWriter.error(id, failure.error());
        }
        return JsonRpcWriter.error(id, JsonRpcError.internalError());
    }

    /**
     * Answers one call with one JSON body: at once with a blocking write when it has ended, else asynchronously
     * when it ends, holding no thread meanwhile. A notification ({@code id == null}) gets 202 and no body.
     *
     * @param abandon cancels the call if the client leaves first
     * @param status the HTTP status of an answer
     * @return the writer of an answer still to come, or {@code null} when the call was answered at once
     */
    static AsyncResponseWriter answer(JsonValue id, CompletableFuture<Outcome> outcome, Runnable abandon,
                                      long timeoutSeconds, long capacity, ToIntFunction<Outcome> status,
                                      HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (outcome.isDone()) {
            if (id == null) {
                HttpResponses.noContent(response, 202);
            } else {
                Outcome result = outcome.join();
                HttpResponses.json(response, status.applyAsInt(result), render(id, result));
            }
            return null;
        }
        AsyncResponseWriter writer = goAsync(request, timeoutSeconds, HttpResponses.JSON,
                AsyncResponseWriter.Framing.NDJSON, capacity);
        writer.onClientGone(abandon);
        outcome.thenAccept(result -> {
            if (result instanceof Outcome.Abandoned) {
                return;
            }
            HttpServletResponse asyncResponse = (HttpServletResponse) request.getAsyncContext().getResponse();
            if (id == null) {
                asyncResponse.setStatus(202);
                writer.finish(null);
            } else {
                asyncResponse.setStatus(status.applyAsInt(result));
                writer.finish(render(id, result));
            }
        });
        return writer;
    }

    /** Switches the request to asynchronous and hands back the writer of its response. */
    static AsyncResponseWriter goAsync(HttpServletRequest request, long timeoutSeconds, String contentType,
                                       AsyncResponseWriter.Framing framing, long capacity)
            throws IOException {
        AsyncContext context = request.startAsync();
        context.setTimeout(timeoutSeconds * 1000 + ASYNC_GRACE_MILLIS);
        context.getResponse().setContentType(contentType);
        return AsyncResponseWriter.start(context, capacity, framing);
    }

    /**
     * Starts a stream: headers committed at once, since some servers hold back the first bytes of a response
     * otherwise, and proxies told not to buffer.
     */
    static AsyncResponseWriter stream(HttpServletRequest request, HttpServletResponse response, long timeoutSeconds,
                                      String contentType, AsyncResponseWriter.Framing framing, long capacity)
            throws IOException {
        response.setContentType(contentType);
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
        Exchange exchange = Exchange.of(request);
        if (exchange != null) {
            exchange.streaming();
        }
        AsyncContext context = request.startAsync();
        context.setTimeout(timeoutSeconds * 1000 + ASYNC_GRACE_MILLIS);
        response.flushBuffer();
        return AsyncResponseWriter.start(context, capacity, framing);
    }
}
