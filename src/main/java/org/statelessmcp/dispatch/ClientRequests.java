package org.statelessmcp.dispatch;

import jakarta.json.JsonObject;
import java.util.concurrent.CompletableFuture;
import org.statelessmcp.api.ToolCallException;

/** Sends requests to the client during a call; the client's answer completes the returned future. */
@FunctionalInterface
public interface ClientRequests {

    /** For calls whose client cannot be asked: the seed dialect, or an MCP client that accepts only JSON. */
    ClientRequests NONE = (method, params) -> CompletableFuture.failedFuture(new ToolCallException(
            "this tool asks the client during the call, which needs an MCP client that accepts text/event-stream"));

    CompletableFuture<JsonObject> send(String method, JsonObject params);
}
