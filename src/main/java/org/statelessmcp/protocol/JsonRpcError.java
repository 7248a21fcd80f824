package org.statelessmcp.protocol;

import jakarta.json.JsonValue;
import java.util.List;

/**
 * A JSON-RPC 2.0 error object. The factories are the only place a code is chosen, so the codes listed in
 * docs/errors.md are exactly these.
 *
 * @param code the JSON-RPC error code
 * @param message a short description for the caller; never a stack trace, class name or configuration value
 * @param data structured detail, or {@code null}
 */
public record JsonRpcError(int code, String message, JsonValue data) {

    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;
    public static final int TOOL_FAILED = -32000;
    public static final int TOOL_TIMEOUT = -32001;
    /** MCP's code for an unknown resource (revisions up to 2025-11-25). */
    public static final int RESOURCE_NOT_FOUND = -32002;
    public static final int FORBIDDEN_ORIGIN = -32003;
    public static final int REQUEST_TOO_LARGE = -32004;
    /** No credentials, or wrong ones, on a protected endpoint (HTTP 401). */
    public static final int UNAUTHORIZED = -32010;
    /** The caller has none of the roles the tool requires. */
    public static final int FORBIDDEN = -32011;
    /** The caller used up a rate limit's window (HTTP 429). */
    public static final int RATE_LIMITED = -32012;
    /**
     * MCP 2026-07-28: an {@code MCP-Protocol-Version}, {@code Mcp-Method} or {@code Mcp-Name} header disagrees with the
     * body.
     */
    public static final int HEADER_MISMATCH = -32020;
    /** MCP 2026-07-28: the request needs a client capability the client did not declare. */
    public static final int MISSING_CLIENT_CAPABILITY = -32021;
    /** MCP 2026-07-28: the requested protocol version is not served. */
    public static final int UNSUPPORTED_PROTOCOL_VERSION = -32022;

    public static JsonRpcError parseError(String detail) {
        return new JsonRpcError(PARSE_ERROR, "Parse error: " + detail, null);
    }

    public static JsonRpcError invalidRequest(String detail) {
        return new JsonRpcError(INVALID_REQUEST, "Invalid Request: " + detail, null);
    }

    public static JsonRpcError methodNotFound(String method) {
        return new JsonRpcError(METHOD_NOT_FOUND, "Method not found: " + method,
                JsonP.createObjectBuilder().add("method", method).build());
    }

    public static JsonRpcError invalidParams(String detail) {
        return new JsonRpcError(INVALID_PARAMS, "Invalid params: " + detail, null);
    }

    public static JsonRpcError internalError() {
        return new JsonRpcError(INTERNAL_ERROR, "Internal error", null);
    }

    /** A tool's own failure; {@code message} comes from a tool-declared exception or is generic. */
    public static JsonRpcError toolFailed(String message, JsonValue data) {
        return new JsonRpcError(TOOL_FAILED, message, data);
    }

    public static JsonRpcError timeout(String tool, long timeoutSeconds) {
        return new JsonRpcError(TOOL_TIMEOUT, "Tool '" + tool + "' timed out after " + timeoutSeconds + " s",
                JsonP.createObjectBuilder().add("tool", tool).add("timeout", timeoutSeconds).build());
    }

    public static JsonRpcError resourceNotFound(String uri) {
        return new JsonRpcError(RESOURCE_NOT_FOUND, "Resource not found: " + uri,
                JsonP.createObjectBuilder().add("uri", uri).build());
    }

    /** An unknown resource as MCP 2026-07-28 reports it: invalid params, naming the URI. */
    public static JsonRpcError unknownResource(String uri) {
        return new JsonRpcError(INVALID_PARAMS, "Invalid params: resource not found: " + uri,
                JsonP.createObjectBuilder().add("uri", uri).build());
    }

    public static JsonRpcError headerMismatch(String detail) {
        return new JsonRpcError(HEADER_MISMATCH, "Header mismatch: " + detail, null);
    }

    /** @param capability the client capability the request needs, e.g. {@code sampling} */
    public static JsonRpcError missingClientCapability(String capability) {
        return new JsonRpcError(MISSING_CLIENT_CAPABILITY, "Missing client capability: " + capability,
                JsonP.createObjectBuilder().add("requiredCapabilities", JsonP.createObjectBuilder()
                        .add(capability, JsonValue.EMPTY_JSON_OBJECT)).build());
    }

    /** @param extension the extension the client must declare, e.g. {@code io.modelcontextprotocol/tasks} */
    public static JsonRpcError missingClientExtension(String extension) {
        return new JsonRpcError(MISSING_CLIENT_CAPABILITY, "Missing required client capability: the extension "
                + extension,
                JsonP.createObjectBuilder().add("requiredCapabilities", JsonP.createObjectBuilder()
                        .add("extensions", JsonP.createObjectBuilder().add(extension, JsonValue.EMPTY_JSON_OBJECT)))
                        .build());
    }

    public static JsonRpcError unsupportedProtocolVersion(String requested, List<String> supported) {
        return new JsonRpcError(UNSUPPORTED_PROTOCOL_VERSION, "Unsupported protocol version: " + requested,
                JsonP.createObjectBuilder().add("supported", JsonP.createArrayBuilder(supported))
                        .add("requested", requested).build());
    }

    public static JsonRpcError forbiddenOrigin(String origin) {
        return new JsonRpcError(FORBIDDEN_ORIGIN, "Origin not allowed: " + origin, null);
    }

    public static JsonRpcError requestTooLarge(long limitBytes) {
        return new JsonRpcError(REQUEST_TOO_LARGE, "Request body exceeds " + limitBytes + " bytes",
                JsonP.createObjectBuilder().add("limit", limitBytes).build());
    }

    public static JsonRpcError unauthorized(String detail) {
        return new JsonRpcError(UNAUTHORIZED, "Unauthorized: " + detail, null);
    }

    public static JsonRpcError forbidden(String tool) {
        return new JsonRpcError(FORBIDDEN, "Forbidden: the caller may not use tool '" + tool + "'", null);
    }

    public static JsonRpcError rateLimited(String limit, long retryAfterSeconds) {
        return new JsonRpcError(RATE_LIMITED, "Rate limit exceeded: " + limit,
                JsonP.createObjectBuilder().add("limit", limit).add("retryAfter", retryAfterSeconds).build());
    }
}
