package org.statelessmcp.dispatch;

import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.statelessmcp.protocol.JsonRpcError;

/**
 * The answer to one request that may still be on its way, whichever dialect asked: its outcome, and how to abandon
 * it when the client leaves. Transport writes it however the client reads (JSON, NDJSON or SSE).
 */
public record PendingAnswer(CompletableFuture<Outcome> outcome, Runnable abandon) {

    public static PendingAnswer done(Outcome outcome) {
        return new PendingAnswer(CompletableFuture.completedFuture(outcome), () -> {});
    }

    public static PendingAnswer result(String json) {
        return done(new Outcome.Success(json));
    }

    public static PendingAnswer error(JsonRpcError error) {
        return done(new Outcome.Failure(error));
    }

    public PendingAnswer map(UnaryOperator<Outcome> change) {
        return new PendingAnswer(outcome.thenApply(change), abandon);
    }
}
