package org.statelessmcp.dispatch;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Times out calls that pass their deadline. One periodic sweep serves every call, so a call costs a set insertion
 * and removal rather than a scheduled task; the timeout fires within one sweep interval of the deadline.
 */
public final class DeadlineWatch {

    private final Set<CallControl> calls = ConcurrentHashMap.newKeySet();

    void watch(CallControl call) {
        calls.add(call);
        call.outcome().whenComplete((outcome, failure) -> calls.remove(call));
    }

    /** Times out every overdue call; run it periodically. */
    public void sweep() {
        long now = System.nanoTime();
        for (CallControl call : calls) {
            if (now - call.deadlineNanos() >= 0) {
                call.timeOut();
            }
        }
    }

    /** How many calls are in flight, for diagnostics. */
    public int inFlight() {
        return calls.size();
    }
}
