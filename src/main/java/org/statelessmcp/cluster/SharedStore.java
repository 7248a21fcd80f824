package org.statelessmcp.cluster;

import java.time.Duration;

/**
 * The server's distributed cache, as named maps that every instance of the cluster shares. Each map's entries expire
 * {@code expiry} after they were written, so nothing shared outlives its use.
 */
public interface SharedStore {

    /** Counts under string keys, changed only atomically. */
    SharedCounters counters(String name, Duration expiry);

    /** Strings under string keys. */
    SharedStrings strings(String name, Duration expiry);

    /** Whether the cache answers now. */
    default boolean reachable() {
        try {
            probe();
            return true;
        } catch (RuntimeException unreachable) {
            return false;
        }
    }

    /** One read of a key nobody writes; throws when the cache does not answer. */
    void probe();

    /** What the store is, for the startup log: which server facility, which cache. */
    String describe();

    /**
     * Releases what this deployment started for the store, as it stops: a cache member of its own leaves the cluster
     * (its entries stay with the others), so that the next deployment starts a fresh one. The container's own cache
     * stays as it is.
     */
    default void release() {
    }
}
