package org.statelessmcp.telemetry;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.concurrent.atomic.AtomicBoolean;
import org.statelessmcp.dispatch.CallTracing;
import org.statelessmcp.dispatch.Outcome;
import org.statelessmcp.dispatch.ToolResultJson;

/**
 * One span of {@link McpSpans}, ended once with its outcome: a JSON-RPC error gives {@code error.type} its code and
 * the span status its message (what the client was told, never a cause); a tool's error result gives
 * {@code tool_error}.
 */
final class TracedSpan implements CallTracing.Span {

    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    static final AttributeKey<String> STATUS_CODE = AttributeKey.stringKey("rpc.response.status_code");
    static final String TOOL_ERROR = "tool_error";

    private final Span span;
    private final Context context;
    private final DoubleHistogram duration;
    private final Attributes measured;
    private final long started = System.nanoTime();
    private final AtomicBoolean ended = new AtomicBoolean();

    /**
     * @param duration where the request's duration is recorded; {@code null} for a tool's span
     * @param measured the attributes the duration is recorded with
     */
    TracedSpan(Span span, Context context, DoubleHistogram duration, Attributes measured) {
        this.span = span;
        this.context = context;
        this.duration = duration;
        this.measured = measured;
    }

    @Override
    public CallTracing.Scope enter() {
        Scope scope = context.makeCurrent();
        return scope::close;
    }

    @Override
    public void end(Outcome outcome) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        String errorType = null;
        if (outcome instanceof Outcome.Failure failure) {
            errorType = String.valueOf(failure.error().code());
            span.setAttribute(STATUS_CODE, errorType);
            span.setStatus(StatusCode.ERROR, failure.error().message());
        } else if (ToolResultJson.isErrorResult(outcome)) {
            errorType = TOOL_ERROR;
            span.setStatus(StatusCode.ERROR);
        }
        if (errorType != null) {
            span.setAttribute(ERROR_TYPE, errorType);
        }
        span.end();
        if (duration != null) {
            duration.record((System.nanoTime() - started) / 1e9,
                    errorType == null ? measured : measured.toBuilder().put(ERROR_TYPE, errorType).build());
        }
    }
}
