package org.statelessmcp.api;

import java.util.Optional;

/**
 * Tells a running tool that its call was cancelled: the client sent {@code notifications/cancelled}, went away, or
 * the call's timeout passed. Any tool may declare it as a parameter; the server supplies it.
 *
 * <pre>{@code
 * @Tool(description = "Scans every record")
 * public String scan(Cancellation cancellation) {
 *     cancellation.onCancel(cursor::close);           // a blocking read is woken up
 *     for (Record r : cursor) {
 *         cancellation.skipProcessingIfCancelled();   // or poll: if (cancellation.isCancelled()) ...
 *         check(r);
 *     }
 *     return "done";
 * }
 * }</pre>
 *
 * <p>Once cancelled, the client is answered at once (or not at all, when it left): what the tool returns
 * afterwards is dropped. A blocking tool is also interrupted and a returned {@code CompletionStage} cancelled; this
 * interface is for the work that an interrupt does not reach. {@link #check()}, {@link #skipProcessingIfCancelled()}
 * and {@link OperationCancellationException} are Quarkus MCP Server's.
 */
public interface Cancellation {

    /** Whether the call was cancelled. */
    default boolean isCancelled() {
        return check().isRequested();
    }

    /** Whether the call was cancelled, and why. */
    Result check();

    /**
     * Runs {@code action} once when the call is cancelled, on the thread that cancels it, or at once when it already
     * was. Not run when the call ends normally. Keep it short; an exception it throws is logged.
     */
    void onCancel(Runnable action);

    /** @throws OperationCancellationException when the call was cancelled */
    default void skipProcessingIfCancelled() {
        if (check().isRequested()) {
            throw new OperationCancellationException();
        }
    }

    /**
     * Whether cancellation was requested, and the reason.
     *
     * @param isRequested whether the call was cancelled
     * @param reason why: {@code timeout}, or {@code the client cancelled the request or went away}
     */
    record Result(boolean isRequested, Optional<String> reason) {
    }

    /** Thrown by {@link #skipProcessingIfCancelled()}; the server answers the call as cancelled whatever follows. */
    class OperationCancellationException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public OperationCancellationException() {
            super("the call was cancelled", null, false, false);
        }
    }
}
