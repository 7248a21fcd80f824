package org.statelessmcp.mcp;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.statelessmcp.api.Caller;

/**
 * What one MCP request says about its client, beyond its method and params.
 *
 * @param version the protocol revision in force
 * @param clientCapabilities the capabilities the request declares (2026-07-28); empty for the 2025 revisions,
 *                           whose capabilities were declared at an {@code initialize} no instance keeps
 * @param logLevel the least severe log level the client wants on the request's stream (2026-07-28), or
 *                 {@code null} for none
 * @param caller who makes the request
 */
public record RequestContext(String version, JsonObject clientCapabilities, String logLevel, Caller caller) {

    public RequestContext {
        clientCapabilities = clientCapabilities == null ? JsonValue.EMPTY_JSON_OBJECT : clientCapabilities;
        caller = caller == null ? Caller.ANONYMOUS : caller;
    }

    /** A request of a 2025 revision. */
    public static RequestContext handshake(String version, Caller caller) {
        return new RequestContext(version, JsonValue.EMPTY_JSON_OBJECT, null, caller);
    }

    /** The authenticated caller's name, or an empty string: what request states are bound to. */
    public String principal() {
        return caller.name();
    }

    /** Whether the request speaks 2026-07-28, the revision without handshake. */
    public boolean stateless() {
        return McpVersions.isStateless(version);
    }
}
