package org.statelessmcp.telemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import org.statelessmcp.dispatch.CallTracing;

/**
 * The spans and the duration metric of OpenTelemetry's MCP conventions, on the server's own {@link OpenTelemetry}.
 * A request's parent is the trace context in its {@code params._meta} when it carries one, linked to the ambient
 * context (the container's span, else the HTTP headers' {@code traceparent}); otherwise the ambient context.
 */
final class McpSpans implements CallTracing {

    static final String SCOPE = "org.statelessmcp";
    static final AttributeKey<String> METHOD = AttributeKey.stringKey("mcp.method.name");
    static final AttributeKey<String> PROTOCOL_VERSION = AttributeKey.stringKey("mcp.protocol.version");
    static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("jsonrpc.request.id");
    static final AttributeKey<String> TOOL = AttributeKey.stringKey("gen_ai.tool.name");
    static final AttributeKey<String> PROMPT = AttributeKey.stringKey("gen_ai.prompt.name");
    static final AttributeKey<String> RESOURCE = AttributeKey.stringKey("mcp.resource.uri");
    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("gen_ai.operation.name");
    static final AttributeKey<String> NETWORK_TRANSPORT = AttributeKey.stringKey("network.transport");
    static final AttributeKey<String> NETWORK_PROTOCOL = AttributeKey.stringKey("network.protocol.name");
    static final AttributeKey<String> CLIENT_ADDRESS = AttributeKey.stringKey("client.address");
    static final AttributeKey<Long> CLIENT_PORT = AttributeKey.longKey("client.port");
    /** Not a convention's: which of the two dialects asked, {@code mcp} or {@code plain}. */
    static final AttributeKey<String> DIALECT = AttributeKey.stringKey("smcp.dialect");
    static final String EXECUTE_TOOL = "execute_tool";

    private static final TextMapGetter<TracedRequest> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(TracedRequest request) {
            return List.of();
        }

        @Override
        public String get(TracedRequest request, String key) {
            return request == null ? null : request.headers().apply(key);
        }
    };

    private static final TextMapGetter<JsonObject> META = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(JsonObject meta) {
            return meta.keySet();
        }

        @Override
        public String get(JsonObject meta, String key) {
            return meta != null && meta.get(key) instanceof JsonString text ? text.getString() : null;
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;
    private final DoubleHistogram duration;

    McpSpans(OpenTelemetry telemetry, String version) {
        this.tracer = telemetry.getTracer(SCOPE, version);
        this.propagator = telemetry.getPropagators().getTextMapPropagator();
        this.duration = telemetry.getMeter(SCOPE).histogramBuilder("mcp.server.operation.duration").setUnit("s")
                .setDescription("How long the server took to answer an MCP request, from its start to its outcome")
                .build();
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public CallTracing.Span request(TracedRequest request) {
        Context ambient = Context.current();
        if (!io.opentelemetry.api.trace.Span.fromContext(ambient).getSpanContext().isValid()) {
            ambient = propagator.extract(Context.root(), request, HEADERS);
        }
        Context parent = ambient;
        SpanContext transport = null;
        if (request.meta() instanceof JsonObject meta && meta.get("traceparent") instanceof JsonString) {
            Context fromMeta = propagator.extract(Context.root(), meta, META);
            SpanContext remote = io.opentelemetry.api.trace.Span.fromContext(fromMeta).getSpanContext();
            if (remote.isValid()) {
                SpanContext ambientSpan = io.opentelemetry.api.trace.Span.fromContext(ambient).getSpanContext();
                transport = ambientSpan.isValid() && !ambientSpan.equals(remote) ? ambientSpan : null;
                parent = fromMeta;
            }
        }
        String target = request.tool() != null ? request.tool() : request.prompt();
        AttributesBuilder measured = Attributes.builder().put(METHOD, request.method())
                .put(NETWORK_TRANSPORT, "tcp").put(NETWORK_PROTOCOL, "http");
        putIfPresent(measured, TOOL, request.tool());
        putIfPresent(measured, PROMPT, request.prompt());
        putIfPresent(measured, PROTOCOL_VERSION, request.protocolVersion());
        if (request.tool() != null) {
            measured.put(OPERATION, EXECUTE_TOOL);
        }
        // built once: the span's and the duration's, which add error.type only when there is one
        Attributes shared = measured.build();
        SpanBuilder builder = tracer.spanBuilder(target == null ? request.method() : request.method() + ' ' + target)
                .setSpanKind(SpanKind.SERVER).setParent(parent).setAllAttributes(shared)
                .setAttribute(DIALECT, request.dialect())
                .setAttribute(CLIENT_ADDRESS, request.clientAddress())
                .setAttribute(CLIENT_PORT, (long) request.clientPort());
        String id = idText(request.id());
        if (id != null) {
            builder.setAttribute(REQUEST_ID, id);
        }
        if (request.resource() != null) {
            builder.setAttribute(RESOURCE, request.resource());
        }
        if (transport != null) {
            builder.addLink(transport);
        }
        io.opentelemetry.api.trace.Span span = builder.startSpan();
        return new TracedSpan(span, parent.with(span), duration, shared);
    }

    @Override
    public CallTracing.Span tool(String tool) {
        Context parent = Context.current();
        io.opentelemetry.api.trace.Span span = tracer.spanBuilder(EXECUTE_TOOL + ' ' + tool)
                .setSpanKind(SpanKind.INTERNAL).setParent(parent)
                .setAttribute(OPERATION, EXECUTE_TOOL).setAttribute(TOOL, tool).startSpan();
        return new TracedSpan(span, parent.with(span), null, null);
    }

    @Override
    public CallTracing.Span clientRequest(String method) {
        Context parent = Context.current();
        io.opentelemetry.api.trace.Span span = tracer.spanBuilder(method).setSpanKind(SpanKind.CLIENT)
                .setParent(parent).setAttribute(METHOD, method).startSpan();
        return new TracedSpan(span, parent.with(span), null, null);
    }

    private static void putIfPresent(AttributesBuilder attributes, AttributeKey<String> key, String value) {
        if (value != null) {
            attributes.put(key, value);
        }
    }

    /** The conventions want the id as text, and not at all for a notification or a null id. */
    private static String idText(JsonValue id) {
        if (id instanceof JsonString text) {
            return text.getString();
        }
        return id instanceof JsonNumber number ? number.toString() : null;
    }
}
