package org.statelessmcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.statelessmcp.it.OtlpReceiver.ReceivedSpan;
import org.statelessmcp.it.tools.TracedTools;
import org.statelessmcp.testkit.McpResponse;

/**
 * Traces over the wire: the WAR deployed with the server's MicroProfile Telemetry turned on and exporting over OTLP to
 * a receiver this test JVM runs, which decodes what arrives with OpenTelemetry's own protocol definitions. Each test
 * is its own trace, started by the test as a client would.
 */
class TelemetryIT extends DeployedWarTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int STATUS_ERROR = 2;
    private static final String OURS = "org.statelessmcp";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withSettings(Deployments.productWar().addClass(TracedTools.class),
                telemetrySettings(OtlpReceiver.get().endpoint()));
    }

    /** What turns MicroProfile Telemetry on for one deployment, exporting quickly to {@code endpoint}. */
    static Properties telemetrySettings(String endpoint) {
        Properties settings = new Properties();
        settings.setProperty("otel.sdk.disabled", "false");
        settings.setProperty("otel.service.name", "stateless-mcp-it");
        settings.setProperty("otel.traces.exporter", "otlp");
        settings.setProperty("otel.metrics.exporter", "otlp");
        settings.setProperty("otel.logs.exporter", "none");
        settings.setProperty("otel.exporter.otlp.protocol", "http/protobuf");
        settings.setProperty("otel.exporter.otlp.endpoint", endpoint);
        settings.setProperty("otel.bsp.schedule.delay", "100");
        settings.setProperty("otel.metric.export.interval", "500");
        // WildFly's exporter compresses unless told not to; the receiver reads both
        settings.setProperty("otel.exporter.otlp.compression", "none");
        return settings;
    }

    /** A client's trace: a new trace id, and the id of the client span the server's span must hang under. */
    record ClientTrace(String traceId, String spanId) {

        static ClientTrace start() {
            byte[] trace = new byte[16];
            byte[] span = new byte[8];
            RANDOM.nextBytes(trace);
            RANDOM.nextBytes(span);
            return new ClientTrace(HexFormat.of().formatHex(trace), HexFormat.of().formatHex(span));
        }

        String traceparent() {
            return "00-" + traceId + "-" + spanId + "-01";
        }
    }

    private HttpResponse<String> mcp(String body, String traceparentHeader) {
        HttpRequest.Builder request = client.postRequest(body)
                .header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", "2025-06-18");
        if (traceparentHeader != null) {
            request.header("traceparent", traceparentHeader);
        }
        return client.send(request.build());
    }

    private static String toolCall(Object id, String tool, String arguments, ClientTrace trace) {
        String meta = trace == null ? "" : ",\"_meta\":{\"traceparent\":\"" + trace.traceparent() + "\"}";
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + arguments + meta + "}}";
    }

    /**
     * Asserts that a span of ours hangs under the client's span: directly, or under the HTTP span the container makes
     * for every servlet request (Open Liberty, Payara 7), which itself continues the client's trace.
     */
    private static void assertUnder(ClientTrace client, ReceivedSpan span) {
        if (client.spanId().equals(span.parentSpanId())) {
            return;
        }
        ReceivedSpan container = OtlpReceiver.get().await(client.traceId(),
                candidate -> candidate.spanId().equals(span.parentSpanId()), PATIENCE);
        assertNotEquals(OURS, container.scope(), "an unexpected span of ours between: " + container);
        assertEquals(client.spanId(), container.parentSpanId(), "the container's span: " + container);
    }

    private static ReceivedSpan named(ClientTrace trace, String name) {
        return OtlpReceiver.get().await(trace.traceId(), span -> span.name().equals(name), PATIENCE);
    }

    @Test
    void aToolCallContinuesTheTraceInParamsMetaWithTheConventionsAttributes() {
        ClientTrace trace = ClientTrace.start();
        HttpResponse<String> response = mcp(toolCall(7, "traced_lookup", "{\"word\":\"otel\"}", trace), null);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("OTEL"), response.body());

        ReceivedSpan server = named(trace, "tools/call traced_lookup");
        assertEquals(trace.spanId(), server.parentSpanId());
        assertEquals(SpanKind.SPAN_KIND_SERVER, server.kind());
        assertEquals("tools/call", server.attribute("mcp.method.name"));
        assertEquals("traced_lookup", server.attribute("gen_ai.tool.name"));
        assertEquals("execute_tool", server.attribute("gen_ai.operation.name"));
        assertEquals("7", server.attribute("jsonrpc.request.id"));
        assertEquals("2025-06-18", server.attribute("mcp.protocol.version"));
        assertEquals("tcp", server.attribute("network.transport"));
        assertEquals("127.0.0.1", server.attribute("client.address"));
        assertEquals("mcp", server.attribute("smcp.dialect"));
        assertEquals(OURS, server.scope());
        assertEquals(0, server.statusCode());
    }

    @Test
    void theToolsWorkIsAnExecuteToolSpanUnderTheRequestAndTheToolsOwnSpanUnderThat() {
        ClientTrace trace = ClientTrace.start();
        assertEquals(200, mcp(toolCall(1, "traced_lookup", "{\"word\":\"nested\"}", trace), null).statusCode());

        ReceivedSpan server = named(trace, "tools/call traced_lookup");
        ReceivedSpan work = named(trace, "execute_tool traced_lookup");
        ReceivedSpan own = named(trace, "lookup nested");
        assertEquals(server.spanId(), work.parentSpanId());
        assertEquals(SpanKind.SPAN_KIND_INTERNAL, work.kind());
        assertEquals("execute_tool", work.attribute("gen_ai.operation.name"));
        assertEquals("traced_lookup", work.attribute("gen_ai.tool.name"));
        assertEquals(work.spanId(), own.parentSpanId());
    }

    @Test
    void aStreamingToolsSpansOnTheManagedExecutorJoinTheTrace() {
        ClientTrace trace = ClientTrace.start();
        HttpResponse<String> response = mcp(toolCall(2, "traced_stream", "{\"word\":\"flow\"}", trace), null);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("flow"), response.body());

        ReceivedSpan work = named(trace, "execute_tool traced_stream");
        ReceivedSpan first = named(trace, "chunk 1");
        ReceivedSpan second = named(trace, "chunk 2");
        assertEquals(work.spanId(), first.parentSpanId());
        assertEquals(work.spanId(), second.parentSpanId());
        assertEquals(named(trace, "tools/call traced_stream").spanId(), work.parentSpanId());
    }

    @Test
    void theTraceInParamsMetaWinsAndTheHttpHeadersTraceIsLinked() {
        ClientTrace meta = ClientTrace.start();
        ClientTrace header = ClientTrace.start();
        assertEquals(200, mcp(toolCall(3, "traced_lookup", "{\"word\":\"both\"}", meta), header.traceparent())
                .statusCode());

        ReceivedSpan server = named(meta, "tools/call traced_lookup");
        assertEquals(meta.spanId(), server.parentSpanId());
        assertEquals(1, server.linkedSpanIds().size(), server.toString());
        String linked = server.linkedSpanIds().get(0);
        if (!linked.equals(header.spanId())) {
            // the container's HTTP span, under the header's trace
            assertEquals(header.spanId(), OtlpReceiver.get().await(header.traceId(),
                    span -> span.spanId().equals(linked), PATIENCE).parentSpanId());
        }
        assertTrue(OtlpReceiver.get().trace(header.traceId()).stream().noneMatch(span -> OURS.equals(span.scope())),
                "no span of ours under the header's trace");
    }

    @Test
    void withoutParamsMetaTheHttpHeadersTraceIsContinued() {
        ClientTrace header = ClientTrace.start();
        assertEquals(200, mcp(toolCall(4, "traced_lookup", "{\"word\":\"header\"}", null), header.traceparent())
                .statusCode());

        ReceivedSpan server = named(header, "tools/call traced_lookup");
        assertUnder(header, server);
        assertTrue(server.linkedSpanIds().isEmpty());
    }

    @Test
    void aPlainJsonRpcCallIsTracedAsTheToolCallItIs() {
        ClientTrace header = ClientTrace.start();
        HttpResponse<String> response = client.send(client.postRequest(
                "{\"jsonrpc\":\"2.0\",\"id\":\"p-1\",\"method\":\"traced_lookup\",\"params\":{\"word\":\"plain\"}}")
                .header("traceparent", header.traceparent()).build());
        assertEquals(200, response.statusCode(), response.body());

        ReceivedSpan server = named(header, "tools/call traced_lookup");
        assertUnder(header, server);
        assertEquals("plain", server.attribute("smcp.dialect"));
        assertEquals("p-1", server.attribute("jsonrpc.request.id"));
        assertNull(server.attribute("mcp.protocol.version"));
        assertEquals(server.spanId(), named(header, "execute_tool traced_lookup").parentSpanId());
        assertEquals(named(header, "execute_tool traced_lookup").spanId(),
                named(header, "lookup plain").parentSpanId());
    }

    @Test
    void eachRequestOfABatchHasItsOwnSpan() {
        ClientTrace header = ClientTrace.start();
        HttpResponse<String> response = client.send(client.postRequest("["
                + "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"traced_lookup\",\"params\":{\"word\":\"one\"}},"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}]")
                .header("traceparent", header.traceparent()).build());
        assertEquals(200, response.statusCode(), response.body());

        ReceivedSpan call = named(header, "tools/call traced_lookup");
        ReceivedSpan list = named(header, "tools/list");
        assertUnder(header, call);
        assertUnder(header, list);
        assertEquals(call.parentSpanId(), list.parentSpanId());
        assertEquals("tools/list", list.attribute("mcp.method.name"));
        assertEquals("2", list.attribute("jsonrpc.request.id"));
    }

    @Test
    void eachInputRoundIsARequestOfItsOwnInTheClientsTrace() {
        ClientTrace header = ClientTrace.start();
        McpResponse first = kit.mcp2026().capabilities("{\"elicitation\":{}}")
                .header("traceparent", header.traceparent()).call("greet", "{}").assertInputRequired("user_name");
        first.answer("user_name", "{\"action\":\"accept\",\"content\":{\"name\":\"Ada\"}}").assertSuccess();

        List<ReceivedSpan> rounds = OtlpReceiver.get().awaitAll(header.traceId(),
                span -> span.name().equals("tools/call greet"), 2, PATIENCE);
        assertEquals(2, rounds.size(), rounds.toString());
        for (ReceivedSpan round : rounds) {
            assertUnder(header, round);
            assertEquals("2026-07-28", round.attribute("mcp.protocol.version"));
            assertNull(round.attribute("error.type"), "asking is no error: " + round);
        }
    }

    @Test
    void aQuestionToA2025ClientIsAClientSpanUnderTheToolsSpan() throws IOException {
        ClientTrace trace = ClientTrace.start();
        HttpResponse<InputStream> stream = client.open(client.postRequest(toolCall(9, "greet", "{}", trace))
                .header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", "2025-06-18").build());
        assertEquals(200, stream.statusCode());
        try (BufferedReader events = new BufferedReader(
                new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            String asked = null;
            for (String line = events.readLine(); line != null && asked == null; line = events.readLine()) {
                if (line.startsWith("data:") && line.contains("\"elicitation/create\"")) {
                    asked = line.substring("data:".length()).strip();
                }
            }
            assertNotNull(asked, "greet asked nothing");
            String id = WireClient.object(asked).getString("id");
            HttpResponse<String> acknowledged = client.send(client.postRequest("{\"jsonrpc\":\"2.0\",\"id\":\"" + id
                    + "\",\"result\":{\"action\":\"accept\",\"content\":{\"name\":\"Ada\"}}}")
                    .header("MCP-Protocol-Version", "2025-06-18").build());
            assertEquals(202, acknowledged.statusCode(), acknowledged.body());
            StringBuilder rest = new StringBuilder();
            for (String line = events.readLine(); line != null; line = events.readLine()) {
                rest.append(line).append('\n');
            }
            assertTrue(rest.toString().contains("Ada"), rest.toString());
        }

        ReceivedSpan work = named(trace, "execute_tool greet");
        ReceivedSpan question = named(trace, "elicitation/create");
        assertEquals(SpanKind.SPAN_KIND_CLIENT, question.kind());
        assertEquals(work.spanId(), question.parentSpanId());
        assertEquals("elicitation/create", question.attribute("mcp.method.name"));
        assertEquals(0, question.statusCode());
    }

    @Test
    void aToolsFailureIsAnErrorWithItsTypeAndNeverItsCause() {
        ClientTrace trace = ClientTrace.start();
        HttpResponse<String> response = mcp(toolCall(5, "traced_failure", "{}", trace), null);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"isError\":true"), response.body());

        ReceivedSpan server = named(trace, "tools/call traced_failure");
        assertEquals("tool_error", server.attribute("error.type"));
        assertEquals(STATUS_ERROR, server.statusCode());
        ReceivedSpan work = named(trace, "execute_tool traced_failure");
        assertEquals(STATUS_ERROR, work.statusCode());
        assertEquals("the order service refused", work.statusMessage());
        assertEquals(work.attribute("rpc.response.status_code"), work.attribute("error.type"));
        for (ReceivedSpan span : OtlpReceiver.get().trace(trace.traceId())) {
            assertFalse(span.toString().contains("hunter2"), "a cause reached a span: " + span);
        }
    }

    @Test
    void anUnknownMethodIsAnErrorNamedByItsJsonRpcCode() {
        ClientTrace trace = ClientTrace.start();
        mcp("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/nonexistent\",\"params\":{\"_meta\":{\"traceparent\":\""
                + trace.traceparent() + "\"}}}", null);

        ReceivedSpan server = named(trace, "tools/nonexistent");
        assertEquals("-32601", server.attribute("error.type"));
        assertEquals("-32601", server.attribute("rpc.response.status_code"));
        assertEquals(STATUS_ERROR, server.statusCode());
    }

    @Test
    void eachRequestsDurationIsRecordedInTheConventionsHistogram() {
        ClientTrace trace = ClientTrace.start();
        assertEquals(200, mcp(toolCall(8, "traced_lookup", "{\"word\":\"timed\"}", trace), null).statusCode());

        // the MCP calls of traced_lookup, whichever test made them: one series; the plain calls are another
        Predicate<HistogramDataPoint> mcpLookups = point -> {
            Map<String, String> attributes = OtlpReceiver.attributes(point.getAttributesList());
            return "traced_lookup".equals(attributes.get("gen_ai.tool.name"))
                    && "2025-06-18".equals(attributes.get("mcp.protocol.version"));
        };
        Metric duration = OtlpReceiver.get().awaitMetric("mcp.server.operation.duration",
                metric -> metric.hasHistogram() && metric.getHistogram().getDataPointsList().stream()
                        .anyMatch(mcpLookups),
                PATIENCE);
        assertEquals("s", duration.getUnit());
        HistogramDataPoint point = duration.getHistogram().getDataPointsList().stream().filter(mcpLookups)
                .findFirst().orElseThrow();
        Map<String, String> attributes = OtlpReceiver.attributes(point.getAttributesList());
        assertEquals("tools/call", attributes.get("mcp.method.name"));
        assertEquals("execute_tool", attributes.get("gen_ai.operation.name"));
        assertNull(attributes.get("jsonrpc.request.id"), "no per-request attribute on a metric");
        assertNull(attributes.get("error.type"));
        assertTrue(point.getCount() >= 1);
        assertTrue(point.getSum() > 0);
    }
}
