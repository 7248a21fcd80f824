package com.example.orders;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What the cancellable tool of {@link OrderTools} saw, by order, for a later call to report. */
@ApplicationScoped
public class CancellationLedger {

    private final Map<String, String> reasons = new ConcurrentHashMap<>();
    private final Map<String, Boolean> callbacks = new ConcurrentHashMap<>();
    private final Map<String, Boolean> began = new ConcurrentHashMap<>();

    void began(String order) {
        began.put(order, true);
    }

    void sawCancellation(String order, String reason) {
        reasons.put(order, reason);
    }

    void callbackRan(String order) {
        callbacks.put(order, true);
    }

    Map<String, Object> report(String order) {
        return Map.of("began", began.getOrDefault(order, false), "cancelled", reasons.containsKey(order),
                "reason", reasons.getOrDefault(order, ""), "callback", callbacks.getOrDefault(order, false));
    }
}
