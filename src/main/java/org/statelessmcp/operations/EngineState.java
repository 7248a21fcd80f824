package org.statelessmcp.operations;

import org.statelessmcp.mcp.AnswerRelay;

/**
 * What the health checks ask of the assembled engine. An interface here rather than the composition root itself, so
 * that what reports health does not depend on what builds the engine.
 */
public interface EngineState {

    /** Whether every call's deadline is still watched: the timeout sweep runs. */
    boolean sweeping();

    /** How client answers travel between instances. */
    AnswerRelay relay();
}
