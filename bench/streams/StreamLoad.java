import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Holds N streaming calls of the seed dialect in flight at once and checks every one of them whole.
 *
 * <p>Each call is {@code generate_numbers} with {@code count} chunks {@code delay} seconds apart; the calls are
 * opened evenly over the ramp, so the server sees N streams in flight for most of the run. A call is good when it
 * answers 200 {@code application/x-ndjson} with exactly {@code count} chunk lines followed by the JSON-RPC
 * response carrying {@code "generated":count}. First-chunk latency runs from sending the request to the first
 * line. Bounded: every call has a deadline, and the run ends at {@code ramp + count * delay + grace} seconds.
 *
 * <p>usage: {@code java StreamLoad.java <url> <streams> <count> <delay> <rampSeconds> <graceSeconds>}; prints one
 * line of {@code key=value} pairs for the calling script.
 */
public final class StreamLoad {

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        int streams = Integer.parseInt(args[1]);
        int count = Integer.parseInt(args[2]);
        double delay = Double.parseDouble(args[3]);
        double ramp = Double.parseDouble(args[4]);
        double grace = Double.parseDouble(args[5]);
        new StreamLoad(url, streams, count, delay, ramp, grace).run();
    }

    private final URI url;
    private final int streams;
    private final int count;
    private final double delay;
    private final double ramp;
    private final Duration deadline;
    private final List<Long> firstChunkMicros = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> headersMicros = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final AtomicInteger good = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peakInFlight = new AtomicInteger();

    private StreamLoad(URI url, int streams, int count, double delay, double ramp, double grace) {
        this.url = url;
        this.streams = streams;
        this.count = count;
        this.delay = delay;
        this.ramp = ramp;
        this.deadline = Duration.ofMillis((long) ((count * delay + grace) * 1000));
    }

    private void run() throws InterruptedException {
        // The client's own work is small (a line per second per stream): a few threads parse every line.
        ExecutorService callbacks = Executors.newFixedThreadPool(2);
        ScheduledExecutorService opener = Executors.newSingleThreadScheduledExecutor();
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30))
                .executor(callbacks)
                .build();
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"generate_numbers\",\"params\":{\"count\":" + count
                + ",\"delay\":" + delay + "}}";
        List<CompletableFuture<Void>> calls = Collections.synchronizedList(new ArrayList<>());
        long rampNanos = (long) (ramp * 1e9);
        long started = System.nanoTime();
        for (int i = 0; i < streams; i++) {
            long at = streams == 1 ? 0 : rampNanos * i / (streams - 1);
            opener.schedule(() -> calls.add(call(http, body)), at, TimeUnit.NANOSECONDS);
        }
        opener.shutdown();
        opener.awaitTermination((long) ramp + 60, TimeUnit.SECONDS);
        try {
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
                    .get(deadline.toMillis() + 30_000, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            failures.computeIfAbsent("run-deadline", k -> new AtomicInteger())
                    .addAndGet(streams - good.get() - failures.values().stream().mapToInt(AtomicInteger::get).sum());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Long> latencies = sorted(firstChunkMicros);
        List<Long> headers = sorted(headersMicros);
        Map<String, Integer> failed = new TreeMap<>();
        failures.forEach((reason, n) -> failed.put(reason, n.get()));
        System.out.printf("streams=%d good=%d failed=%d peak_in_flight=%d headers_p50_ms=%.1f headers_p99_ms=%.1f "
                + "first_chunk_p50_ms=%.1f first_chunk_p99_ms=%.1f first_chunk_max_ms=%.1f seconds=%.1f "
                + "client_cpu_s=%.1f failures=%s%n",
                streams, good.get(), failed.values().stream().mapToInt(Integer::intValue).sum(), peakInFlight.get(),
                percentile(headers, 0.50), percentile(headers, 0.99),
                percentile(latencies, 0.50), percentile(latencies, 0.99), percentile(latencies, 1.0), seconds,
                ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis() / 1000.0).orElse(Double.NaN),
                failed.isEmpty() ? "none" : failed.toString().replace(' ', '_'));
        callbacks.shutdownNow();
    }

    private CompletableFuture<Void> call(HttpClient http, String body) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(deadline)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        Lines lines = new Lines(System.nanoTime());
        peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        HttpResponse.BodyHandler<Lines> handler = info -> {
            headersMicros.add((System.nanoTime() - lines.sentNanos) / 1000);
            return HttpResponse.BodySubscribers.fromLineSubscriber(lines, l -> l,
                    java.nio.charset.StandardCharsets.UTF_8, "\n");
        };
        return http.sendAsync(request, handler)
                .handle((response, error) -> {
                    inFlight.decrementAndGet();
                    String failure = error != null ? error.getClass().getSimpleName()
                            : response.statusCode() != 200 ? "status-" + response.statusCode()
                            : !response.headers().firstValue("Content-Type").orElse("")
                                    .startsWith("application/x-ndjson")
                                    ? "content-type"
                            : lines.failure(count);
                    if (failure == null) {
                        good.incrementAndGet();
                    } else {
                        failures.computeIfAbsent(failure, k -> new AtomicInteger()).incrementAndGet();
                    }
                    return null;
                });
    }

    private static List<Long> sorted(List<Long> values) {
        List<Long> copy;
        synchronized (values) {
            copy = new ArrayList<>(values);
        }
        Collections.sort(copy);
        return copy;
    }

    private static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1000.0;
    }

    /** Counts chunk lines and keeps the last one, which must be the JSON-RPC response. */
    private final class Lines implements Flow.Subscriber<String> {
        private final long sentNanos;
        private int received;
        private String last = "";

        Lines(long sentNanos) {
            this.sentNanos = sentNanos;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.isEmpty()) {
                return;
            }
            if (received++ == 0) {
                firstChunkMicros.add((System.nanoTime() - sentNanos) / 1000);
            }
            last = line;
        }

        @Override
        public void onError(Throwable error) {
            // the response future reports it
        }

        @Override
        public void onComplete() {
        }

        String failure(int expectedChunks) {
            if (received != expectedChunks + 1) {
                return "lines-" + (received < expectedChunks + 1 ? "short" : "extra");
            }
            return last.contains("\"result\"") && last.contains("\"generated\":" + expectedChunks) ? null : "no-result";
        }
    }
}
