package org.statelessmcp.dispatch;

import jakarta.json.JsonObject;
import java.util.concurrent.CompletableFuture;
import org.statelessmcp.api.InputRequest;
import org.statelessmcp.api.ToolCallException;

/**
 * How the requests a tool sends its client during a call travel: on the call's event stream (MCP 2025), as an
 * {@code input_required} result (MCP 2026-07-28), or nowhere.
 */
public interface ClientRequests {

    /** For calls whose client cannot be asked: plain JSON-RPC, or an MCP 2025 client that accepts only JSON. */
    ClientRequests NONE = new ClientRequests() {
        @Override
        public boolean supports(String capability) {
            return false;
        }

        @Override
        public CompletableFuture<JsonObject> send(InputRequest request) {
            return CompletableFuture.failedFuture(new ToolCallException("this call cannot ask its client: that needs"
                    + " MCP 2026-07-28, or an MCP 2025 client that accepts text/event-stream"));
        }
    };

    /** Whether the client can be sent requests needing {@code capability}. */
    boolean supports(String capability);

    /**
     * Sends one request; the future completes with the client's result, or fails with {@link ToolCallException}
     * when the client refused, or with {@link org.statelessmcp.api.InputRequired} when the call must end here to get
     * the answer.
     */
    CompletableFuture<JsonObject> send(InputRequest request);
}
