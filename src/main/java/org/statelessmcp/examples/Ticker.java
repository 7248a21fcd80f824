package org.statelessmcp.examples;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs the steps of a loop on a scheduler, one every period, so that a tool waiting between steps holds no thread.
 * One scheduled task per loop, not one per step: Payara captures the thread context of every task handed to a managed
 * executor, and that capture scans the class path (measured: a third of the server's CPU with 2,000 streams when each
 * chunk was scheduled on its own).
 */
final class Ticker {

    private Ticker() {
    }

    /**
     * Runs {@code step} with 1, 2, … {@code count}, {@code periodSeconds} apart (back to back for 0).
     *
     * @return completes with {@code result} after the last step, or with the first exception a step throws;
     *         cancelling it stops the loop
     */
    static <T> CompletionStage<T> repeat(ScheduledExecutorService scheduler, int count, double periodSeconds,
                                         T result, IntConsumer step) {
        CompletableFuture<T> done = new CompletableFuture<>();
        if (count == 0) {
            done.complete(result);
            return done;
        }
        AtomicInteger next = new AtomicInteger(1);
        Runnable tick = () -> {
            if (done.isDone()) {
                return; // finished, failed or cancelled; the schedule is being cancelled
            }
            int current = next.getAndIncrement();
            try {
                step.accept(current);
                if (current == count) {
                    done.complete(result);
                }
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        };
        long periodNanos = (long) (periodSeconds * 1_000_000_000L);
        Future<?> ticks = periodNanos == 0
                ? scheduler.submit(() -> {
                    while (!done.isDone()) {
                        tick.run();
                    }
                })
                : scheduler.scheduleAtFixedRate(tick, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
        done.whenComplete((answer, failure) -> ticks.cancel(false));
        return done;
    }
}
