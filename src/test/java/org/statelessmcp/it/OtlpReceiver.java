package org.statelessmcp.it;

import com.google.protobuf.InvalidProtocolBufferException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

/**
 * An OpenTelemetry collector as far as a test needs one: OTLP over HTTP with protobuf bodies ({@code /v1/traces},
 * {@code /v1/metrics}) on loopback, decoded with OpenTelemetry's own protocol definitions, and kept for the test to
 * look at. One per test JVM, on a port chosen once, so that every deployment can be pointed at it.
 */
final class OtlpReceiver {

    private static OtlpReceiver running;

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();
    private final Map<String, List<Metric>> metrics = new ConcurrentHashMap<>();

    /** A span as received, with its resource's and its own attributes as text. */
    record ReceivedSpan(String traceId, String spanId, String parentSpanId, String name, Span.SpanKind kind,
                        Map<String, String> attributes, List<String> linkedSpanIds, int statusCode,
                        String statusMessage, String scope) {

        String attribute(String key) {
            return attributes.get(key);
        }
    }

    private OtlpReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] tracesAnswer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
        byte[] metricsAnswer = ExportMetricsServiceResponse.getDefaultInstance().toByteArray();
        server.createContext("/v1/traces", exchange -> receive(exchange, ExportTraceServiceRequest::parseFrom,
                (ExportTraceServiceRequest request) -> keep(request), tracesAnswer));
        server.createContext("/v1/metrics", exchange -> receive(exchange, ExportMetricsServiceRequest::parseFrom,
                (ExportMetricsServiceRequest request) -> keep(request), metricsAnswer));
        server.createContext("/v1/logs", exchange -> answer(exchange, new byte[0]));
        server.start();
    }

    /** The receiver of this test JVM, started on first use. */
    static synchronized OtlpReceiver get() {
        if (running == null) {
            try {
                running = new OtlpReceiver();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return running;
    }

    /** What an exporter is given as its OTLP endpoint. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Reads an export's body as one of OTLP's messages. */
    private interface Decoder<T> {
        T decode(byte[] body) throws InvalidProtocolBufferException;
    }

    /** Keeps what an export holds and answers as a collector does; 400 for a body that is no such message. */
    private static <T> void receive(HttpExchange exchange, Decoder<T> decoder, Consumer<T> keep, byte[] answer)
            throws IOException {
        T request;
        try {
            request = decoder.decode(body(exchange));
        } catch (InvalidProtocolBufferException notOtlp) {
            exchange.sendResponseHeaders(400, -1);
            exchange.close();
            return;
        }
        keep.accept(request);
        answer(exchange, answer);
    }

    private void keep(ExportTraceServiceRequest request) {
        request.getResourceSpansList().forEach(resource -> resource.getScopeSpansList().forEach(scope -> scope
                .getSpansList().forEach(span -> spans.add(received(span, scope.getScope().getName())))));
    }

    private void keep(ExportMetricsServiceRequest request) {
        request.getResourceMetricsList().forEach(resource -> resource.getScopeMetricsList().forEach(scope -> scope
                .getMetricsList().forEach(metric -> metrics.computeIfAbsent(metric.getName(),
                        name -> new CopyOnWriteArrayList<>()).add(metric))));
    }

    private static byte[] body(HttpExchange exchange) throws IOException {
        InputStream in = exchange.getRequestBody();
        if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            in = new GZIPInputStream(in);
        }
        try (InputStream body = in) {
            return body.readAllBytes();
        }
    }

    private static void answer(HttpExchange exchange, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
        exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    private static ReceivedSpan received(Span span, String scope) {
        Map<String, String> attributes = new ConcurrentHashMap<>();
        for (KeyValue attribute : span.getAttributesList()) {
            attributes.put(attribute.getKey(), text(attribute.getValue()));
        }
        List<String> links = new ArrayList<>();
        span.getLinksList().forEach(link -> links.add(hex(link.getSpanId().toByteArray())));
        return new ReceivedSpan(hex(span.getTraceId().toByteArray()), hex(span.getSpanId().toByteArray()),
                hex(span.getParentSpanId().toByteArray()), span.getName(), span.getKind(), Map.copyOf(attributes),
                List.copyOf(links), span.getStatus().getCodeValue(), span.getStatus().getMessage(), scope);
    }

    private static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case INT_VALUE -> String.valueOf(value.getIntValue());
            case BOOL_VALUE -> String.valueOf(value.getBoolValue());
            case DOUBLE_VALUE -> String.valueOf(value.getDoubleValue());
            default -> value.toString();
        };
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** The spans of one trace received so far. */
    List<ReceivedSpan> trace(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    /**
     * Waits for a span of {@code traceId} that matches, as exporters send in batches.
     *
     * @throws AssertionError if none arrives within {@code patience}, naming what did arrive
     */
    ReceivedSpan await(String traceId, Predicate<ReceivedSpan> wanted, Duration patience) {
        return poll(() -> trace(traceId).stream().filter(wanted).findFirst(), patience,
                () -> "no such span of trace " + traceId + "; received " + trace(traceId));
    }

    /** Waits until {@code count} spans of {@code traceId} match, and returns them. */
    List<ReceivedSpan> awaitAll(String traceId, Predicate<ReceivedSpan> wanted, int count, Duration patience) {
        return poll(() -> Optional.of(trace(traceId).stream().filter(wanted).toList())
                .filter(matching -> matching.size() >= count), patience,
                () -> count + " such spans of trace " + traceId + " expected; received " + trace(traceId));
    }

    /** Waits for an export of the metric {@code name} that matches, as metrics are exported at an interval. */
    Metric awaitMetric(String name, Predicate<Metric> wanted, Duration patience) {
        return poll(() -> metrics.getOrDefault(name, List.of()).stream().filter(wanted).findFirst(), patience,
                () -> "no such metric " + name + "; received " + metrics.keySet());
    }

    /** Asks until there is an answer, as exports arrive in batches and at intervals. */
    private static <T> T poll(Supplier<Optional<T>> found, Duration patience, Supplier<String> otherwise) {
        long deadline = System.nanoTime() + patience.toNanos();
        do {
            Optional<T> answer = found.get();
            if (answer.isPresent()) {
                return answer.get();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError(otherwise.get() + " (waited " + patience + ")");
    }

    /** A data point's attributes as text. */
    static Map<String, String> attributes(List<KeyValue> attributes) {
        Map<String, String> text = new ConcurrentHashMap<>();
        attributes.forEach(attribute -> text.put(attribute.getKey(), text(attribute.getValue())));
        return Map.copyOf(text);
    }
}
