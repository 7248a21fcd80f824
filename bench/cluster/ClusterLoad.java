import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The load of bench/cluster.sh: three kinds of request through the load balancer, concurrently, for a bounded time
 * and a bounded count, every answer checked in full. One line per request goes to a TSV file:
 * kind, id, start and end (epoch ms), HTTP status, upstream(s) (nginx's X-Upstream header, "+"-joined when nginx
 * retried), ok (1/0), reason. The script classifies the failures against the time of the kill.
 *
 * <pre>java ClusterLoad.java URL SECONDS MAX_PER_KIND ADD_WORKERS ADD_PAUSE_MS SEED_STREAMS MCP_STREAMS OUT.tsv</pre>
 *
 * Java's own HttpClient over HTTP/1.1, no other library: single-file source, run with {@code java ClusterLoad.java}.
 */
public class ClusterLoad {

    /** generate_numbers: 5 chunks, 0.2 s apart: each stream is in flight ≈ 1 s, long enough to be cut by a kill. */
    static final int CHUNKS = 5;
    static final String STREAM_ARGS = "{\"count\":" + CHUNKS + ",\"delay\":0.2}";

    record Outcome(int status, String upstream, boolean ok, String reason) {
    }

    interface Call {
        Outcome run(int id) throws Exception;
    }

    static HttpClient http;
    static URI url;
    static long deadline;
    static final List<String> records = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        url = URI.create(args[0]);
        long seconds = Long.parseLong(args[1]);
        int maxPerKind = Integer.parseInt(args[2]);
        int addWorkers = Integer.parseInt(args[3]);
        long addPauseMs = Long.parseLong(args[4]);
        int seedStreams = Integer.parseInt(args[5]);
        int mcpStreams = Integer.parseInt(args[6]);
        Path out = Path.of(args[7]);
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        deadline = System.currentTimeMillis() + seconds * 1000;
        System.out.println("load started"); // bench/cluster.sh times the kill from here
        System.out.flush();

        List<Thread> workers = new ArrayList<>();
        workers.addAll(start("seed_add", addWorkers, maxPerKind, addPauseMs, ClusterLoad::seedAdd));
        workers.addAll(start("seed_stream", seedStreams, maxPerKind, 0, ClusterLoad::seedStream));
        workers.addAll(start("mcp_stream", mcpStreams, maxPerKind, 0, ClusterLoad::mcpStream));
        for (Thread worker : workers) {
            worker.join();
        }
        try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            synchronized (records) {
                records.forEach(writer::println);
            }
        }
        System.exit(0); // HttpClient's selector thread is not a daemon on every JDK
    }

    static List<Thread> start(String kind, int workers, int max, long pauseMs, Call call) {
        AtomicInteger sent = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Thread thread = new Thread(() -> {
                // bounded twice: by time and by count; a request in flight at the deadline is finished, not dropped
                for (int id = sent.incrementAndGet(); id <= max
                        && System.currentTimeMillis() < deadline; id = sent.incrementAndGet()) {
                    long begin = System.currentTimeMillis();
                    Outcome outcome;
                    try {
                        outcome = call.run(id);
                    } catch (Exception e) {
                        outcome = new Outcome(0, "-", false, "connection: " + e);
                    }
                    long end = System.currentTimeMillis();
                    String line = String.join("\t", kind, Integer.toString(id), Long.toString(begin),
                            Long.toString(end), Integer.toString(outcome.status()), outcome.upstream(),
                            outcome.ok() ? "1" : "0", clean(outcome.reason()));
                    synchronized (records) {
                        records.add(line);
                    }
                    if (pauseMs > 0) {
                        try {
                            Thread.sleep(pauseMs);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            }, kind + "-" + w);
            thread.start();
            threads.add(thread);
        }
        return threads;
    }

    static HttpRequest.Builder post(String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        // the instances run secured, as in production: every call carries the client's API key
        String key = System.getenv("BENCH_API_KEY");
        return key == null ? request : request.header("X-API-Key", key);
    }

    static String upstream(HttpResponse<?> response) {
        // nginx names every upstream it tried, comma-separated: "127.0.0.1:18082, 127.0.0.1:18083"
        return response.headers().firstValue("X-Upstream").orElse("-").replace(", ", "+").replace(" : ", "+");
    }

    /** (a) seed dialect, plain: the exact answer. */
    static Outcome seedAdd(int id) throws Exception {
        HttpResponse<String> response = http.send(post(
                "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"add\",\"params\":{\"a\":2,\"b\":3}}").build(),
                HttpResponse.BodyHandlers.ofString());
        String expected = "{\"jsonrpc\":\"2.0\",\"result\":{\"result\":5},\"id\":" + id + "}";
        if (response.statusCode() != 200) {
            return new Outcome(response.statusCode(), upstream(response), false, "status " + response.statusCode());
        }
        boolean ok = expected.equals(response.body().strip());
        return new Outcome(200, upstream(response), ok, ok ? "" : "wrong body: " + response.body());
    }

    /** (b) seed dialect, streaming: NDJSON, every chunk in order, then the final JSON-RPC line and nothing after. */
    static Outcome seedStream(int id) throws Exception {
        HttpResponse<java.io.InputStream> response = http.send(post("{\"jsonrpc\":\"2.0\",\"id\":\"s" + id
                + "\",\"method\":\"generate_numbers\",\"params\":" + STREAM_ARGS + "}").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        String upstream = upstream(response);
        List<String> lines = new ArrayList<>();
        String problem = readLines(response, lines);
        if (response.statusCode() != 200) {
            return new Outcome(response.statusCode(), upstream, false, "status " + response.statusCode());
        }
        int chunks = 0;
        for (String line : lines) {
            if (line.startsWith("{\"type\":\"progress\",\"current\":" + (chunks + 1) + ",")) {
                chunks++;
            }
        }
        String fin = "{\"jsonrpc\":\"2.0\",\"result\":{\"type\":\"result\",\"generated\":" + CHUNKS + "},\"id\":\"s"
                + id + "\"}";
        boolean ok = problem == null && chunks == CHUNKS && lines.size() == CHUNKS + 1
                && fin.equals(lines.get(lines.size() - 1));
        return new Outcome(200, upstream, ok, ok ? "" : truncation(problem, chunks, lines));
    }

    /**
     * (c) MCP 2025-11-25 tools/call with a progress token: SSE, every progress notification in order, then the result.
     */
    static Outcome mcpStream(int id) throws Exception {
        HttpResponse<java.io.InputStream> response = http.send(post("{\"jsonrpc\":\"2.0\",\"id\":" + id
                + ",\"method\":\"tools/call\",\"params\":{\"name\":\"generate_numbers\",\"arguments\":" + STREAM_ARGS
                + ",\"_meta\":{\"progressToken\":\"p" + id + "\"}}}")
                        .header("Accept", "application/json, text/event-stream")
                        .header("MCP-Protocol-Version", "2025-11-25").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        String upstream = upstream(response);
        List<String> lines = new ArrayList<>();
        String problem = readLines(response, lines);
        if (response.statusCode() != 200) {
            return new Outcome(response.statusCode(), upstream, false, "status " + response.statusCode());
        }
        List<String> data = lines.stream().filter(line -> line.startsWith("data: "))
                .map(line -> line.substring(6)).toList();
        int progress = 0;
        for (String event : data) {
            if (event.startsWith(
                    "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{\"progressToken\":\"p"
                            + id + "\",\"progress\":" + (progress + 1) + ",")) {
                progress++;
            }
        }
        String fin = "{\"jsonrpc\":\"2.0\",\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"{\\\"type\\\":\\\"result\\\","
                + "\\\"generated\\\":" + CHUNKS + "}\"}],\"structuredContent\":{\"type\":\"result\",\"generated\":"
                + CHUNKS
                + "}},\"id\":" + id + "}";
        boolean sse = response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
        boolean ok = problem == null && sse && progress == CHUNKS && data.size() == CHUNKS + 1
                && fin.equals(data.get(data.size() - 1));
        return new Outcome(200, upstream, ok, ok ? "" : truncation(problem, progress, data));
    }

    /** Reads the body line by line; the I/O error that ended it early, if any (a stream cut mid-way). */
    static String readLines(HttpResponse<java.io.InputStream> response, List<String> lines) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty()) {
                    lines.add(line);
                }
            }
            return null;
        } catch (IOException e) {
            return e.toString();
        }
    }

    static String truncation(String problem, int chunks, List<String> lines) {
        String last = lines.isEmpty() ? "(none)" : lines.get(lines.size() - 1);
        return (problem != null ? "truncated stream (" + problem + ")" : "incomplete stream")
                + ": " + chunks + "/" + CHUNKS + " chunks; last line "
                + (last.length() > 80 ? last.substring(0, 80) + "…" : last);
    }

    static String clean(String text) {
        return text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
