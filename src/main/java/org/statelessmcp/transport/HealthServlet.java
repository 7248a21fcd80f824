package org.statelessmcp.transport;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.statelessmcp.operations.SmcpConfig;
import org.statelessmcp.registry.ToolRegistry;

/**
 * The seed's {@code GET /health}: status, version and tool count, for scripts written against it. Probes for
 * orchestrators are MicroProfile Health's own endpoints.
 */
@WebServlet(urlPatterns = "/health")
public class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ToolRegistry registry;
    @Inject
    transient SmcpConfig config;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpResponses.json(response, 200, Json.createObjectBuilder()
                .add("status", "healthy")
                .add("version", config.version())
                .add("tools", registry.size())
                .build().toString());
    }
}
