package org.statelessmcp.transport;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.statelessmcp.operations.LogContext;

/**
 * Gives requests to the WAR's other endpoints their {@link RequestIds id}, in the response's {@code X-Request-ID}
 * and in every log line written while serving them. {@code /mcp} is not mapped: {@link McpServlet} does the same
 * itself, because each filter in a chain costs the container a pair of invocation events per request, and
 * {@code /mcp} is the path that carries the load.
 */
@WebFilter(urlPatterns = {"/tools", "/tools/*", "/health", "/.well-known/*"})
public class RequestIdFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String id = RequestIds.assign(request, response);
        try (LogContext.Scope scope = LogContext.enter(new LogContext.Current(id, null))) {
            chain.doFilter(request, response);
        }
    }
}
