package org.statelessmcp.cluster;

import java.time.Duration;

/**
 * A shared store whose maps belong to one application: each map's name carries the application's {@link Namespace},
 * so that another application on the same cache has maps of its own, with its own expiry.
 */
final class NamespacedStore implements SharedStore {

    private final SharedStore store;
    private final Namespace namespace;

    NamespacedStore(SharedStore store, Namespace namespace) {
        this.store = store;
        this.namespace = namespace;
    }

    @Override
    public SharedCounters counters(String name, Duration expiry) {
        return store.counters(namespace.qualify(name), expiry);
    }

    @Override
    public SharedStrings strings(String name, Duration expiry) {
        return store.strings(namespace.qualify(name), expiry);
    }

    @Override
    public void probe() {
        store.probe();
    }

    @Override
    public String describe() {
        return store.describe();
    }

    @Override
    public void release() {
        store.release();
    }
}
