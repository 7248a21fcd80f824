import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An OTLP/HTTP endpoint that accepts every export and keeps nothing, so that a benchmark measures what exporting
 * costs the server and not what a collector does with it. Loopback only; counts what it received, printed at the end.
 *
 * <p>usage: java bench/otlp-sink/OtlpSink.java PORT
 */
public final class OtlpSink {

    public static void main(String[] args) throws Exception {
        AtomicLong exports = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        Map<String, AtomicLong> byPath = new ConcurrentSkipListMap<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 0);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                bytes.addAndGet(body.readAllBytes().length);
            }
            exports.incrementAndGet();
            byPath.computeIfAbsent(exchange.getRequestURI().getPath(), path -> new AtomicLong()).incrementAndGet();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println(
                "OTLP sink: " + exports.get() + " exports " + byPath + ", " + bytes.get() + " bytes")));
        server.start();
        System.out.println("OTLP sink listening on 127.0.0.1:" + args[0]);
    }
}
