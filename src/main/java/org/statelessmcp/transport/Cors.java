package org.statelessmcp.transport;

import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Pattern;

/**
 * CORS for the web applications named in {@code smcp.allowed-origins}, and for no one else: the request's own
 * origin is echoed (never {@code *}), and credentials are never allowed, since API keys travel in headers the
 * application sets itself.
 */
final class Cors {

    /** What a browser may send: the content type, MCP's own headers, request ids and credentials in headers. */
    static final String ALLOWED_HEADERS = "Content-Type, Accept, Authorization, X-API-Key, X-Request-ID, "
            + "MCP-Protocol-Version, Mcp-Method, Mcp-Name, Last-Event-ID";
    /** What a browser may read besides the simple headers. */
    static final String EXPOSED_HEADERS = "X-Request-ID, MCP-Protocol-Version";
    private static final String MAX_AGE_SECONDS = "600";
    private static final Pattern PARAM_HEADER = Pattern.compile("(?i)mcp-param-[!#$%&'*+.^_`|~0-9a-z-]+");

    private Cors() {
    }

    /**
     * Answers a preflight from a listed origin: {@code 204} with what may be sent, the {@code Mcp-Param-*} headers it
     * asks for included (tools name their own, see {@code @ToolArg(header)}).
     */
    static void preflight(String origin, String requestedHeaders, HttpServletResponse response) {
        allow(origin, response);
        response.setHeader("Access-Control-Allow-Methods", "POST");
        response.setHeader("Access-Control-Allow-Headers", allowedHeaders(requestedHeaders));
        response.setHeader("Access-Control-Max-Age", MAX_AGE_SECONDS);
        HttpResponses.noContent(response, 204);
    }

    /** {@link #ALLOWED_HEADERS} and the well-formed {@code Mcp-Param-*} names among {@code requested}. */
    static String allowedHeaders(String requested) {
        StringBuilder allowed = new StringBuilder(ALLOWED_HEADERS);
        if (requested != null) {
            for (String name : requested.split(",")) {
                String header = name.strip();
                if (PARAM_HEADER.matcher(header).matches()) {
                    allowed.append(", ").append(header);
                }
            }
        }
        return allowed.toString();
    }

    /** Lets a listed origin read the response. */
    static void allow(String origin, HttpServletResponse response) {
        response.setHeader("Access-Control-Allow-Origin", origin);
        response.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        response.addHeader("Vary", "Origin");
    }
}
