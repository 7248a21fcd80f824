package org.statelessmcp.it;

import java.net.URI;
import java.util.List;
import org.statelessmcp.testkit.McpTestClient;

/** One instance of a cluster a test starts itself, on loopback, on whichever server the build tests. */
interface ClusterMember extends AutoCloseable {

    /** The URL of the WAR's {@code /mcp}. */
    default String mcpUrl() {
        return kit().endpoint().toString();
    }

    /** The test kit's client of this instance, in the plain dialect. */
    McpTestClient kit();

    /** A MicroProfile Health probe ({@code live}, {@code ready}, {@code started}) where this server serves it. */
    URI probe(String name);

    /** Everything the server printed so far. */
    List<String> output();

    /** Kills the server as a crash would ({@code SIGKILL}), and whatever it started: nothing says goodbye. */
    void kill() throws InterruptedException;

    /** Stops the server and whatever it started. */
    @Override
    void close() throws InterruptedException;
}
