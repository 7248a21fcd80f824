package org.statelessmcp.it.tools;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** What the probe tools saw happen to them, readable through the {@code probe_state} tool. */
@ApplicationScoped
public class ProbeState {

    private final ConcurrentHashMap<String, AtomicInteger> counters = new ConcurrentHashMap<>();

    private final ConcurrentHashMap<String, CountDownLatch> gates = new ConcurrentHashMap<>();

    public CountDownLatch gate(String name) {
        return gates.computeIfAbsent(name, key -> new CountDownLatch(1));
    }

    public void count(String event) {
        counters.computeIfAbsent(event, key -> new AtomicInteger()).incrementAndGet();
    }

    public int get(String event) {
        AtomicInteger counter = counters.get(event);
        return counter == null ? 0 : counter.get();
    }
}
