package org.statelessmcp.transport;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import org.statelessmcp.api.Caller;
import org.statelessmcp.security.RequestCaller;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.statelessmcp.api.McpLog.LogLevel;
import org.statelessmcp.mcp.McpVersions;
import org.statelessmcp.mcp.RequestContext;
import org.statelessmcp.protocol.JsonRpcError;
import org.statelessmcp.protocol.JsonRpcRequest;

/**
 * Reads what an MCP request says about itself besides its method: the revision it speaks, and for 2026-07-28 the
 * {@code _meta} fields and the {@code MCP-Protocol-Version}, {@code Mcp-Method} and {@code Mcp-Name} headers, which
 * must agree with the body so that intermediaries routing on headers see what the server executes.
 */
final class McpEnvelope {

    static final String PROTOCOL_VERSION = "MCP-Protocol-Version";
    static final String METHOD = "Mcp-Method";
    static final String NAME = "Mcp-Name";
    static final String META_VERSION = "io.modelcontextprotocol/protocolVersion";
    static final String META_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
    static final String META_LOG_LEVEL = "io.modelcontextprotocol/logLevel";

    /** RFC 2047's encoded-word form, which carries header values that are not plain ASCII. */
    private static final Pattern ENCODED = Pattern.compile("=\\?base64\\?(.*)\\?=", Pattern.CASE_INSENSITIVE);

    private McpEnvelope() {
    }

    /** What the envelope says: a request to serve, or the error to answer with its HTTP status. */
    sealed interface Read {
    }

    record Accepted(RequestContext context) implements Read {
    }

    record Rejected(int status, JsonRpcError error) implements Read {
    }

    /**
     * A request speaks 2026-07-28 when its header or its {@code _meta} says so; otherwise it is a 2025 request,
     * whose missing header means 2025-03-26.
     */
    static Read read(JsonRpcRequest call, HttpServletRequest request) {
        String header = trim(request.getHeader(PROTOCOL_VERSION));
        JsonObject meta = call.params() instanceof JsonObject params && params.get("_meta") instanceof JsonObject m
                ? m : null;
        JsonValue metaVersion = meta == null ? null : meta.get(META_VERSION);
        Caller principal = RequestCaller.of(request);
        boolean handshakeMeta = metaVersion instanceof JsonString named && McpVersions.HANDSHAKE.contains(named.getString());
        if ((metaVersion == null || handshakeMeta) && !McpVersions.isStateless(header)) {
            if (header != null && !McpVersions.isSupported(header)) {
                return new Rejected(400, JsonRpcError.unsupportedProtocolVersion(header, McpVersions.SUPPORTED));
            }
            return new Accepted(RequestContext.handshake(header == null ? McpVersions.ASSUMED_WITHOUT_HEADER : header,
                    principal));
        }
        if (!(metaVersion instanceof JsonString version)) {
            return invalid("params._meta[\"" + META_VERSION + "\"] is required in MCP " + McpVersions.STATELESS);
        }
        if (!version.getString().equals(header)) {
            return mismatch(PROTOCOL_VERSION + " header " + (header == null ? "is missing" : "'" + header + "'")
                    + " but params._meta says '" + version.getString() + "'");
        }
        if (!McpVersions.isStateless(header)) {
            return new Rejected(400, JsonRpcError.unsupportedProtocolVersion(header, McpVersions.SUPPORTED));
        }
        Rejected headers = checkHeaders(call, request);
        if (headers != null) {
            return headers;
        }
        if (!(meta.get(META_CAPABILITIES) instanceof JsonObject capabilities)) {
            return invalid("params._meta[\"" + META_CAPABILITIES + "\"] must be an object in MCP "
                    + McpVersions.STATELESS);
        }
        JsonValue level = meta.get(META_LOG_LEVEL);
        if (level != null && !(level instanceof JsonString named && LogLevel.from(named.getString()) != null
                && LogLevel.from(named.getString()).wireName().equals(named.getString()))) {
            return invalid("params._meta[\"" + META_LOG_LEVEL + "\"] must be one of " + LogLevel.WIRE_NAMES);
        }
        return new Accepted(new RequestContext(header, capabilities,
                level == null ? null : ((JsonString) level).getString(), principal));
    }

    private static Rejected checkHeaders(JsonRpcRequest call, HttpServletRequest request) {
        Rejected method = compare(request, METHOD, call.method(), "the method");
        if (method != null) {
            return method;
        }
        String member = switch (call.method()) {
            case "tools/call", "prompts/get" -> "name";
            case "resources/read" -> "uri";
            default -> null;
        };
        if (member == null) {
            return null;
        }
        String named = call.params() instanceof JsonObject params && params.get(member) instanceof JsonString value
                ? value.getString() : null;
        return compare(request, NAME, named, "params." + member);
    }

    /** The mismatch of header {@code name} with the body's {@code expected} value, or {@code null} if they agree. */
    private static Rejected compare(HttpServletRequest request, String name, String expected, String what) {
        String value;
        try {
            value = decode(request.getHeader(name));
        } catch (IllegalArgumentException e) {
            return mismatch(name + " header is not valid: " + e.getMessage());
        }
        if (value == null) {
            return mismatch(name + " header is required in MCP " + McpVersions.STATELESS + " for this request");
        }
        if (!value.equals(expected)) {
            return mismatch(name + " header '" + value + "' differs from " + what + " '" + expected + "'");
        }
        return null;
    }

    /** A header value without surrounding whitespace, decoded from {@code =?base64?...?=} when so encoded. */
    static String decode(String value) {
        String trimmed = trim(value);
        if (trimmed == null) {
            return null;
        }
        Matcher encoded = ENCODED.matcher(trimmed);
        if (!encoded.matches()) {
            return trimmed;
        }
        String base64 = encoded.group(1);
        if (base64.length() % 4 != 0) {
            throw new IllegalArgumentException("base64 value of the wrong length");
        }
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    private static String trim(String value) {
        return value == null ? null : value.strip();
    }

    private static Rejected invalid(String detail) {
        return new Rejected(400, JsonRpcError.invalidParams(detail));
    }

    private static Rejected mismatch(String detail) {
        return new Rejected(400, JsonRpcError.headerMismatch(detail));
    }
}
