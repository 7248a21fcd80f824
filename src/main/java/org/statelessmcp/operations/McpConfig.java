package org.statelessmcp.operations;

import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.statelessmcp.registry.Unproxied;

/**
 * The MCP settings ({@code smcp.mcp.*}), read once from MicroProfile Config at startup, environment variables
 * included ({@code SMCP_MCP_REQUEST_STATE_SECRET} for {@code smcp.mcp.request-state.secret}).
 */
@Unproxied
public class McpConfig {

    private final int pageSize;
    private final long listTtlSeconds;
    private final Optional<String> instructions;
    private final Optional<String> requestStateSecret;
    private final long requestStateTtlSeconds;

    @Inject
    public McpConfig(@ConfigProperty(name = "smcp.mcp.page-size") int pageSize,
                     @ConfigProperty(name = "smcp.mcp.list-ttl") long listTtlSeconds,
                     @ConfigProperty(name = "smcp.mcp.instructions") Optional<String> instructions,
                     @ConfigProperty(name = "smcp.mcp.request-state.secret") Optional<String> requestStateSecret,
                     @ConfigProperty(name = "smcp.mcp.request-state.ttl") long requestStateTtlSeconds) {
        this.pageSize = pageSize;
        this.listTtlSeconds = listTtlSeconds;
        this.instructions = instructions.filter(text -> !text.isBlank());
        this.requestStateSecret = requestStateSecret.filter(secret -> !secret.isEmpty());
        this.requestStateTtlSeconds = requestStateTtlSeconds;
    }

    /** The most items on one page of an MCP list result ({@code tools/list}, ...). */
    public int pageSize() {
        return pageSize;
    }

    /** How long 2026-07-28 clients may cache list results and {@code server/discover}, in seconds. */
    public long listTtlSeconds() {
        return listTtlSeconds;
    }

    /** Guidance for the client's model, sent in {@code initialize} and {@code server/discover}. */
    public Optional<String> instructions() {
        return instructions;
    }

    /**
     * The secret every instance derives the {@code requestState} key from; without it each instance makes its own,
     * and a multi round-trip request must come back to the instance that began it.
     */
    public Optional<String> requestStateSecret() {
        return requestStateSecret;
    }

    /** How long a {@code requestState} may be used, in seconds. */
    public long requestStateTtlSeconds() {
        return requestStateTtlSeconds;
    }
}
