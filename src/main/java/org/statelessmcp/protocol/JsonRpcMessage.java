package org.statelessmcp.protocol;

import jakarta.json.JsonValue;

/** One element of a request body: a valid request, or an invalid one that is answered with an error. */
public sealed interface JsonRpcMessage permits JsonRpcRequest, JsonRpcMessage.Invalid {

    /**
     * An element that is not a valid request.
     *
     * @param id the id when one could be read, else {@link JsonValue#NULL} (JSON-RPC answers such errors with null)
     * @param error the error to answer
     */
    record Invalid(JsonValue id, JsonRpcError error) implements JsonRpcMessage {
    }
}
