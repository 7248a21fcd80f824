package org.statelessmcp.operations;

/**
 * The request a thread is serving, for the log lines it writes: set where a request is first served, on the request
 * thread, carried to the managed executor's threads with the tool calls that run there, and read by the log handler.
 *
 * <p>A static {@link ThreadLocal} on purpose: java.util.logging creates handlers and filters itself, outside CDI,
 * and this is the one way they can see the request behind a record.
 */
public final class LogContext {

    /** The request id and, once known, the tool being called. */
    public record Current(String requestId, String tool) {

        public Current withTool(String name) {
            return new Current(requestId, name);
        }
    }

    private static final ThreadLocal<Current> CURRENT = new ThreadLocal<>();

    private LogContext() {
    }

    /** The request the current thread serves, or {@code null}. */
    public static Current current() {
        return CURRENT.get();
    }

    /** Marks the current thread as serving {@code current} until the returned scope closes. */
    public static Scope enter(Current current) {
        Current previous = CURRENT.get();
        CURRENT.set(current);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    /** Names the tool the current thread now calls, if it serves a request. */
    public static void tool(String name) {
        Current current = CURRENT.get();
        if (current != null) {
            CURRENT.set(current.withTool(name));
        }
    }

    /** {@code task}, run with the request context of the thread that wraps it. */
    public static Runnable carry(Runnable task) {
        Current current = CURRENT.get();
        if (current == null) {
            return task;
        }
        return () -> {
            try (Scope scope = enter(current)) {
                task.run();
            }
        };
    }

    /** Ends what {@link #enter} began; never throws. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
