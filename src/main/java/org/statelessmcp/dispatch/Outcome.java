package org.statelessmcp.dispatch;

import org.statelessmcp.protocol.JsonRpcError;

/** How a call ended. */
public sealed interface Outcome {

    /** The tool returned; {@code json} is its serialized result. */
    record Success(String json) implements Outcome {
    }

    /** The call failed with a JSON-RPC error to report. */
    record Failure(JsonRpcError error) implements Outcome {
    }

    /** The client went away: there is nobody to answer. */
    record Abandoned() implements Outcome {
    }
}
