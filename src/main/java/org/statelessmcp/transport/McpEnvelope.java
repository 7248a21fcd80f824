package org.statelessmcp.transport;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.statelessmcp.api.Caller;
import org.statelessmcp.api.McpLog.LogLevel;
import org.statelessmcp.mcp.McpMethod;
import org.statelessmcp.mcp.McpVersions;
import org.statelessmcp.mcp.RequestContext;
import org.statelessmcp.protocol.JsonRpcError;
import org.statelessmcp.protocol.JsonRpcRequest;
import org.statelessmcp.registry.ParamHeaders;
import org.statelessmcp.registry.ParamHeaders.ParamHeader;
import org.statelessmcp.security.RequestCaller;

/**
 * Reads what an MCP request says about itself besides its method: the revision it speaks, and for 2026-07-28 the
 * {@code _meta} fields and the {@code MCP-Protocol-Version}, {@code Mcp-Method}, {@code Mcp-Name} and
 * {@code Mcp-Param-*} headers, which must agree with the body so that intermediaries routing on headers see what the
 * server executes.
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
    static Read read(JsonRpcRequest call, HttpServletRequest request,
                     Function<String, List<ParamHeader>> paramHeaders) {
        String header = trim(request.getHeader(PROTOCOL_VERSION));
        JsonObject meta = call.params() instanceof JsonObject params && params.get("_meta") instanceof JsonObject m
                ? m : null;
        JsonValue metaVersion = meta == null ? null : meta.get(META_VERSION);
        Caller principal = RequestCaller.of(request);
        boolean handshakeMeta = metaVersion instanceof JsonString named
                && McpVersions.HANDSHAKE.contains(named.getString());
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
        Rejected headers = checkHeaders(call, request, paramHeaders);
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

    private static Rejected checkHeaders(JsonRpcRequest call, HttpServletRequest request,
                                         Function<String, List<ParamHeader>> paramHeaders) {
        Rejected method = compare(request, METHOD, call.method(), "the method");
        if (method != null) {
            return method;
        }
        McpMethod mcpMethod = McpMethod.of(call.method());
        if (mcpMethod == null || mcpMethod.targetMember() == null) {
            return null;
        }
        String named = mcpMethod.target(call.params());
        Rejected name = compare(request, NAME, named, "params." + mcpMethod.targetMember());
        if (name != null || mcpMethod != McpMethod.TOOLS_CALL || named == null) {
            return name;
        }
        JsonObject params = call.params() instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        JsonObject arguments = params.get("arguments") instanceof JsonObject object ? object
                : JsonValue.EMPTY_JSON_OBJECT;
        for (ParamHeader header : paramHeaders.apply(named)) {
            Rejected param = compareParam(request, header, arguments.get(header.argument()));
            if (param != null) {
                return param;
            }
        }
        return null;
    }

    /**
     * The mismatch of a mirrored argument's header with the argument, or {@code null} if they agree. An argument of
     * the wrong type is left to argument validation, which names the problem better.
     */
    private static Rejected compareParam(HttpServletRequest request, ParamHeader header, JsonValue argument) {
        String name = ParamHeaders.HEADER_PREFIX + header.header();
        String value;
        try {
            value = decode(request.getHeader(name));
        } catch (IllegalArgumentException e) {
            return mismatch(name + " header is not valid: " + e.getMessage());
        }
        String what = "arguments." + header.argument();
        if (argument == null || argument == JsonValue.NULL) {
            return value == null ? null : mismatch(name + " header is present but " + what + " is not");
        }
        if (value == null) {
            return mismatch(name + " header is required: " + what + " is mirrored into it");
        }
        Boolean same = switch (header.type()) {
            case "string" -> argument instanceof JsonString text ? text.getString().equals(value) : null;
            case "integer" -> argument instanceof JsonNumber number ? sameNumber(value, number) : null;
            case "boolean" -> argument == JsonValue.TRUE || argument == JsonValue.FALSE
                    ? value.equals(String.valueOf(argument == JsonValue.TRUE)) : null;
            default -> null;
        };
        return Boolean.FALSE.equals(same) ? mismatch(name + " header '" + value + "' differs from " + what) : null;
    }

    /** Integers compare as numbers: {@code 42}, {@code 42.0} and {@code 4.2e1} are one value. */
    private static boolean sameNumber(String header, JsonNumber argument) {
        try {
            return new BigDecimal(header).compareTo(argument.bigDecimalValue()) == 0;
        } catch (NumberFormatException notANumber) {
            return false;
        }
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
