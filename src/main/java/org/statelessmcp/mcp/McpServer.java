package org.statelessmcp.mcp;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.statelessmcp.cluster.SharedStrings;
import org.statelessmcp.dispatch.ClientRequests;
import org.statelessmcp.dispatch.PendingAnswer;
import org.statelessmcp.dispatch.ToolAccess;
import org.statelessmcp.dispatch.ToolExecutor;
import org.statelessmcp.dispatch.ToolObserver;
import org.statelessmcp.protocol.JsonP;
import org.statelessmcp.protocol.JsonRpcError;
import org.statelessmcp.protocol.JsonRpcMessage;
import org.statelessmcp.protocol.JsonRpcRequest;
import org.statelessmcp.protocol.JsonStrings;
import org.statelessmcp.registry.FeatureRegistry;
import org.statelessmcp.registry.ToolDescriptor;
import org.statelessmcp.registry.ToolRegistry;
import org.statelessmcp.skills.SkillCatalog;

/**
 * Answers MCP requests statelessly: every request carries all it needs, no session is issued, and any instance can
 * answer any request. The 2025 revisions' {@code initialize} is answered without a session id; 2026-07-28 requests
 * carry their version and client capabilities themselves and may discover the server with {@code server/discover};
 * their long tool calls may run as tasks ({@link Tasks}) that any instance answers for.
 * Capabilities that need a session (list-changed notifications, subscriptions, a session log level) are not
 * advertised.
 */
public final class McpServer {

    /**
     * How the server presents itself.
     *
     * @param version the server's version in {@code serverInfo}
     * @param pageSize the most items on one page of a list result
     * @param instructions guidance for the client's model, or {@code null}
     * @param listTtlMillis how long 2026 clients may cache list results
     * @param states seals the {@code requestState} of multi round-trip requests
     * @param relay carries 2025 clients' answers between instances
     * @param access which callers may see and call which tools
     * @param tasks how MCP tasks are kept
     */
    public record Settings(String version, int pageSize, String instructions, long listTtlMillis,
                           RequestStates states, AnswerRelay relay, ToolAccess access, TaskSettings tasks) {
    }

    /**
     * How MCP tasks are kept.
     *
     * @param store where tasks live: a map of the distributed cache, or of this instance's memory
     * @param shared whether every instance sees {@code store}
     * @param ttl how long a task is kept after its creation
     * @param pollInterval how often clients should poll
     * @param orphanAfter how long a running task may go without a sign of life from its instance before it fails
     * @param maxResultBytes the largest result a task keeps
     * @param clock the time
     */
    public record TaskSettings(SharedStrings store, boolean shared, Duration ttl, Duration pollInterval,
                               Duration orphanAfter, int maxResultBytes, Clock clock) {
    }

    private final ToolCalls tools;
    private final Tasks tasks;
    private final McpFeatures features;
    private final Skills skills;
    private final ToolLists toolList;
    private final RequestStates states;
    private final StatelessResults stateless;
    private final String initializeTail;
    private final String discovery;

    public McpServer(ToolRegistry registry, FeatureRegistry featureRegistry, ToolExecutor executor,
                     ToolObserver observer, Settings settings) {
        this(registry, featureRegistry, SkillCatalog.EMPTY, executor, observer, settings);
    }

    /** @param skillCatalog the skills this deployment serves, with the skills extension when there are any */
    public McpServer(ToolRegistry registry, FeatureRegistry featureRegistry, SkillCatalog skillCatalog,
                     ToolExecutor executor, ToolObserver observer, Settings settings) {
        this.states = settings.states();
        this.skills = new Skills(skillCatalog, settings.pageSize());
        this.tasks = new Tasks(settings.tasks());
        this.tools = new ToolCalls(registry, executor, states, settings.relay(), settings.access(), tasks);
        this.features = new McpFeatures(featureRegistry, observer, settings.pageSize(), executor.codec().jsonb(),
                skills.resources());
        this.toolList = new ToolLists(List.copyOf(registry.descriptors()), settings.access(), settings.pageSize());
        JsonObjectBuilder advertised = JsonP.createObjectBuilder()
                .add("tools", JsonP.createObjectBuilder().add("listChanged", false));
        features.advertise(advertised);
        JsonObject capabilities = advertised.build();
        String serverInfo = JsonP.createObjectBuilder().add("name", "stateless-mcp").add("version", settings.version())
                .build().toString();
        String instructions = settings.instructions() == null ? ""
                : ",\"instructions\":" + JsonStrings.quote(settings.instructions());
        this.initializeTail = ",\"capabilities\":" + capabilities + ",\"serverInfo\":" + serverInfo + instructions
                + '}';
        // extensions are of 2026-07-28 only: initialize does not name them
        JsonObjectBuilder extensions = JsonP.createObjectBuilder();
        if (registry.descriptors().stream().anyMatch(ToolDescriptor::tasks)) {
            extensions.add(Tasks.EXTENSION, JsonValue.EMPTY_JSON_OBJECT);
        }
        skills.advertise(extensions);
        JsonObject declared = extensions.build();
        JsonObject discovered = declared.isEmpty() ? capabilities
                : JsonP.createObjectBuilder(capabilities).add("extensions", declared).build();
        this.discovery = "{\"supportedVersions\":" + JsonP.createArrayBuilder(McpVersions.SUPPORTED).build()
                + ",\"capabilities\":" + discovered + instructions + '}';
        this.stateless = new StatelessResults(serverInfo, settings.listTtlMillis());
    }

    /** Whether answering {@code call} may send notifications before its result, so that SSE is worth it. */
    public boolean mayNotify(JsonRpcRequest call, RequestContext context) {
        return McpMethod.TOOLS_CALL.wireName().equals(call.method()) && call.params() instanceof JsonObject params
                && tools.mayNotify(McpMethod.TOOLS_CALL.target(params), params, context);
    }

    /**
     * Hands a 2025 client's answer to the call that asked it, on this instance or, through the relay, on another.
     *
     * @return whether a call on this instance was waiting for it
     */
    public boolean answer(JsonRpcMessage.Response response) {
        return tools.answer(response);
    }

    /** Delivers the answers other instances received for calls waiting here; cheap when none waits. */
    public void collectRelayedAnswers() {
        tools.collectRelayed();
    }

    /**
     * Hands the tasks running here the answers and cancellations other instances recorded, and shows them alive;
     * cheap when none runs here.
     */
    public void sweepTasks() {
        tasks.sweep();
    }

    /** This instance stops: the tasks running here fail now. */
    public void stopTasks() {
        tasks.stop();
    }

    /** Where tasks are kept, for the startup log. */
    public String describeTasks() {
        return tasks.describe();
    }

    /**
     * Answers one MCP request.
     *
     * @param context the protocol version in force and what the request says about its client
     * @param sink where notifications preceding the result go
     */
    public PendingAnswer handle(JsonRpcRequest call, RequestContext context, NotificationSink sink) {
        JsonObject params;
        if (call.params() == null) {
            params = JsonValue.EMPTY_JSON_OBJECT;
        } else if (call.params() instanceof JsonObject object) {
            params = object;
        } else {
            return PendingAnswer.error(JsonRpcError.invalidParams("MCP params must be an object"));
        }
        McpMethod method = McpMethod.of(call.method());
        if (context.stateless()) {
            return handleStateless(call, method, params, context, sink);
        }
        if (method == null || !method.servedWithHandshake()) {
            return PendingAnswer.error(JsonRpcError.methodNotFound(call.method()));
        }
        String target = method.target(params);
        return switch (method) {
            case INITIALIZE -> initialize(params);
            // a session log level cannot be kept without a session: accepted, as clients expect, and not kept
            case PING, LOGGING_SET_LEVEL -> PendingAnswer.result("{}");
            case TOOLS_LIST -> toolList.page(params, context.caller());
            case TOOLS_CALL -> tools.call(call.id(), target, params, context, sink);
            case PROMPTS_LIST -> features.promptList(params);
            case PROMPTS_GET -> features.getPrompt(target, params, ClientRequests.NONE);
            case RESOURCES_LIST -> features.resourceList(params);
            case RESOURCES_TEMPLATES_LIST -> features.templateList(params);
            // 2025 clients read skill files as resources; the skills methods are of 2026-07-28 only
            case RESOURCES_READ -> skills.serves(target) ? skills.read(target) : features.read(target, false);
            case COMPLETION_COMPLETE -> features.complete();
            default -> PendingAnswer.error(JsonRpcError.methodNotFound(call.method()));
        };
    }

    /**
     * The 2026-07-28 methods. {@code initialize}, {@code ping}, {@code logging/setLevel} and the subscription
     * methods are gone from this revision, and {@code subscriptions/listen} is not offered: with no list ever
     * changing, there is nothing to listen to.
     */
    private PendingAnswer handleStateless(JsonRpcRequest call, McpMethod method, JsonObject params,
                                          RequestContext context, NotificationSink sink) {
        StatelessResults.Caching caching = StatelessResults.Caching.NONE;
        PendingAnswer pending;
        if (method == null || !method.servedStateless()) {
            pending = PendingAnswer.error(JsonRpcError.methodNotFound(call.method()));
        } else {
            String target = method.target(params);
            switch (method) {
                case SERVER_DISCOVER -> {
                    pending = PendingAnswer.result(discovery);
                    caching = StatelessResults.Caching.PUBLIC;
                }
                case TOOLS_LIST, PROMPTS_LIST, RESOURCES_LIST, RESOURCES_TEMPLATES_LIST -> {
                    pending = list(method, params, context);
                    // the same for every caller while the deployment lasts, unless roles filter the tools
                    caching = method == McpMethod.TOOLS_LIST && toolList.filtered()
                            ? StatelessResults.Caching.PRIVATE : StatelessResults.Caching.PUBLIC;
                }
                case RESOURCES_READ -> {
                    // a skill file is the same for every caller while the deployment lasts
                    boolean skill = skills.serves(target);
                    pending = skill ? skills.read(target) : features.read(target, true);
                    caching = skill ? StatelessResults.Caching.PUBLIC : StatelessResults.Caching.PRIVATE_NOW;
                }
                case SKILLS_LIST, SKILLS_GET, RESOURCES_DIRECTORY_READ -> {
                    pending = skills.answer(method, params);
                    caching = StatelessResults.Caching.PUBLIC;
                }
                case TOOLS_CALL -> pending = tools.call(call.id(), target, params, context, sink);
                case TASKS_GET -> pending = tasks.get(params, context);
                case TASKS_UPDATE -> pending = tasks.update(params, context);
                case TASKS_CANCEL -> pending = tasks.cancel(params, context);
                case PROMPTS_GET -> pending = prompt(target, params, context);
                case COMPLETION_COMPLETE -> pending = features.complete();
                default -> pending = PendingAnswer.error(JsonRpcError.methodNotFound(call.method()));
            }
        }
        StatelessResults.Caching hints = caching;
        return pending.map(outcome -> stateless.complete(outcome, hints));
    }

    private PendingAnswer list(McpMethod method, JsonObject params, RequestContext context) {
        return switch (method) {
            case TOOLS_LIST -> toolList.page(params, context.caller());
            case PROMPTS_LIST -> features.promptList(params);
            case RESOURCES_LIST -> features.resourceList(params);
            default -> features.templateList(params);
        };
    }

    /** A 2026 {@code prompts/get}, whose prompt may ask the client for input in rounds. */
    private PendingAnswer prompt(String name, JsonObject params, RequestContext context) {
        InputRound.Opened opened = InputRound.open(params, context, new RequestStates.Binding(
                McpMethod.PROMPTS_GET.wireName(), name == null ? "" : name, params.get("arguments"),
                context.principal()), states);
        if (opened instanceof InputRound.Refused refused) {
            return PendingAnswer.error(refused.error());
        }
        InputRound round = ((InputRound.Ready) opened).round();
        return features.getPrompt(name, params, round).map(outcome -> round.conclude(outcome, states));
    }

    private PendingAnswer initialize(JsonObject params) {
        if (!(params.get("protocolVersion") instanceof JsonString requested)) {
            return PendingAnswer.error(JsonRpcError.invalidParams("initialize needs a protocolVersion"));
        }
        return PendingAnswer.result("{\"protocolVersion\":"
                + JsonStrings.quote(McpVersions.negotiate(requested.getString())) + initializeTail);
    }
}
