package org.statelessmcp.testkit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small client for testing tools served by stateless-mcp, in the plain JSON-RPC dialect or in either MCP era, with
 * assertions on what comes back ({@link McpResponse}). Immutable: every option returns a new client, so a test
 * class may keep one per dialect.
 *
 * <pre>{@code
 * McpTestClient mcp = McpTestClient.at(base).mcp2026();          // base: the deployment, e.g. @ArquillianResource URL
 * mcp.call("add", Map.of("a", 2, "b", 3))
 *    .assertSuccess()
 *    .assertStructured("{\"result\":5}");
 * mcp.progressToken("p1").call("generate_numbers", Map.of("count", 3))
 *    .assertProgress(1, 2, 3);
 * McpTestClient.at(base).plain().call("fail", Map.of("message", "boom"))
 *    .assertError(-32000, "boom")
 *    .assertNoInternals();
 * }</pre>
 *
 * <p>The dialects, as the server reads them:
 * <ul>
 *   <li>{@link #plain()} (the default): a JSON-RPC request whose method is the tool name and whose params are its
 *       arguments; a streaming tool answers NDJSON chunks ({@link McpResponse#chunks()}), then the final line;</li>
 *   <li>{@link #mcp2025()}: {@code tools/call} with {@code MCP-Protocol-Version: 2025-11-25} and
 *       {@code Accept: application/json, text/event-stream}; the answer is JSON or an SSE stream of notifications
 *       ({@link McpResponse#notifications()}) ending with the response;</li>
 *   <li>{@link #mcp2026()}: the stateless revision 2026-07-28: every request carries {@code _meta} with the protocol
 *       version, client info and {@linkplain #capabilities(String) capabilities}, and the headers
 *       {@code MCP-Protocol-Version}, {@code Mcp-Method} and {@code Mcp-Name}; a tool asking for input answers
 *       {@code input_required}, answered by {@link McpResponse#answer(String, JsonObject)}.</li>
 * </ul>
 * Headers set with {@link #header(String, String)} replace the dialect's own of the same name (or remove them, with a
 * null value), so a test can also send what a broken client would.
 */
public final class McpTestClient {

    /** The version {@link #mcp2025()} speaks. */
    public static final String MCP_2025 = "2025-11-25";
    /** The version {@link #mcp2026()} speaks. */
    public static final String MCP_2026 = "2026-07-28";

    private static final String BOTH = "application/json, text/event-stream";
    private static final Set<String> NAMED_METHODS = Set.of("tools/call", "prompts/get", "resources/read");
    /** The tasks extension's methods, whose {@code Mcp-Name} is the task id. */
    private static final Set<String> TASK_METHODS = Set.of("tasks/get", "tasks/update", "tasks/cancel");

    enum Dialect { PLAIN, MCP_2025, MCP_2026 }

    private final HttpClient http;
    private final URI base;
    private final AtomicLong ids;
    private final Dialect dialect;
    private final String version;
    private final Map<String, String[]> headers;
    private final Duration timeout;
    private final JsonValue id;
    private final JsonValue progressToken;
    private final String logLevel;
    private final JsonObject capabilities;

    private McpTestClient(HttpClient http, URI base, AtomicLong ids, Dialect dialect, String version,
                          Map<String, String[]> headers, Duration timeout, JsonValue id, JsonValue progressToken,
                          String logLevel, JsonObject capabilities) {
        this.http = http;
        this.base = base;
        this.ids = ids;
        this.dialect = dialect;
        this.version = version;
        this.headers = headers;
        this.timeout = timeout;
        this.id = id;
        this.progressToken = progressToken;
        this.logLevel = logLevel;
        this.capabilities = capabilities;
    }

    /**
     * A client of the deployment at {@code base} (its endpoint is {@code base + "mcp"}), speaking the plain dialect.
     *
     * @param base the deployment's root, e.g. {@code http://localhost:8080/} or an Arquillian {@code URL}
     */
    public static McpTestClient at(URI base) {
        String text = base.toString();
        URI root = URI.create(text.endsWith("/") ? text : text + "/");
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        return new McpTestClient(http, root, new AtomicLong(), Dialect.PLAIN, null, Map.of(), Duration.ofSeconds(60),
                null, null, null, JsonValue.EMPTY_JSON_OBJECT);
    }

    /** {@link #at(URI)} for an Arquillian {@code @ArquillianResource URL}. */
    public static McpTestClient at(URL base) {
        try {
            return at(base.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(base.toString(), e);
        }
    }

    /** {@link #at(URI)} for a URL written out, e.g. {@code "http://localhost:8080/"}. */
    public static McpTestClient at(String base) {
        return at(URI.create(base));
    }

    private McpTestClient with(Dialect dialect, String version, Map<String, String[]> headers, Duration timeout,
                               JsonValue id, JsonValue progressToken, String logLevel, JsonObject capabilities) {
        return new McpTestClient(http, base, ids, dialect, version, headers, timeout, id, progressToken, logLevel,
                capabilities);
    }

    // ---- options ------------------------------------------------------------------------------------------------

    /** The plain JSON-RPC dialect: method = tool name, params = arguments. */
    public McpTestClient plain() {
        return with(Dialect.PLAIN, null, headers, timeout, id, null, null, JsonValue.EMPTY_JSON_OBJECT);
    }

    /** MCP 2025-11-25 over Streamable HTTP, without a session. */
    public McpTestClient mcp2025() {
        return mcp2025(MCP_2025);
    }

    /**
     * An MCP revision of the 2025 era: {@code 2025-11-25}, {@code 2025-06-18} or {@code 2025-03-26}, sent in
     * {@code MCP-Protocol-Version}.
     */
    public McpTestClient mcp2025(String version) {
        return with(Dialect.MCP_2025, Objects.requireNonNull(version), headers, timeout, id, progressToken, logLevel,
                capabilities);
    }

    /** MCP 2026-07-28, the stateless revision: {@code _meta} and the MCP headers on every request. */
    public McpTestClient mcp2026() {
        return with(Dialect.MCP_2026, MCP_2026, headers, timeout, id, progressToken, logLevel, capabilities);
    }

    /** Sends this header on every request, replacing the dialect's own of that name; {@code null} removes it. */
    public McpTestClient header(String name, String value) {
        return with(dialect, version, Wire.withHeader(headers, name, value), timeout, id, progressToken, logLevel,
                capabilities);
    }

    /** Sends {@code X-API-Key: key}, the server's default API key header. */
    public McpTestClient apiKey(String key) {
        return header("X-API-Key", key);
    }

    /** How long a request may take, the whole response read (60 s unless set). */
    public McpTestClient timeout(Duration timeout) {
        return with(dialect, version, headers, Objects.requireNonNull(timeout), id, progressToken, logLevel,
                capabilities);
    }

    /**
     * Uses this JSON-RPC id (a {@code String} or a {@code Number}); by default each request gets the next number. Any
     * JSON-P value is sent as it is, so a test of the envelope may send {@code JsonValue.NULL}, a fraction or an
     * object.
     */
    public McpTestClient id(Object id) {
        return with(dialect, version, headers, timeout, id == null ? null : Wire.toJson(id), progressToken, logLevel,
                capabilities);
    }

    /**
     * Asks for progress: {@code _meta.progressToken} (a {@code String} or a {@code Number}) on MCP requests, so a
     * streaming tool's chunks arrive as {@code notifications/progress} ({@link McpResponse#progress()}).
     *
     * @throws IllegalStateException in the plain dialect, which has no progress notifications
     */
    public McpTestClient progressToken(Object token) {
        requireMcp("progress tokens");
        return with(dialect, version, headers, timeout, id, token == null ? null : Wire.toJson(token), logLevel,
                capabilities);
    }

    /**
     * The least severe log level the client wants ({@code debug}, {@code info}, … {@code emergency}). 2026-07-28: sent
     * as {@code _meta["io.modelcontextprotocol/logLevel"]}, without which a tool's log messages are not sent; 2025
     * revisions: a {@code logging/setLevel} request precedes each call, as a 2025 client's would (a stateless server
     * accepts it but cannot keep it: it always sends the messages).
     *
     * @throws IllegalStateException in the plain dialect, which has no log messages
     */
    public McpTestClient logLevel(String level) {
        requireMcp("log levels");
        return with(dialect, version, headers, timeout, id, progressToken, level, capabilities);
    }

    /**
     * The client's capabilities, e.g. {@code {"elicitation":{},"sampling":{},"roots":{}}}: sent in each 2026-07-28
     * request's {@code _meta} ({@code {}} unless set); tools ask only for what is declared. 2025 revisions declare
     * capabilities in {@code initialize}, which a stateless server cannot remember: there they are not sent.
     */
    public McpTestClient capabilities(JsonObject capabilities) {
        requireMcp("client capabilities");
        return with(dialect, version, headers, timeout, id, progressToken, logLevel,
                Objects.requireNonNull(capabilities));
    }

    /** {@link #capabilities(JsonObject)} written as JSON. */
    public McpTestClient capabilities(String json) {
        return capabilities(Wire.object(json));
    }

    private void requireMcp(String what) {
        if (dialect == Dialect.PLAIN) {
            throw new IllegalStateException(
                    "the plain dialect has no " + what + ": choose mcp2025() or mcp2026() first");
        }
    }

    /** The endpoint requests go to: {@code base + "mcp"}. */
    public URI endpoint() {
        return base.resolve("mcp");
    }

    // ---- requests -----------------------------------------------------------------------------------------------

    /** Calls a tool without arguments. */
    public McpResponse call(String tool) {
        return callWith(tool, JsonValue.EMPTY_JSON_OBJECT);
    }

    /** Calls a tool; the arguments may be numbers, strings, booleans, enums, maps, lists and JSON-P values. */
    public McpResponse call(String tool, Map<String, ?> arguments) {
        return callWith(tool, Wire.toObject(arguments));
    }

    /**
     * Calls a tool with arguments written as JSON, e.g. {@code "{\"city\":\"Oslo\"}"} (in the plain dialect also an
     * array, the arguments by position).
     */
    public McpResponse call(String tool, String argumentsJson) {
        return callWith(tool, (JsonStructure) Wire.parse(argumentsJson));
    }

    /** Calls a tool with JSON-P arguments. */
    public McpResponse call(String tool, JsonObject arguments) {
        return callWith(tool, arguments);
    }

    private McpResponse callWith(String tool, JsonStructure arguments) {
        if (dialect == Dialect.MCP_2025 && logLevel != null) {
            request("logging/setLevel", Json.createObjectBuilder().add("level", logLevel).build()).assertSuccess();
        }
        return sync(exchange(callRequest(tool, arguments)));
    }

    /** Starts a tool call without waiting for its answer: for tests that act while it runs (cancelling, gates). */
    public CompletableFuture<McpResponse> callAsync(String tool, Map<String, ?> arguments) {
        return exchange(callRequest(tool, Wire.toObject(arguments)));
    }

    private Outgoing callRequest(String tool, JsonStructure arguments) {
        if (dialect == Dialect.PLAIN) {
            return outgoing(tool, arguments);
        }
        return outgoing("tools/call", Json.createObjectBuilder().add("name", tool)
                .add("arguments", arguments == null ? JsonValue.EMPTY_JSON_OBJECT : arguments).build());
    }

    /** Lists the tools: {@code GET /tools} in the plain dialect, {@code tools/list} over MCP. */
    public McpResponse list() {
        return dialect == Dialect.PLAIN ? get("tools") : request("tools/list");
    }

    /** Any JSON-RPC method without params (MCP: {@code ping}, {@code server/discover}, {@code prompts/list}, …). */
    public McpResponse request(String method) {
        return request(method, (JsonStructure) null);
    }

    /** Any JSON-RPC method with params written as JSON. */
    public McpResponse request(String method, String paramsJson) {
        return request(method, (JsonStructure) Wire.parse(paramsJson));
    }

    /**
     * Any JSON-RPC method, dressed as the dialect requires (over 2026-07-28: {@code _meta} and headers; a
     * {@code _meta} in {@code params} is merged in, its entries winning).
     */
    public McpResponse request(String method, JsonStructure params) {
        return sync(exchange(outgoing(method, params)));
    }

    /**
     * Sends this text as the body, exactly, with the dialect's headers (over 2026-07-28 {@code Mcp-Method} and
     * {@code Mcp-Name} are read from the body when it is a request): for batches, notifications, client responses and
     * malformed requests.
     */
    public McpResponse send(String rawBody) {
        return sync(exchange(raw(rawBody)));
    }

    /** {@link #send(String)} without waiting for the answer. */
    public CompletableFuture<McpResponse> sendAsync(String rawBody) {
        return exchange(raw(rawBody));
    }

    /**
     * The body {@link #request(String, String)} would send, as text, without sending it: for batches
     * ({@code send("[" + a + "," + b + "]")}) and for tests that send by other means (raw sockets, bytes).
     *
     * @param paramsJson the params written as JSON, or null for none
     */
    public String requestBody(String method, String paramsJson) {
        return outgoing(method, paramsJson == null ? null : (JsonStructure) Wire.parse(paramsJson)).text();
    }

    /**
     * {@code GET base + path} with this client's headers, e.g. {@code get("tools/forecast")} or {@code get("health")}.
     */
    public McpResponse get(String path) {
        return http("GET", path);
    }

    /**
     * {@code GET} of any URI with this client's headers: for what the server serves outside the deployment, such as
     * its health probes or metrics.
     */
    public McpResponse get(URI uri) {
        return bodiless("GET", uri);
    }

    /**
     * A request without a body, of any HTTP method ({@code DELETE}, {@code OPTIONS}, …), to {@code base + path} with
     * this client's headers: e.g. a CORS preflight,
     * {@code header("Origin", o).header("Access-Control-Request-Method", "POST").http("OPTIONS", "mcp")}.
     */
    public McpResponse http(String httpMethod, String path) {
        return bodiless(httpMethod, base.resolve(path.startsWith("/") ? path.substring(1) : path));
    }

    private McpResponse bodiless(String httpMethod, URI uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout);
        switch (httpMethod) {
            case "GET" -> request.GET();
            case "DELETE" -> request.DELETE();
            default -> request.method(httpMethod, HttpRequest.BodyPublishers.noBody());
        }
        headers.values().forEach(header -> {
            if (header[1] != null) {
                request.setHeader(header[0], header[1]);
            }
        });
        return sync(exchange(new Outgoing(request.build(), httpMethod + " " + uri, null, null)));
    }

    // ---- building and sending -----------------------------------------------------------------------------------

    /** A request on its way: what is sent, and what {@link McpResponse#answer} needs to send it again. */
    record Outgoing(HttpRequest request, String text, String method, JsonStructure params) {
    }

    private Outgoing outgoing(String method, JsonStructure params) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("jsonrpc", "2.0")
                .add("id", id != null ? id : Json.createValue(ids.incrementAndGet()))
                .add("method", method);
        JsonStructure sent = dialect == Dialect.PLAIN ? params : withMeta(params);
        if (sent != null) {
            body.add("params", sent);
        }
        String text = body.build().toString();
        return new Outgoing(post(text, method, sent).build(), text, method, params);
    }

    /** Params with the era's {@code _meta}: the progress token, and in 2026-07-28 version, client and capabilities. */
    private JsonStructure withMeta(JsonStructure params) {
        JsonObjectBuilder meta = Json.createObjectBuilder();
        if (dialect == Dialect.MCP_2026) {
            meta.add("io.modelcontextprotocol/protocolVersion", version)
                    .add("io.modelcontextprotocol/clientInfo",
                            Json.createObjectBuilder().add("name", "stateless-mcp-testkit").add("version", "1"))
                    .add("io.modelcontextprotocol/clientCapabilities", capabilities);
            if (logLevel != null) {
                meta.add("io.modelcontextprotocol/logLevel", logLevel);
            }
        }
        if (progressToken != null) {
            meta.add("progressToken", progressToken);
        }
        JsonObject built = meta.build();
        if (!(params instanceof JsonObject object)) {
            return built.isEmpty() ? params : Json.createObjectBuilder().add("_meta", built).build();
        }
        if (object.get("_meta") instanceof JsonObject own) {
            JsonObjectBuilder merged = Json.createObjectBuilder(built);
            own.forEach(merged::add);
            built = merged.build();
        }
        return built.isEmpty() ? object : Json.createObjectBuilder(object).add("_meta", built).build();
    }

    private Outgoing raw(String text) {
        JsonValue parsed = Wire.tryParse(text);
        JsonObject request = parsed instanceof JsonObject object ? object : null;
        String method = Wire.string(request, "method");
        JsonStructure params = request != null && request.get("params") instanceof JsonStructure p ? p : null;
        return new Outgoing(post(text, method, params).build(), text, method, params);
    }

    private HttpRequest.Builder post(String text, String method, JsonStructure params) {
        Map<String, String[]> sent = new LinkedHashMap<>();
        sent = Wire.withHeader(sent, "Content-Type", "application/json");
        if (dialect != Dialect.PLAIN) {
            sent = Wire.withHeader(sent, "Accept", BOTH);
            sent = Wire.withHeader(sent, "MCP-Protocol-Version", version);
        }
        if (dialect == Dialect.MCP_2026 && method != null) {
            sent = Wire.withHeader(sent, "Mcp-Method", method);
            boolean task = TASK_METHODS.contains(method);
            if ((task || NAMED_METHODS.contains(method)) && params instanceof JsonObject object) {
                String name = Wire.string(object, task ? "taskId" : object.containsKey("name") ? "name" : "uri");
                if (name != null) {
                    sent = Wire.withHeader(sent, "Mcp-Name", name);
                }
            }
        }
        sent.putAll(headers);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint()).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(text));
        sent.values().forEach(header -> {
            if (header[1] != null) {
                request.setHeader(header[0], header[1]);
            }
        });
        return request;
    }

    private CompletableFuture<McpResponse> exchange(Outgoing outgoing) {
        return http.sendAsync(outgoing.request(), HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> {
                    if (failure != null) {
                        Throwable cause = failure instanceof java.util.concurrent.CompletionException
                                ? failure.getCause() : failure;
                        throw new UncheckedIOException(
                                new IOException(outgoing.text() + " to " + outgoing.request().uri()
                                        + " failed: " + cause, cause));
                    }
                    return new McpResponse(this, outgoing, response);
                });
    }

    private static McpResponse sync(CompletableFuture<McpResponse> response) {
        try {
            return response.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Sends the same call again with the client's answers (2026-07-28 multi round-trip requests). */
    McpResponse again(Outgoing first, JsonObject inputResponses, String requestState) {
        if (!(first.params() instanceof JsonObject params) || first.method() == null) {
            throw new IllegalStateException("not a request that can be answered: " + first.text());
        }
        JsonObjectBuilder next = Json.createObjectBuilder(params).add("inputResponses", inputResponses);
        if (requestState != null) {
            next.add("requestState", requestState);
        }
        return request(first.method(), next.build());
    }

    Dialect dialect() {
        return dialect;
    }

    @Override
    public String toString() {
        return "McpTestClient[" + endpoint() + ", " + (dialect == Dialect.PLAIN ? "plain" : "MCP " + version) + "]";
    }
}
