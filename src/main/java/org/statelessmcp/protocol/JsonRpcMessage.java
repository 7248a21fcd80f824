package org.statelessmcp.protocol;

import jakarta.json.JsonValue;

/**
 * One element of a request body: a valid request, a response the client sends back (MCP clients answer server
 * requests this way), or an invalid element that is answered with an error.
 */
public sealed interface JsonRpcMessage permits JsonRpcRequest, JsonRpcMessage.Invalid, JsonRpcMessage.Response {

    /**
     * A JSON-RPC response from the client: it has an {@code id} and a {@code result} or an {@code error}, and no
     * {@code method}. It is acknowledged and never answered.
     *
     * @param id the id of the request it answers
     * @param body the whole response object
     */
    record Response(JsonValue id, jakarta.json.JsonObject body) implements JsonRpcMessage {
    }

    /**
     * An element that is not a valid request.
     *
     * @param id the id when one could be read, else {@link JsonValue#NULL} (JSON-RPC answers such errors with null)
     * @param error the error to answer
     */
    record Invalid(JsonValue id, JsonRpcError error) implements JsonRpcMessage {
    }
}
