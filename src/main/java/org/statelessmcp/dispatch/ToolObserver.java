package org.statelessmcp.dispatch;

/**
 * Hears what happens to tool calls, for metrics and logs; it observes and never changes behaviour. Implementations
 * must be cheap and thread-safe: they run on the calling threads.
 */
public interface ToolObserver {

    /** Observes nothing. */
    ToolObserver NONE = new ToolObserver() {};

    /**
     * A call ended, however it ended.
     *
     * @param nanos from the call's start to its end
     */
    default void callEnded(String tool, CallStatus status, long nanos) {
    }

    /** A streaming tool emitted one chunk. */
    default void chunkEmitted(String tool) {
    }

    /** A tool threw something that was not a {@code ToolCallException}; the client got a generic message. */
    default void toolCrashed(String tool, String source, Throwable failure) {
    }

    /**
     * A tool declared a failure with a cause; the client got the failure's message only.
     *
     * @param failure the {@code ToolCallException}, whose cause is what the client is not told
     */
    default void toolFailed(String tool, String source, Throwable failure) {
    }

    /** A tool's result could not be serialized. */
    default void resultUnserializable(String tool, Throwable failure) {
    }
}
