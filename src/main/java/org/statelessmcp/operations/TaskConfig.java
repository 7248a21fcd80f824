package org.statelessmcp.operations;

import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.statelessmcp.registry.Unproxied;

/**
 * The settings of MCP tasks ({@code smcp.mcp.tasks.*}), read once at startup; a value out of range fails the
 * deployment, naming every problem.
 */
@Unproxied
public class TaskConfig {

    private final Duration ttl;
    private final Duration pollInterval;
    private final Duration orphanAfter;
    private final int maxResultBytes;

    @Inject
    public TaskConfig(@ConfigProperty(name = "smcp.mcp.tasks.ttl") long ttlSeconds,
                      @ConfigProperty(name = "smcp.mcp.tasks.poll-interval") long pollIntervalMillis,
                      @ConfigProperty(name = "smcp.mcp.tasks.orphan-after") long orphanAfterSeconds,
                      @ConfigProperty(name = "smcp.mcp.tasks.max-result-size") int maxResultBytes,
                      @ConfigProperty(name = "smcp.max-tool-timeout") long maxToolTimeoutSeconds) {
        List<String> problems = new ArrayList<>();
        if (ttlSeconds <= maxToolTimeoutSeconds) {
            problems.add("smcp.mcp.tasks.ttl (" + ttlSeconds + " s) must be longer than smcp.max-tool-timeout ("
                    + maxToolTimeoutSeconds + " s): a task must outlive its longest run, or its result is lost");
        }
        if (pollIntervalMillis <= 0) {
            problems.add("smcp.mcp.tasks.poll-interval must be a positive number of milliseconds");
        }
        if (orphanAfterSeconds < 3) {
            problems.add("smcp.mcp.tasks.orphan-after must be at least 3 seconds: a running task shows life every"
                    + " third of it");
        }
        if (maxResultBytes <= 0) {
            problems.add("smcp.mcp.tasks.max-result-size must be a positive number of bytes");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        this.ttl = Duration.ofSeconds(ttlSeconds);
        this.pollInterval = Duration.ofMillis(pollIntervalMillis);
        this.orphanAfter = Duration.ofSeconds(orphanAfterSeconds);
        this.maxResultBytes = maxResultBytes;
    }

    /** How long a task is kept after its creation. */
    public Duration ttl() {
        return ttl;
    }

    /** How often a client should poll {@code tasks/get}. */
    public Duration pollInterval() {
        return pollInterval;
    }

    /** How long a running task may go without a sign of life from its instance before it is failed. */
    public Duration orphanAfter() {
        return orphanAfter;
    }

    /** The largest result, in bytes of JSON, that a task keeps. */
    public int maxResultBytes() {
        return maxResultBytes;
    }
}
