package org.statelessmcp.operations;

import org.statelessmcp.dispatch.ToolObserver;

/**
 * What the server counts: exchanges on {@code /mcp} (in flight, sizes) and tool calls (by tool and status,
 * durations, streamed chunks). {@link #NONE} when metrics are off or the server has no MicroProfile Metrics.
 * Implementations are cheap and thread-safe: they run on the request's threads.
 */
public interface Metrics extends ToolObserver {

    /** Counts nothing. */
    Metrics NONE = new Metrics() { };

    /** An exchange began: one more request in flight. */
    default void exchangeStarted() {
    }

    /** An exchange ended, however it ended: one fewer in flight. */
    default void exchangeEnded(long requestBytes, long responseBytes) {
    }

    /** A request to a protected endpoint was refused for want of valid credentials. */
    default void authFailed(String reason) {
    }

    /** A request was refused with 429: {@code scope} is the limit's kind ({@code global}, {@code tool}). */
    default void rateLimited(String scope) {
    }
}
