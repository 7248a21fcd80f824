package org.statelessmcp.boot;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.statelessmcp.cluster.LocalStrings;
import org.statelessmcp.cluster.SharedStoreDiscovery;
import org.statelessmcp.cluster.SharedStrings;
import org.statelessmcp.dispatch.CallTracing;
import org.statelessmcp.dispatch.DeadlineWatch;
import org.statelessmcp.dispatch.JsonCodec;
import org.statelessmcp.dispatch.ToolExecutor;
import org.statelessmcp.mcp.AnswerRelay;
import org.statelessmcp.mcp.McpMethod;
import org.statelessmcp.mcp.McpServer;
import org.statelessmcp.mcp.RequestStates;
import org.statelessmcp.mcp.SharedAnswerRelay;
import org.statelessmcp.operations.EngineState;
import org.statelessmcp.operations.LogContext;
import org.statelessmcp.operations.McpConfig;
import org.statelessmcp.operations.Metrics;
import org.statelessmcp.operations.MicroProfileMetrics;
import org.statelessmcp.operations.MicrometerMetrics;
import org.statelessmcp.operations.ObserverChain;
import org.statelessmcp.operations.SmcpConfig;
import org.statelessmcp.operations.TaskConfig;
import org.statelessmcp.operations.ToolLog;
import org.statelessmcp.plain.PlainJsonRpc;
import org.statelessmcp.protocol.JsonRpcParser;
import org.statelessmcp.registry.FeatureRegistry;
import org.statelessmcp.registry.ToolDescriptor;
import org.statelessmcp.registry.ToolRegistry;
import org.statelessmcp.security.ToolRoles;
import org.statelessmcp.skills.SkillCatalog;
import org.statelessmcp.telemetry.TelemetryDiscovery;

/**
 * Assembles the engine from configuration and the container's managed executors. The engine's classes are plain
 * Java; this is the one place that knows about CDI, Jakarta Concurrency and MicroProfile Config for them.
 */
@ApplicationScoped
public class EngineProducer implements EngineState {

    /** The name the logger had before the class moved to {@code boot}: log settings and log readers select by it. */
    private static final Logger LOG = Logger.getLogger("org.statelessmcp.operations.EngineProducer");

    /** How often overdue calls are looked for: the precision of every timeout. */
    private static final long SWEEP_MILLIS = 100;

    /**
     * How often the tasks running here take the answers and cancellations other instances recorded: a few reads of
     * the cache a second per running task, none when no task runs.
     */
    private static final long TASK_SWEEP_MILLIS = 200;

    /** The distributed cache's map of MCP tasks. */
    static final String TASK_MAP = "smcp-tasks";

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedThreadFactory threads;

    private final DeadlineWatch deadlines = new DeadlineWatch();
    private final JsonCodec codec = JsonCodec.create();
    private volatile Sweeps sweeps;
    private volatile McpServer server;
    /** Looked up once the bean is made, not in a field initializer: a server may construct the client proxy too. */
    private volatile AnswerRelay relay;

    @Inject
    SharedStoreDiscovery cluster;

    @PostConstruct
    void lookUpRelay() {
        relay = cluster.store().<AnswerRelay>map(SharedAnswerRelay::new).orElse(AnswerRelay.NONE);
        sweeps = new Sweeps(threads);
    }

    /**
     * Starts the timeout sweep, and builds the MCP server at deployment rather than at the first request, so that a
     * configuration it refuses (a short request-state secret) fails the deployment.
     */
    void startSweeping(@Observes @Initialized(ApplicationScoped.class) Object started, McpServer server) {
        sweeps.every(Duration.ofMillis(SWEEP_MILLIS), "timeout", deadlines::sweep);
    }

    @Override
    public boolean sweeping() {
        return sweeps.running();
    }

    @Override
    public AnswerRelay relay() {
        return relay;
    }

    /**
     * Each step on its own: one that fails must not keep the others from running, and its cause must reach the log,
     * which a container's own report of a failed {@code @PreDestroy} (Weld's WELD-000019) leaves out. No lambdas: the
     * application's class loader may already refuse new classes while it stops.
     */
    @PreDestroy
    void stop() {
        try {
            if (server != null) {
                server.stopTasks();
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "Stopping stateless-mcp: could not fail the tasks running here", e);
        }
        try {
            sweeps.close();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "Stopping stateless-mcp: could not stop the sweeps", e);
        }
        try {
            codec.jsonb().close();
        } catch (Exception | LinkageError e) {
            LOG.log(Level.WARNING, "Stopping stateless-mcp: could not close JSON-B", e);
        }
    }

    @Produces
    @Singleton
    JsonCodec codec() {
        return codec;
    }

    @Produces
    @Singleton
    ToolExecutor toolExecutor(JsonCodec codec, ToolLog log, Metrics metrics, CallTracing tracing) {
        // tools on the managed executor log with the request id of the request that called them
        return new ToolExecutor(task -> executor.execute(LogContext.carry(task)), deadlines, codec,
                new ObserverChain(log, metrics), LogContext::carry, tracing);
    }

    @Produces
    @Singleton
    CallTracing tracing(SmcpConfig config, @ConfigProperty(name = "smcp.telemetry.enabled") boolean enabled) {
        return TelemetryDiscovery.find(config.version(), enabled);
    }

    @Produces
    @Singleton
    Metrics metrics(SmcpConfig config, ToolRegistry registry,
                    @ConfigProperty(name = "smcp.metrics.enabled") boolean enabled) {
        if (!enabled) {
            LOG.info("Metrics are off (smcp.metrics.enabled=false)");
            return Metrics.NONE;
        }
        try {
            Class.forName("org.eclipse.microprofile.metrics.MetricRegistry", false,
                    EngineProducer.class.getClassLoader());
            Metrics metrics = MicroProfileMetrics.create(config.version(), registry.descriptors().size());
            if (metrics != null) {
                return metrics;
            }
        } catch (ClassNotFoundException | LinkageError unavailable) {
            LOG.log(Level.FINE, "no MicroProfile Metrics", unavailable);
        } catch (RuntimeException failed) {
            LOG.log(Level.WARNING, "MicroProfile Metrics refused stateless-mcp's metrics: exporting none", failed);
            return Metrics.NONE;
        }
        // WildFly: no MicroProfile Metrics, but its micrometer subsystem offers a MeterRegistry when turned on
        try {
            Class.forName("io.micrometer.core.instrument.MeterRegistry", false, EngineProducer.class.getClassLoader());
            Metrics metrics = MicrometerMetrics.create(config.version(), registry.descriptors().size());
            if (metrics != null) {
                LOG.info("Metrics are recorded in the server's Micrometer registry (no MicroProfile Metrics here)");
                return metrics;
            }
        } catch (ClassNotFoundException | LinkageError unavailable) {
            LOG.log(Level.FINE, "no Micrometer", unavailable);
        } catch (RuntimeException failed) {
            LOG.log(Level.WARNING, "Micrometer refused stateless-mcp's metrics: exporting none", failed);
            return Metrics.NONE;
        }
        LOG.warning("This server has neither MicroProfile Metrics nor a Micrometer registry: stateless-mcp exports no"
                + " metrics");
        return Metrics.NONE;
    }

    /**
     * WildFly's Micrometer registry outlives the deployment: a redeployed WAR must not find stale meters there. Static,
     * so that disposing needs no instance of this bean: WildFly destroys the application scope first, and Weld would
     * make a new one while the web module is stopping (seen: its discovery of the shared cache then failed on the
     * destroyed servlet context, and the meters stayed).
     */
    static void closeMetrics(@Disposes Metrics metrics) {
        metrics.close();
    }

    @Produces
    @Singleton
    JsonRpcParser parser(SmcpConfig config) {
        return new JsonRpcParser(config.maxJsonDepth(), config.maxBatchSize(), config.maxStringLength(),
                config.maxNumberLength(), config.maxArguments(), McpMethod.withArguments());
    }

    @Produces
    @Singleton
    McpServer mcpServer(ToolRegistry registry, FeatureRegistry features, SkillCatalog skills, ToolExecutor executor,
                        ToolLog log, SmcpConfig config, McpConfig mcp, TaskConfig tasks, ToolRoles access) {
        McpServer built = new McpServer(registry, features, skills, executor, log,
                new McpServer.Settings(config.version(), mcp.pageSize(), mcp.instructions().orElse(null),
                        mcp.listTtlSeconds() * 1000, requestStates(mcp), relay, access, taskSettings(tasks)));
        sweeps.every(Duration.ofMillis(SWEEP_MILLIS), "relayed-answer", built::collectRelayedAnswers);
        sweeps.every(Duration.ofMillis(TASK_SWEEP_MILLIS), "task", built::sweepTasks);
        if (registry.descriptors().stream().anyMatch(ToolDescriptor::tasks)) {
            LOG.info("MCP tasks: " + built.describeTasks());
        }
        server = built;
        return built;
    }

    @Produces
    @Singleton
    PlainJsonRpc plainJsonRpc(ToolRegistry registry, ToolExecutor executor, ToolRoles access) {
        return new PlainJsonRpc(registry, executor, access);
    }

    /** Tasks live in the distributed cache when there is one, so that every instance can answer for them. */
    private McpServer.TaskSettings taskSettings(TaskConfig tasks) {
        var shared = cluster.store();
        SharedStrings store = shared.isPresent() ? shared.get().strings(TASK_MAP, tasks.ttl())
                : new LocalStrings(tasks.ttl(), Clock.systemUTC());
        return new McpServer.TaskSettings(store, shared.isPresent(), tasks.ttl(), tasks.pollInterval(),
                tasks.orphanAfter(), tasks.maxResultBytes(), Clock.systemUTC());
    }

    private static RequestStates requestStates(McpConfig mcp) {
        byte[] secret;
        if (mcp.requestStateSecret().isPresent()) {
            secret = mcp.requestStateSecret().get().getBytes(StandardCharsets.UTF_8);
            if (secret.length < RequestStates.MIN_SECRET_LENGTH) {
                // refusing to start beats sealing round-trip state with a guessable key
                throw new IllegalStateException("smcp.mcp.request-state.secret must have at least "
                        + RequestStates.MIN_SECRET_LENGTH + " bytes");
            }
        } else {
            LOG.warning("smcp.mcp.request-state.secret is not set: this instance seals MCP requestState with a key"
                    + " of its own, so a multi round-trip request must return to it. Set the same secret (at least "
                    + RequestStates.MIN_SECRET_LENGTH + " characters) on every instance behind a load balancer.");
            secret = RequestStates.randomSecret();
        }
        return new RequestStates(secret, mcp.requestStateTtlSeconds(), Clock.systemUTC());
    }

    @Produces
    @Singleton
    DeadlineWatch deadlines() {
        return deadlines;
    }
}
