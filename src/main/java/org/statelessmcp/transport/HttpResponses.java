package org.statelessmcp.transport;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes one-shot responses with plain blocking I/O. */
final class HttpResponses {

    static final String JSON = "application/json";

    private HttpResponses() {
    }

    static void json(HttpServletResponse response, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(JSON);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** A plain HTTP-level error: {@code {"error": code, "message": ...}}. */
    static void error(HttpServletResponse response, int status, String code, String message) throws IOException {
        json(response, status, "{\"error\":\"" + code + "\",\"message\":"
                + org.statelessmcp.protocol.JsonStrings.quote(message) + '}');
    }

    static void noContent(HttpServletResponse response, int status) {
        response.setStatus(status);
        response.setContentLength(0);
    }
}
