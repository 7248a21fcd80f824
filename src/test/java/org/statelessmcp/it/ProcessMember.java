package org.statelessmcp.it;

import java.util.List;

/** A cluster member that is one server process the test started itself, its output followed from the start. */
interface ProcessMember extends ClusterMember {

    /** The server's process, as the test started it. */
    ServerProcess process();

    @Override
    default List<String> output() {
        return process().output();
    }

    @Override
    default void kill() throws InterruptedException {
        process().kill();
    }

    @Override
    default void close() throws InterruptedException {
        process().close();
    }
}
