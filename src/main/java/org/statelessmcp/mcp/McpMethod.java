package org.statelessmcp.mcp;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The MCP methods this server knows, by their wire names: which revisions serve each, and which member of
 * {@code params} names its target (the tool, prompt, resource or task it is about), which a 2026-07-28 request
 * mirrors in its {@code Mcp-Name} header. From {@code mcp} up, the names of the methods clients send live here
 * and nowhere else.
 *
 * <p>MCP methods are {@code initialize}, {@code ping} and every method with a slash ({@code tools/call},
 * {@code notifications/initialized}, ...); a tool name cannot contain a slash, so only tools named
 * {@code initialize} or {@code ping} would be shadowed, and those names are refused at deployment.
 */
public enum McpMethod {

    INITIALIZE("initialize", true, false, null),
    PING("ping", true, false, null),
    LOGGING_SET_LEVEL("logging/setLevel", true, false, null),
    SERVER_DISCOVER("server/discover", false, true, null),
    TOOLS_LIST("tools/list", true, true, null),
    TOOLS_CALL("tools/call", true, true, "name"),
    PROMPTS_LIST("prompts/list", true, true, null),
    PROMPTS_GET("prompts/get", true, true, "name"),
    RESOURCES_LIST("resources/list", true, true, null),
    RESOURCES_TEMPLATES_LIST("resources/templates/list", true, true, null),
    RESOURCES_READ("resources/read", true, true, "uri"),
    COMPLETION_COMPLETE("completion/complete", true, true, null),
    SKILLS_LIST("skills/list", false, true, null),
    SKILLS_GET("skills/get", false, true, null),
    RESOURCES_DIRECTORY_READ("resources/directory/read", false, true, null),
    // the tasks extension routes by task: a load balancer may send a task's requests where it runs
    TASKS_GET("tasks/get", false, true, "taskId"),
    TASKS_UPDATE("tasks/update", false, true, "taskId"),
    TASKS_CANCEL("tasks/cancel", false, true, "taskId"),
    /** A notification: answered by no revision, it stops the call it names. */
    NOTIFICATIONS_CANCELLED("notifications/cancelled", false, false, null);

    private static final Map<String, McpMethod> BY_WIRE_NAME = new HashMap<>();

    static {
        for (McpMethod method : values()) {
            BY_WIRE_NAME.put(method.wireName, method);
        }
    }

    private final String wireName;
    private final boolean handshake;
    private final boolean stateless;
    private final String targetMember;

    McpMethod(String wireName, boolean handshake, boolean stateless, String targetMember) {
        this.wireName = wireName;
        this.handshake = handshake;
        this.stateless = stateless;
        this.targetMember = targetMember;
    }

    /** The method named {@code wireName}, or {@code null} for one this server does not know. */
    public static McpMethod of(String wireName) {
        return BY_WIRE_NAME.get(wireName);
    }

    /** Whether {@code method} is MCP's rather than a tool's name in the plain JSON-RPC dialect. */
    public static boolean isMcp(String method) {
        return method.indexOf('/') >= 0 || INITIALIZE.wireName.equals(method) || PING.wireName.equals(method);
    }

    /** The methods whose arguments are {@code params.arguments}, which the parser's argument limit counts. */
    public static Set<String> withArguments() {
        return Set.of(TOOLS_CALL.wireName, PROMPTS_GET.wireName);
    }

    public static boolean isNotification(String method) {
        return method.startsWith("notifications/");
    }

    public String wireName() {
        return wireName;
    }

    /** Whether the 2025 revisions, which begin with {@code initialize}, serve this method. */
    public boolean servedWithHandshake() {
        return handshake;
    }

    /** Whether 2026-07-28 serves this method. */
    public boolean servedStateless() {
        return stateless;
    }

    /** The member of {@code params} that names the request's target, or {@code null} if the method has none. */
    public String targetMember() {
        return targetMember;
    }

    /**
     * The request's target: the string that {@link #targetMember()} holds in {@code params}, or {@code null} if
     * the method has no target or the request does not name one as a string.
     */
    public String target(JsonValue params) {
        return targetMember != null && params instanceof JsonObject object
                && object.get(targetMember) instanceof JsonString name ? name.getString() : null;
    }
}
