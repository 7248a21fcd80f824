package org.statelessmcp.mcp;

/**
 * Tells the two dialects of {@code POST /mcp} apart. MCP methods are {@code initialize}, {@code ping} and every
 * method with a slash ({@code tools/call}, {@code notifications/initialized}, ...); a tool name cannot contain a
 * slash, so only tools named {@code initialize} or {@code ping} are shadowed, and those names are refused at
 * deployment.
 */
public final class McpMethods {

    public static final String INITIALIZE = "initialize";
    public static final String PING = "ping";

    private McpMethods() {
    }

    public static boolean isMcp(String method) {
        return method.indexOf('/') >= 0 || INITIALIZE.equals(method) || PING.equals(method);
    }

    public static boolean isNotification(String method) {
        return method.startsWith("notifications/");
    }
}
