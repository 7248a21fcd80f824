package org.statelessmcp.dispatch;

import jakarta.json.JsonValue;
import org.statelessmcp.api.Caller;
import org.statelessmcp.api.TaskHandoff;

/**
 * What a dialect tells the engine about one tool call besides its arguments: who asked under which id, and how the
 * call can reach its client while it runs.
 *
 * @param requestId the JSON-RPC id, or {@code null} for a notification
 * @param caller who made the request
 * @param chunks where a streaming tool's chunks go
 * @param channel where progress reports and log messages go
 * @param requests how the tool's questions to its client travel
 * @param handoff what the tool's {@code TaskHandoff} does
 * @param background whether the call runs apart from any request (a task): never on the calling thread
 */
public record CallContext(JsonValue requestId, Caller caller, ChunkSink chunks, ClientChannel channel,
                          ClientRequests requests, TaskHandoff handoff, boolean background) {

    /** For calls that cannot become tasks. */
    public static final TaskHandoff NO_HANDOFF = () -> false;

    public CallContext {
        caller = caller == null ? Caller.ANONYMOUS : caller;
        chunks = chunks == null ? ChunkSink.DISCARD : chunks;
        channel = channel == null ? ClientChannel.NONE : channel;
        requests = requests == null ? ClientRequests.NONE : requests;
        handoff = handoff == null ? NO_HANDOFF : handoff;
    }

    public CallContext(JsonValue requestId, Caller caller, ChunkSink chunks, ClientChannel channel,
                       ClientRequests requests) {
        this(requestId, caller, chunks, channel, requests, NO_HANDOFF, false);
    }

    /** A call whose client hears nothing before the answer and cannot be asked anything. */
    public static CallContext quiet(JsonValue requestId, Caller caller) {
        return new CallContext(requestId, caller, ChunkSink.DISCARD, ClientChannel.NONE, ClientRequests.NONE);
    }

    /** Whether the client hears of the call while it runs: its chunks, progress or log messages. */
    boolean live() {
        return chunks != ChunkSink.DISCARD || channel != ClientChannel.NONE;
    }
}
