package org.statelessmcp.boot;

import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The engine's periodic housekeeping (deadlines, relayed answers, tasks) on one thread of its own, made by the
 * container's {@code ManagedThreadFactory}. Not on the container's managed scheduler: WildFly refuses that scheduler's
 * runs once it suspends for shutdown, and logs an error for each ({@code WFLYEE0110}), while these sweeps only stop
 * with the application. A sweep that fails (the distributed cache briefly unreachable) runs again at its next period
 * and says so at most every 30 s, instead of being silently cancelled as a periodic task that throws would be.
 */
final class Sweeps implements AutoCloseable {

    /** The name the logger had before the class moved to {@code boot}: log settings and log readers select by it. */
    private static final Logger LOG = Logger.getLogger("org.statelessmcp.operations.Sweeps");
    private static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final ScheduledThreadPoolExecutor scheduler;

    Sweeps(ThreadFactory threads) {
        this.scheduler = new ScheduledThreadPoolExecutor(1, threads);
        scheduler.setRemoveOnCancelPolicy(true);
    }

    /** Runs {@code sweep} every {@code period}, until {@link #close()}. */
    void every(Duration period, String what, Runnable sweep) {
        AtomicLong lastReported = new AtomicLong(System.nanoTime() - QUIET_NANOS);
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                sweep.run();
            } catch (RuntimeException e) {
                long now = System.nanoTime();
                long last = lastReported.get();
                if (now - last >= QUIET_NANOS && lastReported.compareAndSet(last, now)) {
                    LOG.log(Level.WARNING, e, () -> "The " + what + " sweep failed; it runs again every "
                            + period.toMillis() + " ms");
                }
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether the sweeps still run. */
    boolean running() {
        return !scheduler.isShutdown();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
