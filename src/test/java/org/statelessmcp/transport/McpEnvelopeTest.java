package org.statelessmcp.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.statelessmcp.mcp.RequestContext;
import org.statelessmcp.protocol.JsonRpcError;
import org.statelessmcp.protocol.JsonRpcRequest;

class McpEnvelopeTest {

    private static final String META = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
            + "\"io.modelcontextprotocol/clientCapabilities\":{\"sampling\":{}}";

    /** A request with only headers, answered case-insensitively as servlet containers do. */
    private static HttpServletRequest headers(String... namesAndValues) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return (HttpServletRequest) Proxy.newProxyInstance(McpEnvelopeTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, arguments) -> switch (method.getName()) {
                    case "getHeader" -> headers.get((String) arguments[0]);
                    case "getUserPrincipal" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static JsonRpcRequest call(String method, String params) {
        JsonValue parsed = params == null ? null : Json.createReader(new StringReader(params)).readValue();
        return new JsonRpcRequest(Json.createValue(1), method, parsed);
    }

    private static RequestContext accepted(McpEnvelope.Read read) {
        return assertInstanceOf(McpEnvelope.Accepted.class, read).context();
    }

    private static int rejected(McpEnvelope.Read read, int status) {
        McpEnvelope.Rejected rejected = assertInstanceOf(McpEnvelope.Rejected.class, read);
        assertEquals(status, rejected.status());
        return rejected.error().code();
    }

    @Test
    void requestWithoutHeaderOrMetaSpeaksTheOldestRevision() {
        RequestContext context = accepted(McpEnvelope.read(call("tools/list", null), headers()));
        assertEquals("2025-03-26", context.version());
        assertFalse(context.stateless());
    }

    @Test
    void handshakeRevisionComesFromTheHeader() {
        assertEquals("2025-11-25", accepted(McpEnvelope.read(call("tools/list", "{}"),
                headers("MCP-Protocol-Version", "2025-11-25"))).version());
    }

    @Test
    void statelessRequestCarriesItsCapabilitiesAndLogLevel() {
        RequestContext context = accepted(McpEnvelope.read(call("tools/list",
                "{" + META + ",\"io.modelcontextprotocol/logLevel\":\"debug\"}}"),
                headers("mcp-protocol-version", "2026-07-28", "MCP-METHOD", "tools/list")));
        assertTrue(context.stateless());
        assertEquals("{\"sampling\":{}}", context.clientCapabilities().toString());
        assertEquals("debug", context.logLevel());
    }

    @Test
    void statelessHeaderWithoutMetaIsInvalidParams() {
        assertEquals(JsonRpcError.INVALID_PARAMS, rejected(McpEnvelope.read(call("tools/list", "{}"),
                headers("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/list")), 400));
    }

    @Test
    void metaWithoutTheHeaderIsAHeaderMismatch() {
        assertEquals(JsonRpcError.HEADER_MISMATCH, rejected(McpEnvelope.read(call("tools/list", "{" + META + "}}"),
                headers("Mcp-Method", "tools/list")), 400));
    }

    @Test
    void headerAndMetaDisagreeingIsCheckedBeforeTheVersion() {
        String future = "{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"v999\","
                + "\"io.modelcontextprotocol/clientCapabilities\":{}}}";
        assertEquals(JsonRpcError.HEADER_MISMATCH, rejected(McpEnvelope.read(call("server/discover", future),
                headers("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "server/discover")), 400));
        assertEquals(JsonRpcError.UNSUPPORTED_PROTOCOL_VERSION, rejected(McpEnvelope.read(call("server/discover",
                future), headers("MCP-Protocol-Version", "v999", "Mcp-Method", "server/discover")), 400));
    }

    @Test
    void unsupportedHandshakeVersionIsRefused() {
        assertEquals(JsonRpcError.UNSUPPORTED_PROTOCOL_VERSION, rejected(McpEnvelope.read(call("ping", null),
                headers("MCP-Protocol-Version", "1999-01-01")), 400));
    }

    @Test
    void toolCallNeedsAMatchingNameHeader() {
        JsonRpcRequest call = call("tools/call", "{\"name\":\"add\"," + META + "}}");
        assertEquals(JsonRpcError.HEADER_MISMATCH, rejected(McpEnvelope.read(call,
                headers("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/call")), 400));
        accepted(McpEnvelope.read(call, headers("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/call",
                "Mcp-Name", " add ")));
    }

    @Test
    void invalidLogLevelIsInvalidParams() {
        assertEquals(JsonRpcError.INVALID_PARAMS, rejected(McpEnvelope.read(call("tools/list",
                "{" + META + ",\"io.modelcontextprotocol/logLevel\":\"loud\"}}"),
                headers("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/list")), 400));
    }

    @Test
    void encodedHeaderValuesAreDecoded() {
        assertEquals("Straße", McpEnvelope.decode("=?base64?U3RyYcOfZQ==?="));
        assertEquals("SGVsbG8=", McpEnvelope.decode("SGVsbG8="));
        assertEquals("=?base64?SGVsbG8=", McpEnvelope.decode("=?base64?SGVsbG8="));
        assertNull(McpEnvelope.decode(null));
    }

    @Test
    void malformedEncodedHeaderValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> McpEnvelope.decode("=?base64?SGVsbG8?="));
        assertThrows(IllegalArgumentException.class, () -> McpEnvelope.decode("=?base64?SGVs!!!bG8=?="));
    }
}
