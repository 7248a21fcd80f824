package org.statelessmcp.dispatch;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.statelessmcp.protocol.JsonRpcError;

/**
 * The life of one tool call: it ends exactly once, by completing, timing out or being abandoned by its client.
 * Ending it by timeout or abandonment interrupts the thread running blocking tool code and cancels the tool's
 * {@code CompletionStage}, so the tool sees the cancellation.
 */
public final class CallControl {

    private enum State { RUNNING, ENDED }

    private final String tool;
    private final long timeoutSeconds;
    private final long deadlineNanos;
    private final AtomicReference<State> state = new AtomicReference<>(State.RUNNING);
    private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
    private final Object runnerLock = new Object();
    private Thread runner;
    private volatile Future<?> pending;
    private volatile boolean cancelled;

    public CallControl(String tool, long timeoutSeconds) {
        this.tool = tool;
        this.timeoutSeconds = timeoutSeconds;
        this.deadlineNanos = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
    }

    public String tool() {
        return tool;
    }

    long deadlineNanos() {
        return deadlineNanos;
    }

    /** Completes when the call ends, once. */
    public CompletableFuture<Outcome> outcome() {
        return outcome;
    }

    /** Whether the call was ended by timeout or by its client leaving. */
    public boolean isCancelled() {
        return cancelled;
    }

    public boolean isRunning() {
        return state.get() == State.RUNNING;
    }

    /** Ends the call with {@code result}, unless it has already ended. */
    boolean complete(Outcome result) {
        if (state.compareAndSet(State.RUNNING, State.ENDED)) {
            outcome.complete(result);
            return true;
        }
        return false;
    }

    /** Ends the call with the timeout error. */
    void timeOut() {
        cancelWith(new Outcome.Failure(JsonRpcError.timeout(tool, timeoutSeconds)));
    }

    /** Ends the call because its client is gone. */
    public void abandon() {
        cancelWith(new Outcome.Abandoned());
    }

    private void cancelWith(Outcome result) {
        if (state.compareAndSet(State.RUNNING, State.ENDED)) {
            cancelled = true;
            synchronized (runnerLock) {
                if (runner != null) {
                    runner.interrupt();
                }
            }
            Future<?> stage = pending;
            if (stage != null) {
                stage.cancel(true);
            }
            outcome.complete(result);
        }
    }

    /** The current thread runs the tool's blocking code until {@link #leave()}. */
    void enter() {
        synchronized (runnerLock) {
            runner = Thread.currentThread();
        }
    }

    /** Clears any interrupt meant for the tool, so it never leaks to the container's next use of this thread. */
    void leave() {
        synchronized (runnerLock) {
            runner = null;
        }
        Thread.interrupted();
    }

    /** The tool answered with a stage; cancelling the call cancels it. */
    void pending(Future<?> stage) {
        this.pending = stage;
        if (cancelled) {
            stage.cancel(true);
        }
    }
}
