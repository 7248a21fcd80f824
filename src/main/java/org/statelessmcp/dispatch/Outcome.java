package org.statelessmcp.dispatch;

import org.statelessmcp.protocol.JsonRpcError;

/** How a call ended. */
public sealed interface Outcome {

    /**
     * The call answered.
     *
     * @param json the serialized result
     * @param value what the tool returned, for dialects that render some values their own way; may be null
     */
    record Success(String json, Object value) implements Outcome {

        public Success(String json) {
            this(json, null);
        }
    }

    /**
     * The call failed with a JSON-RPC error to report.
     *
     * @param internal whether the server failed rather than the tool declaring a failure: the tool crashed, its
     *                 result could not be written, or it could not be started. Over MCP both are error results of
     *                 a call, but a task that fails so ends {@code failed}, not {@code completed}.
     */
    record Failure(JsonRpcError error, boolean internal) implements Outcome {

        public Failure(JsonRpcError error) {
            this(error, false);
        }
    }

    /** The client went away: there is nobody to answer. */
    record Abandoned() implements Outcome {
    }

    /**
     * The tool stopped on a question its client answers only in a later request (MCP 2026-07-28's
     * {@code input_required}); the dialect builds the answer from what was asked.
     */
    record Suspended(String reason) implements Outcome {
    }
}
