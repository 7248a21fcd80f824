package org.statelessmcp.operations;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.statelessmcp.dispatch.DeadlineWatch;
import org.statelessmcp.dispatch.JsonCodec;
import org.statelessmcp.dispatch.ToolExecutor;
import org.statelessmcp.mcp.McpServer;
import org.statelessmcp.protocol.JsonRpcParser;
import org.statelessmcp.registry.FeatureRegistry;
import org.statelessmcp.registry.ToolRegistry;

/**
 * Assembles the engine from configuration and the container's managed executors. The engine's classes are plain
 * Java; this is the one place that knows about CDI, Jakarta Concurrency and MicroProfile Config for them.
 */
@ApplicationScoped
public class EngineProducer {

    /** How often overdue calls are looked for: the precision of every timeout. */
    private static final long SWEEP_MILLIS = 100;

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final DeadlineWatch deadlines = new DeadlineWatch();
    private final Jsonb jsonb = JsonbBuilder.create();
    private volatile ScheduledFuture<?> sweeper;

    void startSweeping(@Observes @Initialized(ApplicationScoped.class) Object started) {
        sweeper = scheduler.scheduleWithFixedDelay(deadlines::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        ScheduledFuture<?> running = sweeper;
        if (running != null) {
            running.cancel(false);
        }
        try {
            jsonb.close();
        } catch (Exception e) {
            // closing releases caches only; nothing to recover
        }
    }

    @Produces
    @Singleton
    JsonCodec codec() {
        return new JsonCodec(jsonb);
    }

    @Produces
    @Singleton
    ToolExecutor toolExecutor(JsonCodec codec, ToolLog log) {
        return new ToolExecutor(executor, deadlines, codec, log);
    }

    @Produces
    @Singleton
    JsonRpcParser parser(SmcpConfig config) {
        return new JsonRpcParser(config.maxJsonDepth(), config.maxBatchSize());
    }

    @Produces
    @Singleton
    McpServer mcpServer(ToolRegistry registry, FeatureRegistry features, ToolExecutor executor, ToolLog log,
                        SmcpConfig config) {
        return new McpServer(registry, features, executor, log, config.version(), config.mcpPageSize());
    }

    @Produces
    @Singleton
    DeadlineWatch deadlines() {
        return deadlines;
    }
}
