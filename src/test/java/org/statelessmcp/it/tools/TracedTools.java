package org.statelessmcp.it.tools;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import org.statelessmcp.api.Emitter;
import org.statelessmcp.api.Tool;
import org.statelessmcp.api.ToolCallException;

/**
 * Tools that trace their own work as a tool author would, with the {@code Tracer} MicroProfile Telemetry injects: their
 * spans must join the trace of the request that called them, on the request's thread and on the managed executor.
 */
@ApplicationScoped
public class TracedTools {

    /** What a failing tool's cause says: it must reach no span, as it reaches no client. */
    public static final String SECRET_CAUSE = "jdbc:postgresql://db.internal/orders?password=hunter2";

    private final Tracer tracer;

    /** For the CDI client proxy only. */
    protected TracedTools() {
        this.tracer = null;
    }

    @Inject
    public TracedTools(Tracer tracer) {
        this.tracer = tracer;
    }

    @Tool(name = "traced_lookup", description = "Looks a word up in a span of its own.")
    public String tracedLookup(String word) {
        return inSpan("lookup " + word, () -> word.toUpperCase(Locale.ROOT));
    }

    @Tool(name = "traced_stream", streaming = true, description = "Emits twice, each chunk made in a span of its own.")
    public String tracedStream(String word, Emitter emitter) {
        for (int i = 1; i <= 2; i++) {
            int n = i;
            emitter.emit(Map.of("n", inSpan("chunk " + n, () -> n)));
        }
        return word;
    }

    @Tool(name = "traced_failure", description = "Fails with a cause the client must not see.")
    public String tracedFailure() {
        throw new ToolCallException("the order service refused", new IllegalStateException(SECRET_CAUSE));
    }

    private <T> T inSpan(String name, java.util.function.Supplier<T> work) {
        Span span = tracer.spanBuilder(name).startSpan();
        try (Scope current = span.makeCurrent()) {
            return work.get();
        } finally {
            span.end();
        }
    }
}
