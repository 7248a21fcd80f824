package org.statelessmcp.transport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.statelessmcp.dispatch.CallControl;
import org.statelessmcp.dispatch.ChunkSink;
import org.statelessmcp.dispatch.Outcome;
import org.statelessmcp.dispatch.ToolExecutor;
import org.statelessmcp.operations.SmcpConfig;
import org.statelessmcp.protocol.JsonRpcError;
import org.statelessmcp.protocol.JsonRpcMessage;
import org.statelessmcp.protocol.JsonRpcRequest;
import org.statelessmcp.protocol.JsonRpcWriter;
import org.statelessmcp.protocol.ParsedBody;
import org.statelessmcp.registry.ToolHandle;
import org.statelessmcp.registry.ToolRegistry;

/**
 * Answers a parsed JSON-RPC body in the seed dialect ({@code method} = tool name). A call that ends while the
 * request thread still holds it is answered with a direct blocking write; a call that waits (a streaming tool, a
 * {@code CompletionStage}) makes the request asynchronous and is answered through an {@link AsyncResponseWriter},
 * holding no thread meanwhile.
 */
@ApplicationScoped
public class JsonRpcExchange {

    static final String NDJSON = "application/x-ndjson";
    /** How long the container keeps an async request beyond the tool's own timeout, as a last resort. */
    private static final long ASYNC_GRACE_MILLIS = 30_000;

    private final ToolRegistry registry;
    private final ToolExecutor executor;
    private final SmcpConfig config;

    /** For the CDI client proxy only. */
    protected JsonRpcExchange() {
        this(null, null, null);
    }

    @Inject
    public JsonRpcExchange(ToolRegistry registry, ToolExecutor executor, SmcpConfig config) {
        this.registry = registry;
        this.executor = executor;
        this.config = config;
    }

    void answer(ParsedBody body, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (body instanceof ParsedBody.Unusable unusable) {
            HttpResponses.json(response, 400, JsonRpcWriter.error(null, unusable.error()));
        } else if (body instanceof ParsedBody.Single single) {
            if (single.message() instanceof JsonRpcMessage.Invalid invalid) {
                HttpResponses.json(response, 400, JsonRpcWriter.error(invalid.id(), invalid.error()));
            } else {
                answerSingle((JsonRpcRequest) single.message(), request, response);
            }
        } else {
            answerBatch(((ParsedBody.Batch) body).messages(), request, response);
        }
    }

    private void answerSingle(JsonRpcRequest call, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        ToolHandle tool = registry.find(call.method());
        if (tool == null) {
            if (call.isNotification()) {
                HttpResponses.noContent(response, 202);
            } else {
                HttpResponses.json(response, 200, JsonRpcWriter.error(call.id(), JsonRpcError.methodNotFound(call.method())));
            }
            return;
        }
        if (tool.descriptor().streaming() && !call.isNotification()) {
            stream(call, tool, request, response);
            return;
        }
        CallControl control = executor.start(tool, call.params(), ChunkSink.DISCARD);
        CompletableFuture<Outcome> outcome = control.outcome();
        if (outcome.isDone()) {
            writeNow(call, outcome.join(), response);
            return;
        }
        AsyncResponseWriter writer = goAsync(request, tool.descriptor().timeoutSeconds());
        writer.onClientGone(control::abandon);
        outcome.thenAccept(result -> {
            if (result instanceof Outcome.Abandoned) {
                return;
            }
            if (call.isNotification()) {
                ((HttpServletResponse) request.getAsyncContext().getResponse()).setStatus(202);
                writer.finish(null);
            } else {
                writer.finish(render(call.id(), result));
            }
        });
    }

    private void stream(JsonRpcRequest call, ToolHandle tool, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        response.setContentType(NDJSON);
        response.setHeader("Cache-Control", "no-cache");
        // proxies such as nginx would otherwise buffer the stream
        response.setHeader("X-Accel-Buffering", "no");
        AsyncContext context = request.startAsync();
        context.setTimeout(tool.descriptor().timeoutSeconds() * 1000 + ASYNC_GRACE_MILLIS);
        // commit the headers now: some servers hold back the first bytes of a response otherwise
        response.flushBuffer();
        AsyncResponseWriter writer = AsyncResponseWriter.start(context, config.streamBufferSize());
        CallControl control = executor.start(tool, call.params(), writer);
        writer.onClientGone(control::abandon);
        control.outcome().thenAccept(result -> {
            if (!(result instanceof Outcome.Abandoned)) {
                writer.finish(render(call.id(), result) + '\n');
            }
        });
    }

    private void answerBatch(List<JsonRpcMessage> messages, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        List<Pending> answers = new ArrayList<>(messages.size());
        List<CallControl> calls = new ArrayList<>();
        long longestTimeout = 0;
        for (JsonRpcMessage message : messages) {
            if (message instanceof JsonRpcMessage.Invalid invalid) {
                answers.add(new Pending(invalid.id(), CompletableFuture.completedFuture(
                        new Outcome.Failure(invalid.error()))));
                continue;
            }
            JsonRpcRequest call = (JsonRpcRequest) message;
            ToolHandle tool = registry.find(call.method());
            CompletableFuture<Outcome> outcome;
            if (tool == null) {
                outcome = CompletableFuture.completedFuture(new Outcome.Failure(JsonRpcError.methodNotFound(call.method())));
            } else {
                // inside a batch the answer is one array: a streaming tool's chunks have nowhere to go
                CallControl control = executor.start(tool, call.params(), ChunkSink.DISCARD);
                calls.add(control);
                longestTimeout = Math.max(longestTimeout, tool.descriptor().timeoutSeconds());
                outcome = control.outcome();
            }
            if (!call.isNotification()) {
                answers.add(new Pending(call.id(), outcome));
            }
        }
        CompletableFuture<?> all = CompletableFuture.allOf(
                calls.stream().map(CallControl::outcome).toArray(CompletableFuture[]::new));
        if (all.isDone()) {
            writeBatch(answers, response);
            return;
        }
        AsyncResponseWriter writer = goAsync(request, longestTimeout);
        writer.onClientGone(() -> calls.forEach(CallControl::abandon));
        all.thenRun(() -> {
            if (answers.isEmpty()) {
                ((HttpServletResponse) request.getAsyncContext().getResponse()).setStatus(202);
                writer.finish(null);
            } else {
                writer.finish(batchBody(answers));
            }
        });
    }

    private record Pending(JsonValue id, CompletableFuture<Outcome> outcome) {
    }

    private static void writeBatch(List<Pending> answers, HttpServletResponse response) throws IOException {
        if (answers.isEmpty()) {
            HttpResponses.noContent(response, 202);
        } else {
            HttpResponses.json(response, 200, batchBody(answers));
        }
    }

    private static String batchBody(List<Pending> answers) {
        StringBuilder body = new StringBuilder().append('[');
        for (Pending answer : answers) {
            if (body.length() > 1) {
                body.append(',');
            }
            body.append(render(answer.id(), answer.outcome().join()));
        }
        return body.append(']').toString();
    }

    private AsyncResponseWriter goAsync(HttpServletRequest request, long timeoutSeconds) throws IOException {
        AsyncContext context = request.startAsync();
        context.setTimeout(timeoutSeconds * 1000 + ASYNC_GRACE_MILLIS);
        context.getResponse().setContentType(HttpResponses.JSON);
        return AsyncResponseWriter.start(context, config.streamBufferSize());
    }

    private static void writeNow(JsonRpcRequest call, Outcome outcome, HttpServletResponse response) throws IOException {
        if (call.isNotification()) {
            HttpResponses.noContent(response, 202);
        } else {
            HttpResponses.json(response, 200, render(call.id(), outcome));
        }
    }

    static String render(JsonValue id, Outcome outcome) {
        if (outcome instanceof Outcome.Success success) {
            return JsonRpcWriter.result(id, success.json());
        }
        if (outcome instanceof Outcome.Failure failure) {
            return JsonRpcWriter.error(id, failure.error());
        }
        return JsonRpcWriter.error(id, JsonRpcError.internalError());
    }
}
