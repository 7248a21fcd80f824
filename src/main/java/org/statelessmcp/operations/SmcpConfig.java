package org.statelessmcp.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every setting of the server, read once from MicroProfile Config at startup. Defaults live in
 * {@code META-INF/microprofile-config.properties}; any config source overrides them, environment variables
 * included ({@code SMCP_MAX_REQUEST_SIZE} for {@code smcp.max-request-size}).
 */
@ApplicationScoped
public class SmcpConfig {

    private final long maxRequestSize;
    private final int maxJsonDepth;
    private final int maxBatchSize;
    private final long streamBufferSize;
    private final boolean debug;
    private final String version;

    /** For the CDI client proxy only. */
    protected SmcpConfig() {
        this(0, 0, 0, 0, false, null);
    }

    @Inject
    public SmcpConfig(@ConfigProperty(name = "smcp.max-request-size") long maxRequestSize,
                      @ConfigProperty(name = "smcp.max-json-depth") int maxJsonDepth,
                      @ConfigProperty(name = "smcp.max-batch-size") int maxBatchSize,
                      @ConfigProperty(name = "smcp.stream.buffer-size") long streamBufferSize,
                      @ConfigProperty(name = "smcp.debug") boolean debug,
                      @ConfigProperty(name = "smcp.version") String version) {
        this.maxRequestSize = maxRequestSize;
        this.maxJsonDepth = maxJsonDepth;
        this.maxBatchSize = maxBatchSize;
        this.streamBufferSize = streamBufferSize;
        this.debug = debug;
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

    /** Bytes of a stream's chunks buffered for a slow client before the tool's emit waits. */
    public long streamBufferSize() {
        return streamBufferSize;
    }

    /** Adds detail to logs (never to responses). */
    public boolean debug() {
        return debug;
    }

    /** The server's version. */
    public String version() {
        return version;
    }
}
