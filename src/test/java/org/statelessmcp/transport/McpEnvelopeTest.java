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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.statelessmcp.mcp.RequestContext;
import org.statelessmcp.protocol.JsonRpcError;
import org.statelessmcp.protocol.JsonRpcRequest;
import org.statelessmcp.registry.ParamHeaders.ParamHeader;

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

    /** Tool {@code forecast} mirrors {@code region} (a string), {@code days} (an integer) and {@code metric}. */
    private static final Map<String, List<ParamHeader>> MIRRORED = Map.of("forecast", List.of(
            new ParamHeader("Region", "region", "string"), new ParamHeader("Days", "days", "integer"),
            new ParamHeader("Metric", "metric", "boolean")));

    private static McpEnvelope.Read read(JsonRpcRequest call, HttpServletRequest request) {
        return McpEnvelope.read(call, request, tool -> MIRRORED.getOrDefault(tool, List.of()));
    }

    /** A 2026-07-28 call of {@code forecast} with {@code arguments}, and these headers besides the standard ones. */
    private static McpEnvelope.Read forecast(String arguments, String... paramHeaders) {
        String[] all = new String[6 + paramHeaders.length];
        System.arraycopy(new String[] {"MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/call", "Mcp-Name",
                "forecast"}, 0, all, 0, 6);
        System.arraycopy(paramHeaders, 0, all, 6, paramHeaders.length);
        return read(call("tools/call", "{\"name\":\"forecast\",\"arguments\":" + arguments + "," + META + "}}"),
                headers(all));
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
        RequestContext context = accepted(read(call("tools/list", null), headers()));
        assertEquals("2025-03-26", context.version());
        assertFalse(context.stateless());
    }

    @Test
    void handshakeRevisionComesFromTheHeader() {
        assertEquals("2025-11-25", accepted(read(call("tools/list", "{}"),
                headers("MCP-Protocol-Version", "2025-11-25"))).version());
    }

    @Test
    void statelessRequestCarriesItsCapabilitiesAndLogLevel() {
        RequestContext context = accepted(read(call("tools/list",
                "{" + META + ",\"io.modelcontextprotocol/logLevel\":\"debug\"}}"),
                headers("mcp-protocol-version", "2026-07-28", "MCP-METHOD", "tools/list")));
        assertTrue(context.stateless());
        assertEquals("{\"sampling\":{}}", context.clientCapabilities().toString());
        assertEquals("debug", context.logLevel());
    }

    @Test
    void statelessHeaderWithoutMetaIsInvalidParams() {
        assertEquals(JsonRpcError.INVALID_PARAMS, rejected(read(call("tools/list", "{}"),
                headers("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/list")), 400));
    }

    @Test
    void metaWithoutTheHeaderIsAHeaderMismatch() {
        assertEquals(JsonRpcError.HEADER_MISMATCH, rejected(read(call("tools/list", "{" + META + "}}"),
                headers("Mcp-Method", "tools/list")), 400));
    }

    @Test
    void headerAndMetaDisagreeingIsCheckedBeforeTheVersion() {
        String future = "{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"v999\","
                + "\"io.modelcontextprotocol/clientCapabilities\":{}}}";
        assertEquals(JsonRpcError.HEADER_MISMATCH, rejected(read(call("server/discover", future),
                headers("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "server/discover")), 400));
        assertEquals(JsonRpcError.UNSUPPORTED_PROTOCOL_VERSION, rejected(read(call("server/discover",
                future), headers("MCP-Protocol-Version", "v999", "Mcp-Method", "server/discover")), 400));
    }

    @Test
    void unsupportedHandshakeVersionIsRefused() {
        assertEquals(JsonRpcError.UNSUPPORTED_PROTOCOL_VERSION, rejected(read(call("ping", null),
                headers("MCP-Protocol-Version", "1999-01-01")), 400));
    }

    @Test
    void toolCallNeedsAMatchingNameHeader() {
        JsonRpcRequest call = call("tools/call", "{\"name\":\"add\"," + META + "}}");
        assertEquals(JsonRpcError.HEADER_MISMATCH, rejected(read(call,
                headers("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/call")), 400));
        accepted(read(call, headers("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/call",
                "Mcp-Name", " add ")));
    }

    @Test
    void mirroredArgumentsAgreeingWithTheirHeadersAreAccepted() {
        accepted(forecast("{\"region\":\"eu-west\",\"days\":2,\"metric\":true}", "Mcp-Param-Region", "eu-west",
                "Mcp-Param-Days", "2.0", "mcp-param-metric", "true"));
    }

    @Test
    void aMirroredArgumentWithoutItsHeaderIsAHeaderMismatch() {
        assertEquals(JsonRpcError.HEADER_MISMATCH, rejected(forecast("{\"region\":\"eu-west\"}"), 400));
    }

    @Test
    void aHeaderDifferingFromItsArgumentIsAHeaderMismatch() {
        assertEquals(JsonRpcError.HEADER_MISMATCH, rejected(forecast("{\"region\":\"eu-west\"}",
                "Mcp-Param-Region", "us-east"), 400));
        assertEquals(JsonRpcError.HEADER_MISMATCH, rejected(forecast("{\"days\":2}", "Mcp-Param-Days", "3"), 400));
        assertEquals(JsonRpcError.HEADER_MISMATCH, rejected(forecast("{\"metric\":true}", "Mcp-Param-Metric",
                "TRUE"), 400));
    }

    @Test
    void aHeaderForAnAbsentArgumentIsAHeaderMismatch() {
        assertEquals(JsonRpcError.HEADER_MISMATCH, rejected(forecast("{}", "Mcp-Param-Region", "eu-west"), 400));
    }

    @Test
    void mirroredHeadersAreDecodedFromBase64AndRefusedWhenMalformed() {
        accepted(forecast("{\"region\":\"Straße\"}", "Mcp-Param-Region", "=?base64?U3RyYcOfZQ==?="));
        assertEquals(JsonRpcError.HEADER_MISMATCH, rejected(forecast("{\"region\":\"Hello\"}",
                "Mcp-Param-Region", "=?base64?SGVsbG8?="), 400));
    }

    @Test
    void anArgumentOfTheWrongTypeIsLeftToArgumentValidation() {
        accepted(forecast("{\"days\":\"two\"}", "Mcp-Param-Days", "2"));
    }

    @Test
    void invalidLogLevelIsInvalidParams() {
        assertEquals(JsonRpcError.INVALID_PARAMS, rejected(read(call("tools/list",
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
