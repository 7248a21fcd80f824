package org.statelessmcp.dispatch;

import jakarta.json.JsonValue;
import java.util.function.UnaryOperator;

/**
 * Traces what the server answers: a span for each JSON-RPC request a dialect answers, and one around each tool's own
 * work, made current while the tool runs so that the tool's own spans and outgoing calls join the trace. Implemented
 * above with OpenTelemetry when the server offers MicroProfile Telemetry; {@link #NONE} otherwise, which costs nothing.
 * Implementations must be thread-safe and must never throw into the call they trace.
 */
public interface CallTracing {

    /** Traces nothing. */
    CallTracing NONE = new CallTracing() {};

    /** Whether spans are recorded at all: when not, callers may skip gathering a request's facts. */
    default boolean enabled() {
        return false;
    }

    /**
     * Starts the span of one request, on the thread that starts answering it.
     *
     * @param request what the request is, and where its trace context comes from
     */
    default Span request(TracedRequest request) {
        return Span.NONE;
    }

    /**
     * Starts the span around a tool's own work, as a child of the request span current on this thread.
     *
     * @param tool the tool's name
     */
    default Span tool(String tool) {
        return Span.NONE;
    }

    /**
     * Starts the span of a request the server sends its client while a tool runs ({@code elicitation/create},
     * {@code sampling/createMessage}), as a child of the tool's span current on this thread; it ends when the client
     * answers.
     *
     * @param method the request's method
     */
    default Span clientRequest(String method) {
        return Span.NONE;
    }

    /** One span: entered on the threads that work for it, ended once with the call's outcome. */
    interface Span {

        /** A span that records nothing. */
        Span NONE = new Span() {};

        /** Makes this span the current one on this thread until the returned scope is closed, on this thread. */
        default Scope enter() {
            return Scope.NONE;
        }

        /** Ends the span with how its request or call ended; later calls do nothing. */
        default void end(Outcome outcome) {
        }
    }

    /** While open, a span is current on the thread that opened it. */
    interface Scope extends AutoCloseable {

        /** Nothing to close. */
        Scope NONE = () -> {};

        @Override
        void close();
    }

    /**
     * One request as the trace reports it.
     *
     * @param method the MCP method ({@code tools/call} for a plain JSON-RPC tool call, which is one)
     * @param tool the tool it calls, if any
     * @param prompt the prompt it gets, if any
     * @param resource the resource it reads, if any (an attribute, never in the span's name)
     * @param id the JSON-RPC id; {@code null} for a notification
     * @param protocolVersion the MCP revision; {@code null} for plain JSON-RPC
     * @param dialect {@code mcp} or {@code plain}
     * @param meta the request's {@code params._meta}, whose {@code traceparent} and {@code tracestate} win over the
     *        HTTP headers'; may be null
     * @param headers the HTTP request's headers by name; {@code null} for an absent header
     * @param clientAddress the peer's address
     * @param clientPort the peer's port
     */
    record TracedRequest(String method, String tool, String prompt, String resource, JsonValue id,
                         String protocolVersion, String dialect, JsonValue meta, UnaryOperator<String> headers,
                         String clientAddress, int clientPort) {
    }
}
