package org.statelessmcp.api;

import java.math.BigDecimal;
import java.util.function.Function;

/**
 * Counts a call's progress and reports each advance, built by {@link Progress#trackerBuilder()}. Thread-safe: a
 * tool may advance it from several threads.
 *
 * <pre>{@code
 * ProgressTracker tracker = progress.trackerBuilder().setTotal(rows.size()).setDefaultStep(1)
 *         .setMessageBuilder(done -> done + " rows imported").build();
 * rows.forEach(row -> { store(row); tracker.advanceAndForget(); });
 * }</pre>
 */
public interface ProgressTracker {

    /** The token the reports are for, or {@code null} when nobody hears of them. */
    ProgressToken token();

    /**
     * Adds {@code value} to the progress and reports it.
     *
     * @throws IllegalStateException when the progress would pass the total
     */
    void advanceAndForget(BigDecimal value);

    /** Advances by the default step. */
    default void advanceAndForget() {
        advanceAndForget(step());
    }

    default void advanceAndForget(long value) {
        advanceAndForget(BigDecimal.valueOf(value));
    }

    default void advanceAndForget(double value) {
        advanceAndForget(BigDecimal.valueOf(value));
    }

    /** The progress so far. */
    BigDecimal progress();

    /** The total, or {@code null} when unknown. */
    BigDecimal total();

    /** What {@link #advanceAndForget()} adds. */
    BigDecimal step();

    /** Builds a {@link ProgressTracker}. */
    interface Builder {

        Builder setTotal(long total);

        Builder setTotal(double total);

        /** What {@link ProgressTracker#advanceAndForget()} adds; 1 unless set. */
        Builder setDefaultStep(long step);

        Builder setDefaultStep(double step);

        /** Makes each report's message from the progress reached. */
        Builder setMessageBuilder(Function<BigDecimal, String> messageBuilder);

        ProgressTracker build();
    }
}
