package org.statelessmcp.transport;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.statelessmcp.operations.EngineState;
import org.statelessmcp.operations.McpConfig;
import org.statelessmcp.operations.Metrics;
import org.statelessmcp.operations.SmcpConfig;
import org.statelessmcp.protocol.JsonP;
import org.statelessmcp.registry.ToolRegistry;

/**
 * The Python stateless-mcp's {@code GET /health}: status, version, tool count and the features in use, for scripts
 * written against it. Probes for orchestrators are MicroProfile Health's own endpoints ({@code /health/live}, ...).
 *
 * <p>Registered by {@link Registration} rather than {@code @WebServlet}: Payara installs MicroProfile Health into a
 * WAR at the root context only if that WAR declares no {@code /health} servlet by annotation, and a servlet added
 * in code at exactly {@code /health} leaves {@code /health/*} to it.
 */
public class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient org.statelessmcp.security.SecurityConfig security;
    @Inject
    transient ToolRegistry registry;
    @Inject
    transient SmcpConfig config;
    @Inject
    transient Metrics metrics;
    @Inject
    transient EngineState engine;
    @Inject
    transient McpConfig mcp;

    /** Maps the servlet to exactly {@code /health}. */
    @WebListener
    public static class Registration implements ServletContextListener {

        @Override
        public void contextInitialized(ServletContextEvent event) {
            event.getServletContext().addServlet("stateless-mcp-health", HealthServlet.class).addMapping("/health");
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpResponses.json(response, 200, JsonP.createObjectBuilder()
                .add("status", "healthy")
                .add("version", config.version())
                .add("tools", registry.size())
                .add("features", JsonP.createObjectBuilder()
                        .add("metrics", metrics != Metrics.NONE)
                        .add("clusterRelay", engine.relay().shared())
                        .add("sharedRequestState", mcp.requestStateSecret().isPresent())
                        .add("auth", security.authEnabled())
                        .add("rateLimiting", security.rateLimitEnabled()))
                .build().toString());
    }
}
