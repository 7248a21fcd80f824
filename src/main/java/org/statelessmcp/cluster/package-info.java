/**
 * Shared state: the few values every instance of a cluster must see alike (rate-limit windows, relayed client
 * answers, MCP tasks), kept in the distributed cache the application server offers — never in a store of
 * stateless-mcp's own.
 *
 * <ul>
 *   <li>{@link org.statelessmcp.cluster.SharedStoreDiscovery} finds what the server offers, once, and says so;</li>
 *   <li>{@link org.statelessmcp.cluster.SharedStore} hands out named maps of counters and of strings, each with its
 *       expiry;</li>
 *   <li>one store per kind of cache: JCache (Payara's Hazelcast, or a provider installed as a server library, as on
 *       Open Liberty) and WildFly's Infinispan;</li>
 *   <li>{@link org.statelessmcp.cluster.LocalStrings}, the same contract in one instance's memory, for a server
 *       without a distributed cache.</li>
 * </ul>
 *
 * Keys and values are strings and longs only, so that no class of this WAR has to be known to another member.
 *
 * <p>May use nothing else of stateless-mcp.
 */
package org.statelessmcp.cluster;
