package org.statelessmcp.transport;

import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.statelessmcp.api.Caller;
import org.statelessmcp.cluster.LocalStrings;
import org.statelessmcp.dispatch.CallContext;
import org.statelessmcp.dispatch.DeadlineWatch;
import org.statelessmcp.dispatch.JsonCodec;
import org.statelessmcp.dispatch.Outcome;
import org.statelessmcp.dispatch.ToolAccess;
import org.statelessmcp.dispatch.ToolExecutor;
import org.statelessmcp.dispatch.ToolObserver;
import org.statelessmcp.dispatch.ToolResultJson;
import org.statelessmcp.examples.ExampleTools;
import org.statelessmcp.mcp.AnswerRelay;
import org.statelessmcp.mcp.McpServer;
import org.statelessmcp.mcp.NotificationSink;
import org.statelessmcp.mcp.RequestContext;
import org.statelessmcp.mcp.RequestStates;
import org.statelessmcp.protocol.JsonRpcParser;
import org.statelessmcp.protocol.JsonRpcRequest;
import org.statelessmcp.protocol.ParsedBody;
import org.statelessmcp.registry.BenchRegistry;
import org.statelessmcp.registry.FeatureExtension;
import org.statelessmcp.registry.FeatureRegistry;
import org.statelessmcp.registry.ToolHandle;
import org.statelessmcp.registry.ToolRegistry;

/**
 * The engine's hot path for {@code add}, from request bytes to response bytes, in both dialects, beside the work
 * the raw ceiling servlet ({@code bench/baselines/raw-servlet}) does for the same requests. Outside a server: what
 * separates these figures from {@code compare.sh}'s is the container (HTTP parsing, filters, CDI contexts, logging).
 * The {@code parse*} and {@code dispatch*} benchmarks split the path into its parts.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
public class EngineBenchmark {

    static final byte[] PLAIN = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"add\",\"params\":{\"a\":2,\"b\":3}}"
            .getBytes(StandardCharsets.UTF_8);
    static final byte[] MCP = ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
            + "\"params\":{\"name\":\"add\",\"arguments\":{\"a\":2,\"b\":3}}}").getBytes(StandardCharsets.UTF_8);

    private Jsonb jsonb;
    private JsonRpcParser parser;
    private ToolRegistry registry;
    private ToolExecutor executor;
    private McpServer mcp;
    private RequestContext context;
    private JsonRpcRequest plainCall;
    private JsonRpcRequest mcpCall;
    private JsonReaderFactory readers;
    private JsonBuilderFactory builders;

    @Setup
    public void setUp() throws ReflectiveOperationException {
        JsonCodec codec = JsonCodec.create();
        jsonb = codec.jsonb();
        // the product's defaults: depth 64, batch 100, strings 1 MiB, numbers 1,000 characters, 64 arguments
        parser = new JsonRpcParser(64, 100, 1 << 20, 1000, 64, Set.of("tools/call", "prompts/get"));
        registry = BenchRegistry.of(new ExampleTools(), jsonb);
        // plain tools run on the calling thread, as on the request thread in the server
        executor = new ToolExecutor(Runnable::run, new DeadlineWatch(), codec, ToolObserver.NONE, task -> task);
        FeatureRegistry features = new FeatureRegistry(new FeatureExtension(), null);
        mcp = new McpServer(registry, features, executor, ToolObserver.NONE, new McpServer.Settings("bench", 50, null,
                60_000, new RequestStates(RequestStates.randomSecret(), 300, Clock.systemUTC()), AnswerRelay.NONE,
                ToolAccess.OPEN, new McpServer.TaskSettings(new LocalStrings(Duration.ofHours(1), Clock.systemUTC()),
                        false, Duration.ofHours(1), Duration.ofSeconds(1), Duration.ofSeconds(15), 1 << 20,
                        Clock.systemUTC())));
        context = RequestContext.handshake("2025-06-18", Caller.ANONYMOUS);
        plainCall = call(PLAIN);
        mcpCall = call(MCP);
        JsonProvider json = JsonProvider.provider();
        readers = json.createReaderFactory(Map.of());
        builders = json.createBuilderFactory(Map.of());
        // a benchmark of an error path would measure nothing useful: check the answers once
        expect(seedAdd(), "\"result\":{\"result\":5}");
        expect(mcpToolsCall(), "\"structuredContent\":{\"result\":5}");
        expect(rawSeedAdd(), "\"result\":{\"result\":5}");
        expect(rawMcpToolsCall(), "\"structuredContent\":{\"result\":5}");
    }

    private static void expect(byte[] answer, String part) {
        String text = new String(answer, StandardCharsets.UTF_8);
        if (!text.contains(part)) {
            throw new IllegalStateException("unexpected answer " + text);
        }
    }

    @TearDown
    public void tearDown() throws Exception {
        jsonb.close();
    }

    private JsonRpcRequest call(byte[] body) {
        return (JsonRpcRequest) ((ParsedBody.Single) parser.parse(body, body.length)).message();
    }

    /** A plain JSON-RPC call as {@code PlainJsonRpc} and {@code PlainCall} make it, minus the role check. */
    private Outcome plain(JsonRpcRequest call) {
        ToolHandle tool = registry.find(call.method());
        return executor.start(tool, call.params(), CallContext.quiet(call.id(), Caller.ANONYMOUS)).outcome()
                .thenApply(outcome -> ToolResultJson.plain(outcome, tool.descriptor().name())).join();
    }

    @Benchmark
    public byte[] seedAdd() {
        JsonRpcRequest call = call(PLAIN);
        return Replies.render(call.id(), plain(call)).getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public byte[] mcpToolsCall() {
        JsonRpcRequest call = call(MCP);
        return Replies.render(call.id(), mcp.handle(call, context, NotificationSink.NONE).outcome().join())
                .getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public ParsedBody parseSeed() {
        return parser.parse(PLAIN, PLAIN.length);
    }

    @Benchmark
    public ParsedBody parseMcp() {
        return parser.parse(MCP, MCP.length);
    }

    @Benchmark
    public String dispatchSeed() {
        return Replies.render(plainCall.id(), plain(plainCall));
    }

    @Benchmark
    public String dispatchMcp() {
        return Replies.render(mcpCall.id(), mcp.handle(mcpCall, context, NotificationSink.NONE).outcome().join());
    }

    /** What {@code RawAddServlet} does for the plain JSON-RPC request, minus the servlet. */
    @Benchmark
    public byte[] rawSeedAdd() {
        JsonObject call = read(PLAIN);
        JsonObject params = call.getJsonObject("params");
        int sum = params.getInt("a") + params.getInt("b");
        return builders.createObjectBuilder().add("jsonrpc", "2.0")
                .add("result", builders.createObjectBuilder().add("result", sum)).add("id", call.get("id"))
                .build().toString().getBytes(StandardCharsets.UTF_8);
    }

    /** What {@code RawAddServlet} does for the MCP request, minus the servlet. */
    @Benchmark
    public byte[] rawMcpToolsCall() {
        JsonObject call = read(MCP);
        JsonValue id = call.get("id");
        JsonObject arguments = call.getJsonObject("params").getJsonObject("arguments");
        int sum = arguments.getInt("a") + arguments.getInt("b");
        return builders.createObjectBuilder().add("jsonrpc", "2.0").add("id", id)
                .add("result", builders.createObjectBuilder()
                        .add("content", builders.createArrayBuilder().add(builders.createObjectBuilder()
                                .add("type", "text").add("text", "{\"result\":" + sum + "}")))
                        .add("structuredContent", builders.createObjectBuilder().add("result", sum))
                        .add("isError", false))
                .build().toString().getBytes(StandardCharsets.UTF_8);
    }

    private JsonObject read(byte[] body) {
        try (JsonReader reader = readers.createReader(new ByteArrayInputStream(body))) {
            return reader.readObject();
        }
    }
}
