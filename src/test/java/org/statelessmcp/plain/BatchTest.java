package org.statelessmcp.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.statelessmcp.api.Caller;
import org.statelessmcp.dispatch.Outcome;
import org.statelessmcp.dispatch.PendingAnswer;
import org.statelessmcp.dispatch.ToolAccess;
import org.statelessmcp.protocol.JsonRpcError;
import org.statelessmcp.protocol.JsonRpcMessage;
import org.statelessmcp.protocol.JsonRpcParser;
import org.statelessmcp.protocol.JsonRpcRequest;
import org.statelessmcp.protocol.ParsedBody;
import org.statelessmcp.registry.ToolExtension;
import org.statelessmcp.registry.ToolRegistry;

class BatchTest {

    private final PlainJsonRpc plain = new PlainJsonRpc(new ToolRegistry(new ToolExtension(), null), null,
            ToolAccess.OPEN);
    private final FakeMcp mcp = new FakeMcp();

    /** The MCP side of a batch, answering each request when the test says so. */
    private static final class FakeMcp implements Batch.McpMembers {

        final List<String> handled = new ArrayList<>();
        final List<JsonRpcMessage.Response> answers = new ArrayList<>();
        final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        int abandoned;

        @Override
        public boolean claims(JsonRpcRequest call) {
            return call.method().contains("/");
        }

        @Override
        public PendingAnswer handle(JsonRpcRequest call) {
            handled.add(call.method());
            return new PendingAnswer(outcome, () -> abandoned++);
        }

        @Override
        public boolean answered(JsonRpcRequest call) {
            return !call.method().startsWith("notifications/");
        }

        @Override
        public long timeoutSeconds() {
            return 42;
        }

        @Override
        public void answer(JsonRpcMessage.Response response) {
            answers.add(response);
        }
    }

    private Batch start(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ParsedBody.Batch batch = (ParsedBody.Batch) new JsonRpcParser(64, 100, 1 << 20, 1000, 64,
                Set.of("tools/call", "prompts/get")).parse(bytes, bytes.length);
        return plain.batch(batch.messages(), Caller.ANONYMOUS, mcp);
    }

    @Test
    void answersFollowTheBatchsOrderAndLeaveOutNotificationsAndClientAnswers() {
        Batch batch = start("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"no_such_tool\"},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"no_such_tool\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":\"r\",\"result\":{}},"
                + "{\"jsonrpc\":\"2.0\",\"id\":3}]");
        assertEquals(List.of("1", "2", "3"), batch.answers().stream().map(answer -> answer.id().toString()).toList());
        assertEquals(List.of("tools/list", "notifications/initialized"), mcp.handled);
        assertEquals(1, mcp.answers.size(), "the client's answer goes to the MCP side");
        Outcome unknown = batch.answers().get(1).outcome().join();
        assertEquals(JsonRpcError.METHOD_NOT_FOUND, ((Outcome.Failure) unknown).error().code());
    }

    @Test
    void theBatchIsDoneWhenEveryRequestIsAndMayTakeTheLongestTimeout() {
        Batch batch = start("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"no_such_tool\"}]");
        assertFalse(batch.done().isDone());
        assertEquals(42, batch.timeoutSeconds());
        mcp.outcome.complete(new Outcome.Success("{}", null));
        assertTrue(batch.done().isDone());
    }

    @Test
    void abandoningTheBatchAbandonsEveryRunningRequestButNotTheRefusedOnes() {
        Batch batch = start("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"prompts/list\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"no_such_tool\"}]");
        batch.abandon();
        assertEquals(2, mcp.abandoned);
    }

    @Test
    void aBatchOfRefusedToolCallsIsDoneAtOnceWithinNoTimeout() {
        Batch batch = start("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"no_such_tool\"}]");
        assertTrue(batch.done().isDone());
        assertEquals(0, batch.timeoutSeconds());
    }
}
