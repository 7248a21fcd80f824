package org.statelessmcp.dispatch;

import java.util.ArrayList;
import java.util.List;
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
    private volatile String cancelReason;
    /** What the tool asked to run when the call is cancelled; {@code null} once it has run. */
    private List<Runnable> cancelActions = new ArrayList<>();

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
            synchronized (runnerLock) {
                cancelActions = null; // ended normally: the actions never run
            }
            outcome.complete(result);
            return true;
        }
        return false;
    }

    /** Why the call was cancelled, or {@code null} while it was not. */
    public String cancelReason() {
        return cancelReason;
    }

    /** Ends the call with the timeout error. */
    void timeOut() {
        cancelWith(new Outcome.Failure(JsonRpcError.timeout(tool, timeoutSeconds)), "timeout");
    }

    /** Ends the call because its client is gone, or cancelled it. */
    public void abandon() {
        cancelWith(new Outcome.Abandoned(), "the client cancelled the request or went away");
    }

    /**
     * Runs {@code action} once if the call is cancelled: later, on the cancelling thread, or now when it already was.
     */
    void onCancel(Runnable action) {
        synchronized (runnerLock) {
            if (cancelActions != null) {
                cancelActions.add(action);
                return;
            }
        }
        if (cancelled) {
            action.run();
        }
    }

    private void cancelWith(Outcome result, String reason) {
        if (state.compareAndSet(State.RUNNING, State.ENDED)) {
            cancelReason = reason;
            cancelled = true;
            List<Runnable> actions;
            synchronized (runnerLock) {
                actions = cancelActions;
                cancelActions = null;
            }
            for (Runnable action : actions) {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    // a tool's clean-up must not stop the cancellation; the call still ends
                    java.util.logging.Logger.getLogger("org.statelessmcp.tools").log(java.util.logging.Level.WARNING,
                            e, () -> "A cancellation action of '" + tool + "' failed");
                }
            }
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
