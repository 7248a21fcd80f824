package org.statelessmcp.api;

import java.math.BigDecimal;
import java.util.concurrent.CompletionStage;

/**
 * One progress report of a call, built by {@link Progress#notificationBuilder()}.
 *
 * <pre>{@code
 * progress.notificationBuilder().setProgress(done).setTotal(all).setMessage("copied " + done + " rows")
 *         .build().sendAndForget();
 * }</pre>
 *
 * <p>Progress must increase from one report to the next, as MCP requires; the total may be left out when unknown.
 */
public interface ProgressNotification {

    /** The token the report is for, or {@code null} when nobody hears of it. */
    ProgressToken token();

    /** The total, or {@code null} when unknown. */
    BigDecimal total();

    BigDecimal progress();

    /** A message for the user, or {@code null}. */
    String message();

    /**
     * Sends the report, waiting while the client's stream is full. Does nothing when nobody hears of this call's
     * progress, or once the call has ended.
     */
    void sendAndForget();

    /** Sends the report and answers a completed stage: for code that chains on sending. */
    default CompletionStage<Void> send() {
        sendAndForget();
        return java.util.concurrent.CompletableFuture.completedFuture(null);
    }

    /** Builds a {@link ProgressNotification}. */
    interface Builder {

        Builder setProgress(long progress);

        Builder setProgress(double progress);

        Builder setTotal(long total);

        Builder setTotal(double total);

        Builder setMessage(String message);

        /** @throws IllegalStateException when no progress was set */
        ProgressNotification build();
    }
}
