package org.statelessmcp.security;

/**
 * Quota leasing over the cluster's shared counters: instead of one cache operation per request, an instance takes a
 * block of a window's capacity from the shared count in one operation and admits locally until the block is used.
 *
 * <p><b>Never over the limit.</b> The shared count holds every permit leased, used or not, and a block is taken only
 * while it fits under the window's ceiling, so the requests admitted by all instances together never pass the limit
 * (a killed instance's unused permits are simply lost). A block is tied to its window's key and dies with it.
 *
 * <p><b>Under-admission, bounded.</b> Permits an instance leased and did not use before its caller stopped coming
 * there are lost for the window: at most one block per instance, caller and window. Blocks start at the request's cost
 * and double with each block the caller uses up in the window (so a caller's rate decides how much an instance asks
 * for), but never exceed a quarter of what the window had left at the instance's last look, nor an eighth of the
 * ceiling: near the limit they are one request, and a small limit stays exact request by request.
 *
 * <p>With one instance nothing is lost: its headers and decisions are those of the per-request count.
 */
final class LeasedWindowCounters implements WindowCounters {

    /** The largest block, as a fraction of the window's ceiling. */
    static final int CEILING_SHARE = 8;
    /** The largest block, as a fraction of what the window had left. */
    static final int LEFT_SHARE = 4;

    /** One instance's permits for one caller's window. */
    private static final class Lease {
        /** Leased and not yet used. */
        long available;
        /** The shared count when this instance last took a block (or was refused one). */
        long sharedSeen;
        /** The size of the next block, before the caps. */
        long step = 1;
    }

    private final WindowCounters shared;
    private final WindowMaps<Lease> leases = new WindowMaps<>();

    LeasedWindowCounters(WindowCounters shared) {
        this.shared = shared;
    }

    @Override
    public long get(String key, RateLimit.Period period) {
        return shared.get(key, period);
    }

    @Override
    public boolean compareAndSet(String key, RateLimit.Period period, long expected, long next) {
        return shared.compareAndSet(key, period, expected, next);
    }

    /**
     * Admits from this instance's block when it holds enough, else takes a new block from the shared count (a second
     * operation only when the block asked for no longer fits, for what still does).
     *
     * @return as {@link WindowCounters#addUpTo}: the count before this request as this instance sees it (the shared
     *         count less what it still holds), or {@code -1 - count} when refused
     */
    @Override
    public long addUpTo(String key, RateLimit.Period period, long cost, long ceiling) {
        Lease lease = leases.of(period).computeIfAbsent(key, ignored -> new Lease());
        synchronized (lease) {
            if (lease.available >= cost) {
                lease.available -= cost;
                return lease.sharedSeen - lease.available - cost;
            }
            long block = Math.max(cost, Math.min(lease.step,
                    Math.min(ceiling / CEILING_SHARE, (ceiling - lease.sharedSeen) / LEFT_SHARE)));
            long before = shared.addUpTo(key, period, block, ceiling);
            if (before < 0 && ceiling - (-1 - before) >= cost && ceiling - (-1 - before) < block) {
                block = ceiling - (-1 - before);
                before = shared.addUpTo(key, period, block, ceiling);
            }
            if (before < 0) {
                lease.sharedSeen = -1 - before;
                return before;
            }
            lease.sharedSeen = before + block;
            lease.available += block - cost;
            lease.step = Math.max(lease.step, block) * 2;
            return lease.sharedSeen - lease.available - cost;
        }
    }

    @Override
    public boolean shared() {
        return shared.shared();
    }

    @Override
    public String describe() {
        return shared.describe() + ", leased to each instance in blocks (smcp.rate-limit.mode=leased)";
    }
}
