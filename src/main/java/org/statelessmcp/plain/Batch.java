package org.statelessmcp.plain;

import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.statelessmcp.api.Caller;
import org.statelessmcp.dispatch.CallTracing;
import org.statelessmcp.dispatch.Outcome;
import org.statelessmcp.dispatch.PendingAnswer;
import org.statelessmcp.protocol.JsonRpcMessage;
import org.statelessmcp.protocol.JsonRpcRequest;

/**
 * A JSON-RPC batch fanned out: every request started at once, the answers kept in the batch's order. Batches are
 * plain JSON-RPC's, and MCP 2025-03-26's too, so a batch may mix tool calls with MCP requests; those go to
 * {@link McpMembers}, which this package knows only as that interface.
 */
public final class Batch {

    /** One answer of the batch's response: to the request with {@code id}. */
    public record Answer(JsonValue id, CompletableFuture<Outcome> outcome) {
    }

    /** What a batch needs of the MCP dialect. */
    public interface McpMembers {

        /** Whether {@code call} is MCP's rather than a tool call. */
        boolean claims(JsonRpcRequest call);

        /** Starts answering an MCP request; a notification's outcome is awaited but not answered. */
        PendingAnswer handle(JsonRpcRequest call);

        /** Whether an MCP request gets an answer: a notification does not. */
        boolean answered(JsonRpcRequest call);

        /** How long an MCP request may take, in seconds. */
        long timeoutSeconds();

        /** Hands a client's answer, to a request a tool sent it, to the call that waits for it. */
        void answer(JsonRpcMessage.Response response);
    }

    /** A request of the batch once started: its answer, its timeout, and whether it can be abandoned. */
    record Member(PendingAnswer answer, long timeoutSeconds, boolean running) {
    }

    private final List<Answer> answers;
    private final List<Runnable> abandons;
    private final CompletableFuture<Void> all;
    private final long timeoutSeconds;

    private Batch(List<Answer> answers, List<Runnable> abandons, CompletableFuture<Void> all, long timeoutSeconds) {
        this.answers = answers;
        this.abandons = abandons;
        this.all = all;
        this.timeoutSeconds = timeoutSeconds;
    }

    static Batch start(List<JsonRpcMessage> messages, PlainJsonRpc plain, Caller caller, McpMembers mcp,
                       Function<JsonRpcRequest, CallTracing.Span> spans) {
        List<Answer> answers = new ArrayList<>(messages.size());
        List<Runnable> abandons = new ArrayList<>();
        List<CompletableFuture<Outcome>> outcomes = new ArrayList<>();
        long longestTimeout = 0;
        for (JsonRpcMessage message : messages) {
            if (message instanceof JsonRpcMessage.Invalid invalid) {
                answers.add(new Answer(invalid.id(), CompletableFuture.completedFuture(
                        new Outcome.Failure(invalid.error()))));
                continue;
            }
            if (message instanceof JsonRpcMessage.Response answer) {
                mcp.answer(answer);
                continue;
            }
            JsonRpcRequest call = (JsonRpcRequest) message;
            boolean isMcp = mcp.claims(call);
            CallTracing.Span span = spans.apply(call);
            Member member;
            try (CallTracing.Scope inSpan = span.enter()) {
                member = isMcp ? new Member(mcp.handle(call), mcp.timeoutSeconds(), true) : plain.member(call, caller);
            }
            if (span != CallTracing.Span.NONE) {
                member.answer().outcome().thenAccept(span::end);
            }
            if (member.running()) {
                abandons.add(member.answer().abandon());
                longestTimeout = Math.max(longestTimeout, member.timeoutSeconds());
            }
            outcomes.add(member.answer().outcome());
            if (!call.isNotification() && (!isMcp || mcp.answered(call))) {
                answers.add(new Answer(call.id(), member.answer().outcome()));
            }
        }
        return new Batch(answers, abandons, CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)),
                longestTimeout);
    }

    /** The answers of the batch's response, in its order; none when it held only notifications and answers. */
    public List<Answer> answers() {
        return answers;
    }

    /** Completes when every request of the batch has its outcome. */
    public CompletableFuture<Void> done() {
        return all;
    }

    /** The longest timeout of the batch's requests, in seconds: how long its response may take. */
    public long timeoutSeconds() {
        return timeoutSeconds;
    }

    /** Abandons every request still running: the client is gone. */
    public void abandon() {
        abandons.forEach(Runnable::run);
    }
}
