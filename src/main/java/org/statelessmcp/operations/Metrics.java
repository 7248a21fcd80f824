package org.statelessmcp.operations;

import org.statelessmcp.dispatch.ToolObserver;
import org.statelessmcp.security.SecurityObserver;

/**
 * What the server counts: exchanges on {@code /mcp} (in flight, streaming, sizes), tool calls (by tool and status,
 * durations, streamed chunks) and the requests security refused: {@link RegistryMetrics} in the server's registry,
 * through {@link MicroProfileMetrics} where the server has MicroProfile Metrics, {@link MicrometerMetrics} where it
 * offers a Micrometer registry instead (WildFly); {@link #NONE} when metrics are off or the server has neither. Implementations are cheap and thread-safe: they run
 * on the request's threads.
 */
public interface Metrics extends ToolObserver, SecurityObserver {

    /** Counts nothing. */
    Metrics NONE = new Metrics() {};

    /** An exchange began: one more request in flight. */
    default void exchangeStarted() {
    }

    /** An exchange ended, however it ended: one fewer in flight. */
    default void exchangeEnded(long requestBytes, long responseBytes) {
    }

    /**
     * An exchange began streaming its response (NDJSON or Server-Sent Events): one more stream open, until
     * {@link #streamEnded}, which follows exactly once when the exchange ends, however it ends.
     */
    default void streamStarted() {
    }

    /** A streaming exchange ended: one fewer stream open. */
    default void streamEnded() {
    }

    /** The deployment stops: removes what outlives it in the server's registry (none but Micrometer's does). */
    default void close() {
    }
}
