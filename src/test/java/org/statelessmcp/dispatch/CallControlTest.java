package org.statelessmcp.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.statelessmcp.protocol.JsonRpcError;

class CallControlTest {

    @Test
    void callEndsOnceWithTheFirstOutcome() {
        CallControl call = new CallControl("t", 30);
        assertTrue(call.complete(new Outcome.Success("1")));
        call.timeOut();
        assertFalse(call.complete(new Outcome.Success("2")));
        assertEquals(new Outcome.Success("1"), call.outcome().join());
        assertFalse(call.isCancelled());
    }

    @Test
    void timeoutEndsTheCallWithTheTimeoutErrorAndCancelsItsStage() {
        CallControl call = new CallControl("slow", 5);
        CompletableFuture<String> stage = new CompletableFuture<>();
        call.pending(stage);
        call.timeOut();
        Outcome.Failure failure = assertInstanceOf(Outcome.Failure.class, call.outcome().join());
        assertEquals(JsonRpcError.TOOL_TIMEOUT, failure.error().code());
        assertTrue(stage.isCancelled());
        assertTrue(call.isCancelled());
    }

    @Test
    void abandonInterruptsTheThreadRunningTheTool() throws Exception {
        CallControl call = new CallControl("t", 30);
        CompletableFuture<Boolean> interrupted = new CompletableFuture<>();
        Thread runner = new Thread(() -> {
            call.enter();
            try {
                Thread.sleep(10_000);
                interrupted.complete(false);
            } catch (InterruptedException e) {
                interrupted.complete(true);
            } finally {
                call.leave();
            }
        });
        runner.start();
        while (runner.getState() != Thread.State.TIMED_WAITING) {
            Thread.onSpinWait();
        }
        call.abandon();
        assertTrue(interrupted.get());
        assertInstanceOf(Outcome.Abandoned.class, call.outcome().join());
        runner.join();
    }

    @Test
    void leavingClearsAnInterruptThatArrivedTooLate() {
        CallControl call = new CallControl("t", 30);
        call.enter();
        Thread.currentThread().interrupt();
        call.leave();
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    void stageRegisteredAfterCancellationIsCancelledAtOnce() {
        CallControl call = new CallControl("t", 30);
        call.abandon();
        CompletableFuture<String> stage = new CompletableFuture<>();
        call.pending(stage);
        assertTrue(stage.isCancelled());
    }

    @Test
    void sweepTimesOutOnlyOverdueCalls() {
        DeadlineWatch watch = new DeadlineWatch();
        CallControl overdue = new CallControl("a", 0);
        CallControl patient = new CallControl("b", 60);
        watch.watch(overdue);
        watch.watch(patient);
        watch.sweep();
        assertTrue(overdue.outcome().isDone());
        assertFalse(patient.outcome().isDone());
        assertEquals(1, watch.inFlight(), "an ended call leaves the watch");
    }
}
