package org.statelessmcp.protocol;

import java.util.List;

/** What a request body turned out to be. */
public sealed interface ParsedBody {

    /** A single request object (valid or not). */
    record Single(JsonRpcMessage message) implements ParsedBody {
    }

    /** A batch array of at least one element. */
    record Batch(List<JsonRpcMessage> messages) implements ParsedBody {
        public Batch {
            messages = List.copyOf(messages);
        }
    }

    /** A body that is not JSON at all, or an empty batch: answered with one error and a null id. */
    record Unusable(JsonRpcError error) implements ParsedBody {
    }
}
