package org.statelessmcp.security;

/**
 * Where the windows' counts live: the container's (clustered) JCache, or this instance's memory. Counts only grow
 * within a window, by compare-and-set, so that every instance sharing the store enforces one limit.
 */
interface WindowCounters {

    /** The count under {@code key}; 0 when there is none. */
    long get(String key, RateLimit.Period period);

    /** Sets the count under {@code key} to {@code next} if it still is {@code expected} (0: absent). */
    boolean compareAndSet(String key, RateLimit.Period period, long expected, long next);

    /**
     * Adds {@code cost} to the count under {@code key} if the sum stays at or below {@code ceiling}, atomically.
     * This default is a compare-and-set loop; a store that can check and add in one operation overrides it.
     *
     * @return the count before the addition when it was made; else {@code -1 - count}, the count it found
     * @throws Contended when other requests won every attempt
     */
    default long addUpTo(String key, RateLimit.Period period, long cost, long ceiling) {
        for (int attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
            long current = get(key, period);
            if (current + cost > ceiling) {
                return -1 - current;
            }
            if (compareAndSet(key, period, current, current + cost)) {
                return current;
            }
        }
        throw new Contended();
    }

    /** How often {@link #addUpTo} retries a lost compare-and-set before it gives up. */
    int CAS_ATTEMPTS = 32;

    /** Other requests kept changing the window first: the request is let through rather than kept waiting. */
    final class Contended extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Contended() {
            super("rate window contended beyond " + CAS_ATTEMPTS + " attempts", null, false, false);
        }
    }

    /** Whether every instance of the cluster sees the same counts. */
    boolean shared();

    /** A short description for the startup log. */
    String describe();
}
