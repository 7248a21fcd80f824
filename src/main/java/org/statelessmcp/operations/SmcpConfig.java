package org.statelessmcp.operations;

import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.statelessmcp.registry.Unproxied;

/**
 * The server's general settings (request limits, stream buffering, the timeout cap, allowed origins, its version),
 * read once from MicroProfile Config at startup. The others have classes of their own ({@link McpConfig},
 * {@link TaskConfig}, {@code security.SecurityConfig}) or are read where they are used (logging, metrics). Defaults
 * live in {@code META-INF/microprofile-config.properties}; any config source overrides them, environment variables
 * included ({@code SMCP_MAX_REQUEST_SIZE} for {@code smcp.max-request-size}).
 */
@Unproxied
public class SmcpConfig {

    private final long maxRequestSize;
    private final int maxJsonDepth;
    private final int maxBatchSize;
    private final int maxStringLength;
    private final int maxNumberLength;
    private final int maxArguments;
    private final long streamBufferSize;
    private final long maxToolTimeout;
    private final List<String> allowedOrigins;
    private final String version;

    @Inject
    public SmcpConfig(@ConfigProperty(name = "smcp.max-request-size") long maxRequestSize,
                      @ConfigProperty(name = "smcp.max-json-depth") int maxJsonDepth,
                      @ConfigProperty(name = "smcp.max-batch-size") int maxBatchSize,
                      @ConfigProperty(name = "smcp.max-string-length") int maxStringLength,
                      @ConfigProperty(name = "smcp.max-number-length") int maxNumberLength,
                      @ConfigProperty(name = "smcp.max-arguments") int maxArguments,
                      @ConfigProperty(name = "smcp.stream.buffer-size") long streamBufferSize,
                      @ConfigProperty(name = "smcp.max-tool-timeout") long maxToolTimeout,
                      @ConfigProperty(name = "smcp.allowed-origins") Optional<String> allowedOrigins,
                      @ConfigProperty(name = "smcp.version") String version) {
        this.maxRequestSize = maxRequestSize;
        this.maxJsonDepth = maxJsonDepth;
        this.maxBatchSize = maxBatchSize;
        this.maxStringLength = maxStringLength;
        this.maxNumberLength = maxNumberLength;
        this.maxArguments = maxArguments;
        this.streamBufferSize = streamBufferSize;
        this.maxToolTimeout = maxToolTimeout;
        // a plain comma-separated string: Payara's config producer cannot inject Optional<List<String>>
        this.allowedOrigins = allowedOrigins.stream()
                .flatMap(list -> java.util.Arrays.stream(list.split(",")))
                .map(String::trim)
                .filter(origin -> !origin.isEmpty())
                .toList();
        this.version = version;
    }

    /** Largest request body in bytes; larger ones get HTTP 413 before they are fully read. */
    public long maxRequestSize() {
        return maxRequestSize;
    }

    /** Deepest nesting of JSON arrays and objects accepted in a request. */
    public int maxJsonDepth() {
        return maxJsonDepth;
    }

    /** Most requests in one JSON-RPC batch. */
    public int maxBatchSize() {
        return maxBatchSize;
    }

    /** The most characters a string in a request may have, as written. */
    public int maxStringLength() {
        return maxStringLength;
    }

    /**
     * The most characters a number in a request may have, as written, and the largest exponent it may carry: a
     * twelve-character {@code 1e99999999} would otherwise reach a tool's arithmetic as a hundred million digits.
     */
    public int maxNumberLength() {
        return maxNumberLength;
    }

    /** The most arguments one tool or prompt call may pass. */
    public int maxArguments() {
        return maxArguments;
    }

    /** Bytes of a stream's chunks buffered for a slow client before the tool's emit waits. */
    public long streamBufferSize() {
        return streamBufferSize;
    }

    /** The cap on every tool's timeout, in seconds; also bounds a request that waits on several calls. */
    public long maxToolTimeout() {
        return maxToolTimeout;
    }

    /**
     * Browser origins allowed to call {@code /mcp} besides the loopback ones ({@code http://localhost:*},
     * {@code http://127.0.0.1:*}, {@code http://[::1]:*}); {@code *} allows every origin.
     */
    public List<String> allowedOrigins() {
        return allowedOrigins;
    }

    /** The server's version. */
    public String version() {
        return version;
    }
}
