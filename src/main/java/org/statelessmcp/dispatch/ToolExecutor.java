package org.statelessmcp.dispatch;

import jakarta.json.JsonValue;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.statelessmcp.api.Emitter;
import org.statelessmcp.api.TextContent;
import org.statelessmcp.api.ToolCallException;
import org.statelessmcp.api.ToolResponse;
import org.statelessmcp.protocol.JsonRpcError;
import org.statelessmcp.registry.InvalidArgumentException;
import org.statelessmcp.registry.Parameter;
import org.statelessmcp.registry.ToolDescriptor;
import org.statelessmcp.registry.ToolHandle;

/**
 * Runs tool calls. A plain tool runs on the calling thread: for the one-shot calls that make up most traffic this
 * is the cheapest place. A blocking streaming tool, or one that asks the client during the call, runs on the
 * managed executor, because its caller has gone asynchronous and must not hold the request thread. A tool that returns a {@code CompletionStage} is invoked on
 * the calling thread and answers whenever its stage completes, holding no thread while it waits. Every call is
 * watched for its deadline.
 */
public final class ToolExecutor {

    private final Executor blockingExecutor;
    private final DeadlineWatch deadlines;
    private final JsonCodec codec;
    private final ToolObserver observer;

    public ToolExecutor(Executor blockingExecutor, DeadlineWatch deadlines, JsonCodec codec, ToolObserver observer) {
        this.blockingExecutor = blockingExecutor;
        this.deadlines = deadlines;
        this.codec = codec;
        this.observer = observer;
    }

    /**
     * Starts a call. When this returns, a plain tool's call has ended; the others end later, through
     * {@link CallControl#outcome()}.
     *
     * @param sink where a streaming tool's chunks go
     */
    public CallControl start(ToolHandle tool, JsonValue params, ChunkSink sink) {
        return start(tool, params, sink, ClientRequests.NONE);
    }

    /**
     * Starts a call whose tool may ask the client through {@code requests}.
     *
     * @see #start(ToolHandle, JsonValue, ChunkSink)
     */
    public CallControl start(ToolHandle tool, JsonValue params, ChunkSink sink, ClientRequests requests) {
        ToolDescriptor descriptor = tool.descriptor();
        long started = System.nanoTime();
        CallControl control = new CallControl(descriptor.name(), descriptor.timeoutSeconds());
        control.outcome().thenAccept(outcome ->
                observer.callEnded(descriptor.name(), CallStatus.of(outcome), System.nanoTime() - started));
        Emitter emitter = descriptor.streaming() ? new StreamEmitter(control, sink, codec, observer) : null;
        ClientAsk ask = descriptor.interactive() ? new ClientAsk(control, requests) : null;
        Object[] arguments;
        try {
            arguments = ArgumentBinder.bind(descriptor, params,
                    parameter -> parameter instanceof Parameter.EmitterParameter ? emitter : ask, codec.jsonb());
        } catch (InvalidArgumentException e) {
            control.complete(new Outcome.Failure(JsonRpcError.invalidParams(e.getMessage())));
            return control;
        }
        deadlines.watch(control);
        if ((descriptor.streaming() || descriptor.interactive()) && !descriptor.async()) {
            try {
                blockingExecutor.execute(() -> run(tool, arguments, control));
            } catch (RejectedExecutionException e) {
                control.complete(new Outcome.Failure(JsonRpcError.internalError()));
            }
        } else {
            run(tool, arguments, control);
        }
        return control;
    }

    private void run(ToolHandle tool, Object[] arguments, CallControl control) {
        if (!control.isRunning()) {
            return;
        }
        ToolHandle.Target target = tool.acquire();
        Object result;
        control.enter();
        try {
            result = target.invoke(arguments);
        } catch (Throwable failure) {
            control.leave();
            target.release();
            control.complete(failure(tool.descriptor(), failure, control));
            return;
        }
        control.leave();
        if (result instanceof CompletionStage<?> stage) {
            awaitStage(tool.descriptor(), stage, target, control);
        } else {
            target.release();
            control.complete(success(tool.descriptor(), result));
        }
    }

    private void awaitStage(ToolDescriptor tool, CompletionStage<?> stage, ToolHandle.Target target,
                            CallControl control) {
        try {
            CompletableFuture<?> future = stage.toCompletableFuture();
            control.pending(future);
        } catch (UnsupportedOperationException notAFuture) {
            // the tool's stage cannot be cancelled; the call still ends at its deadline
        }
        stage.whenComplete((value, failure) -> {
            target.release();
            control.complete(failure != null ? failure(tool, failure, control) : success(tool, value));
        });
    }

    private Outcome success(ToolDescriptor tool, Object value) {
        if (value instanceof ToolResponse response && response.isError()) {
            return new Outcome.Failure(JsonRpcError.toolFailed(errorMessage(tool, response), null));
        }
        try {
            return new Outcome.Success(codec.toJson(value), value);
        } catch (IllegalArgumentException e) {
            observer.resultUnserializable(tool.name(), e);
            return new Outcome.Failure(JsonRpcError.internalError());
        }
    }

    private static String errorMessage(ToolDescriptor tool, ToolResponse response) {
        return response.content().stream()
                .filter(TextContent.class::isInstance)
                .map(text -> ((TextContent) text).text())
                .findFirst()
                .orElse("Tool '" + tool.name() + "' failed");
    }

    private Outcome failure(ToolDescriptor tool, Throwable failure, CallControl control) {
        Throwable cause = unwrap(failure);
        if (cause instanceof RoundEnd roundEnd) {
            return new Outcome.Suspended(roundEnd.getMessage());
        }
        if (cause instanceof ToolCallException declared) {
            JsonValue data = null;
            if (declared.data() != null) {
                try {
                    data = codec.toJsonValue(declared.data());
                } catch (RuntimeException unserializable) {
                    observer.resultUnserializable(tool.name(), unserializable);
                }
            }
            String message = declared.getMessage() != null ? declared.getMessage() : "Tool '" + tool.name() + "' failed";
            return new Outcome.Failure(JsonRpcError.toolFailed(message, data));
        }
        if (!control.isCancelled()) {
            observer.toolCrashed(tool.name(), tool.source(), cause);
        }
        return new Outcome.Failure(JsonRpcError.toolFailed("Tool '" + tool.name() + "' failed", null));
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof InvocationTargetException
                || cause instanceof java.util.concurrent.ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
