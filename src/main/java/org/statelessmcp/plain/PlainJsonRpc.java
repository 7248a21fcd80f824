package org.statelessmcp.plain;

import java.util.List;
import java.util.function.Function;
import org.statelessmcp.api.Caller;
import org.statelessmcp.dispatch.CallTracing;
import org.statelessmcp.dispatch.PendingAnswer;
import org.statelessmcp.dispatch.ToolAccess;
import org.statelessmcp.dispatch.ToolExecutor;
import org.statelessmcp.protocol.JsonRpcError;
import org.statelessmcp.protocol.JsonRpcMessage;
import org.statelessmcp.protocol.JsonRpcRequest;
import org.statelessmcp.registry.ToolHandle;
import org.statelessmcp.registry.ToolRegistry;

/**
 * The plain JSON-RPC dialect of {@code POST /mcp}, the one the Python stateless-mcp speaks, kept so that its clients
 * work unchanged: the method is a tool's name, {@code params} its arguments, the result the tool's value; no
 * handshake and no MCP header. Finds the tool a request calls and checks that the caller may call it; transport
 * writes the answer, as JSON or, for a tool that streams or reports progress, as NDJSON lines ({@link PlainChannel}).
 */
public final class PlainJsonRpc {

    private final ToolRegistry registry;
    private final ToolExecutor executor;
    private final ToolAccess access;

    public PlainJsonRpc(ToolRegistry registry, ToolExecutor executor, ToolAccess access) {
        this.registry = registry;
        this.executor = executor;
        this.access = access;
    }

    /** Whether a request may run: a {@link PlainCall} ready to start, or {@link Refused}. */
    public sealed interface Admission permits PlainCall, Refused {
    }

    /** The error that refuses a request: no tool has its method's name, or the caller's roles do not allow it. */
    public record Refused(JsonRpcError error) implements Admission {
    }

    /** Whether {@code call}, made by {@code caller}, may run. */
    public Admission admit(JsonRpcRequest call, Caller caller) {
        ToolHandle tool = registry.find(call.method());
        if (tool == null) {
            return new Refused(JsonRpcError.methodNotFound(call.method()));
        }
        if (!access.permits(tool.descriptor(), caller)) {
            return new Refused(JsonRpcError.forbidden(call.method()));
        }
        return new PlainCall(tool, call, caller, executor);
    }

    /**
     * Starts every request of a batch at once; see {@link Batch}.
     *
     * @param mcp answers the members that are MCP's, which a 2025-03-26 client may mix with tool calls
     */
    public Batch batch(List<JsonRpcMessage> messages, Caller caller, Batch.McpMembers mcp) {
        return batch(messages, caller, mcp, call -> CallTracing.Span.NONE);
    }

    /**
     * Starts every request of a batch at once, each in its own span.
     *
     * @param spans starts a request's span, which is current while the request starts and ends with its outcome
     */
    public Batch batch(List<JsonRpcMessage> messages, Caller caller, Batch.McpMembers mcp,
                       Function<JsonRpcRequest, CallTracing.Span> spans) {
        return Batch.start(messages, this, caller, mcp, spans);
    }

    /** A request of a batch, started quietly: the answer is one array, where a tool's chunks have nowhere to go. */
    Batch.Member member(JsonRpcRequest call, Caller caller) {
        Admission admission = admit(call, caller);
        if (admission instanceof Refused refused) {
            return new Batch.Member(PendingAnswer.error(refused.error()), 0, false);
        }
        PlainCall admitted = (PlainCall) admission;
        return new Batch.Member(admitted.startQuietly(), admitted.timeoutSeconds(), true);
    }
}
