package org.statelessmcp.transport;

import jakarta.servlet.http.HttpServletResponse;

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

    private Cors() {
    }

    /** Answers a preflight from a listed origin: {@code 204} with what may be sent. */
    static void preflight(String origin, HttpServletResponse response) {
        allow(origin, response);
        response.setHeader("Access-Control-Allow-Methods", "POST");
        response.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
        response.setHeader("Access-Control-Max-Age", MAX_AGE_SECONDS);
        HttpResponses.noContent(response, 204);
    }

    /** Lets a listed origin read the response. */
    static void allow(String origin, HttpServletResponse response) {
        response.setHeader("Access-Control-Allow-Origin", origin);
        response.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        response.addHeader("Vary", "Origin");
    }
}
