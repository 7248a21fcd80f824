package org.statelessmcp.operations;

import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * A server's metrics registry as the four kinds of meter {@link RegistryMetrics} records: what differs between
 * MicroProfile Metrics and Micrometer is only how a meter is registered and named, never what is counted. Tags are
 * given as name, value, name, value, …; each meter is asked for once and then kept by {@link RegistryMetrics}.
 */
interface Meters {

    /** A counter: what increments it. */
    Runnable counter(String name, String description, String... tags);

    /** A timer of tool calls: what records one duration, in nanoseconds. */
    LongConsumer timer(String name, String description, String... tags);

    /** A distribution of sizes in bytes ({@code name} without a unit): what records one size. */
    LongConsumer bytes(String name, String description);

    /** A gauge, read whenever the server exports. */
    void gauge(String name, String description, LongSupplier value, String... tags);

    /** The deployment stops: removes what the registry would keep after it. */
    default void close() {
    }
}
