package org.statelessmcp.dispatch;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.statelessmcp.api.Caller;
import org.statelessmcp.api.Cancellation;
import org.statelessmcp.api.InputRequired;
import org.statelessmcp.api.McpLog;
import org.statelessmcp.api.Progress;
import org.statelessmcp.api.RequestId;
import org.statelessmcp.api.TaskHandoff;
import org.statelessmcp.api.ToolCallException;
import org.statelessmcp.protocol.JsonRpcError;
import org.statelessmcp.registry.InvalidArgumentException;
import org.statelessmcp.registry.ParameterSource;
import org.statelessmcp.registry.ToolDescriptor;
import org.statelessmcp.registry.ToolHandle;

/**
 * Runs tool calls. A plain tool runs on the calling thread: for the one-shot calls that make up most traffic this
 * is the cheapest place. A blocking tool whose client hears of it while it runs (chunks, progress, log messages),
 * that asks its client, or that takes a {@code Cancellation} runs on the managed executor, because its caller has
 * gone asynchronous and must not hold the request thread. A tool that returns a {@code CompletionStage} is invoked
 * on the calling thread and answers whenever its stage completes, holding no thread while it waits. Every call is
 * watched for its deadline.
 *
 * <p>Nothing a tool throws reaches the client but the message of a {@link ToolCallException}; causes and other
 * exceptions go to the observer, which logs them.
 */
public final class ToolExecutor {

    private final Executor blockingExecutor;
    private final DeadlineWatch deadlines;
    private final JsonCodec codec;
    private final ToolObserver observer;
    private final UnaryOperator<Runnable> contextCarrier;
    private final CallTracing tracing;

    /**
     * @param contextCarrier wraps a task so that it runs with the calling thread's context (the request id of its log
     *                       lines), for work that ends a call on a thread of the tool's choosing
     */
    public ToolExecutor(Executor blockingExecutor, DeadlineWatch deadlines, JsonCodec codec, ToolObserver observer,
                        UnaryOperator<Runnable> contextCarrier) {
        this(blockingExecutor, deadlines, codec, observer, contextCarrier, CallTracing.NONE);
    }

    /**
     * @param tracing the span around each tool's own work, current on whichever thread runs the tool
     */
    public ToolExecutor(Executor blockingExecutor, DeadlineWatch deadlines, JsonCodec codec, ToolObserver observer,
                        UnaryOperator<Runnable> contextCarrier, CallTracing tracing) {
        this.blockingExecutor = blockingExecutor;
        this.deadlines = deadlines;
        this.codec = codec;
        this.observer = observer;
        this.contextCarrier = contextCarrier;
        this.tracing = tracing;
    }

    /** How tools' answers are written and structured values bound. */
    public JsonCodec codec() {
        return codec;
    }

    /**
     * Starts a call. When this returns, a plain tool's call has ended; the others end later, through
     * {@link CallControl#outcome()}.
     */
    public CallControl start(ToolHandle tool, JsonValue params, CallContext call) {
        ToolDescriptor descriptor = tool.descriptor();
        long started = System.nanoTime();
        CallControl control = new CallControl(descriptor.name(), descriptor.timeoutSeconds());
        control.outcome().thenAccept(
                outcome -> observer.callEnded(descriptor.name(), CallStatus.of(outcome), System.nanoTime() - started));
        Object[] arguments;
        try {
            arguments = ArgumentBinder.bind(descriptor, params, parameter -> supplied(parameter, tool, control, call),
                    codec.jsonb());
        } catch (InvalidArgumentException e) {
            control.complete(new Outcome.Failure(JsonRpcError.invalidParams(e.getMessage())));
            return control;
        }
        deadlines.watch(control);
        // started here, on the request's thread, so that its parent is the request's span wherever the tool runs
        CallTracing.Span span = tracing.tool(descriptor.name());
        if (span != CallTracing.Span.NONE) {
            control.outcome().thenAccept(span::end);
        }
        // a blocking tool the client hears from, answers, or may cancel must not hold the request thread
        boolean runsApart = descriptor.streaming() || descriptor.interactive() || descriptor.cancellable()
                || (descriptor.notifies() && call.live()) || call.background() || descriptor.handsOff();
        if (runsApart && !descriptor.async()) {
            try {
                blockingExecutor.execute(() -> run(tool, arguments, control, span));
            } catch (RejectedExecutionException e) {
                control.complete(new Outcome.Failure(JsonRpcError.internalError(), true));
            }
        } else {
            run(tool, arguments, control, span);
        }
        return control;
    }

    /** The value of a parameter the server supplies, made only for the tools that declare it. */
    private Object supplied(ParameterSource parameter, ToolHandle tool, CallControl control, CallContext call) {
        if (parameter instanceof ParameterSource.EmitterParameter) {
            return new StreamEmitter(control, call.chunks(), codec, observer);
        }
        if (parameter instanceof ParameterSource.ClientRequestParameter) {
            return new ClientAsk(control, call.requests(), codec.jsonb(), tracing);
        }
        Class<?> type = ((ParameterSource.ContextParameter) parameter).type();
        if (type == Progress.class) {
            return new ProgressReports(control, call.channel());
        }
        if (type == McpLog.class) {
            return new ClientLog(tool.descriptor().name(), control, call.channel(), codec);
        }
        if (type == Cancellation.class) {
            return new CallCancellation(control);
        }
        if (type == RequestId.class) {
            return new RequestId(call.requestId() instanceof JsonString text ? text.getString()
                    : call.requestId() instanceof JsonNumber number ? number.numberValue() : null);
        }
        if (type == Caller.class) {
            return call.caller();
        }
        if (type == TaskHandoff.class) {
            return call.handoff();
        }
        throw new IllegalStateException("no value for a parameter of type " + type.getName());
    }

    private void run(ToolHandle tool, Object[] arguments, CallControl control, CallTracing.Span span) {
        if (!control.isRunning()) {
            return;
        }
        ToolHandle.Target target = tool.acquire();
        Object result;
        control.enter();
        try (CallTracing.Scope inSpan = span.enter()) {
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
        // the stage may complete on any thread: its end is logged with the request that started it
        AtomicReference<Runnable> end = new AtomicReference<>();
        Runnable inContext = contextCarrier.apply(() -> end.get().run());
        stage.whenComplete((value, failure) -> {
            end.set(() -> {
                target.release();
                control.complete(failure != null ? failure(tool, failure, control) : success(tool, value));
            });
            inContext.run();
        });
    }

    private Outcome success(ToolDescriptor tool, Object value) {
        try {
            return new Outcome.Success(codec.toJson(value), value);
        } catch (IllegalArgumentException e) {
            observer.resultUnserializable(tool.name(), e);
            return new Outcome.Failure(JsonRpcError.internalError(), true);
        }
    }

    private Outcome failure(ToolDescriptor tool, Throwable failure, CallControl control) {
        Throwable cause = unwrap(failure);
        if (cause instanceof InputRequired roundEnd) {
            return new Outcome.Suspended(roundEnd.getMessage());
        }
        if (cause instanceof ToolCallException declared) {
            if (declared.getCause() != null) {
                observer.toolFailed(tool.name(), tool.source(), declared);
            }
            JsonValue data = null;
            if (declared.data() != null) {
                try {
                    data = codec.toJsonValue(declared.data());
                } catch (RuntimeException unserializable) {
                    observer.resultUnserializable(tool.name(), unserializable);
                }
            }
            String message = declared.getMessage() != null ? declared.getMessage()
                    : "Tool '" + tool.name() + "' failed";
            return new Outcome.Failure(JsonRpcError.toolFailed(message, data));
        }
        if (!control.isCancelled()) {
            observer.toolCrashed(tool.name(), tool.source(), cause);
        }
        return new Outcome.Failure(JsonRpcError.toolFailed("Tool '" + tool.name() + "' failed", null), true);
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
