package org.statelessmcp.plain;

import org.statelessmcp.api.Caller;
import org.statelessmcp.dispatch.CallContext;
import org.statelessmcp.dispatch.CallControl;
import org.statelessmcp.dispatch.ChunkSink;
import org.statelessmcp.dispatch.ClientRequests;
import org.statelessmcp.dispatch.PendingAnswer;
import org.statelessmcp.dispatch.ToolExecutor;
import org.statelessmcp.dispatch.ToolResultJson;
import org.statelessmcp.protocol.JsonRpcRequest;
import org.statelessmcp.registry.ToolHandle;

/**
 * A plain JSON-RPC request admitted to run: its tool, and the two ways it starts. Its answer is the tool's value, or
 * a JSON-RPC error when the tool answered with an error ({@link ToolResultJson#plain}).
 */
public final class PlainCall implements PlainJsonRpc.Admission {

    private final ToolHandle tool;
    private final JsonRpcRequest call;
    private final Caller caller;
    private final ToolExecutor executor;

    PlainCall(ToolHandle tool, JsonRpcRequest call, Caller caller, ToolExecutor executor) {
        this.tool = tool;
        this.call = call;
        this.caller = caller;
        this.executor = executor;
    }

    /** The tool's timeout, in seconds. */
    public long timeoutSeconds() {
        return tool.descriptor().timeoutSeconds();
    }

    /**
     * Whether the answer is worth streaming: the tool streams chunks, or it reports progress or logs and the client
     * named NDJSON in {@code accept}.
     */
    public boolean streams(String accept) {
        return tool.descriptor().streaming() || (tool.descriptor().notifies() && PlainChannel.asked(accept));
    }

    /** Starts the call, its chunks, progress and log messages written to {@code lines} before its answer. */
    public PendingAnswer start(ChunkSink lines) {
        return answer(executor.start(tool, call.params(), new CallContext(call.id(), caller,
                tool.descriptor().streaming() ? lines : ChunkSink.DISCARD, new PlainChannel(call.id(), lines),
                ClientRequests.NONE)));
    }

    /** Starts the call with nothing sent before its answer. */
    public PendingAnswer startQuietly() {
        return answer(executor.start(tool, call.params(), CallContext.quiet(call.id(), caller)));
    }

    private PendingAnswer answer(CallControl control) {
        String name = tool.descriptor().name();
        return new PendingAnswer(control.outcome().thenApply(result -> ToolResultJson.plain(result, name)),
                control::abandon);
    }
}
