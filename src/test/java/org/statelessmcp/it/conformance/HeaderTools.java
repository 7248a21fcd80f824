package org.statelessmcp.it.conformance;

import jakarta.enterprise.context.ApplicationScoped;
import org.statelessmcp.api.Tool;
import org.statelessmcp.api.ToolArg;

/**
 * A tool whose arguments MCP 2026-07-28 clients also send as {@code Mcp-Param-*} headers, for the conformance suite's
 * {@code http-custom-header-server-validation} scenario. Public tool API only.
 */
@ApplicationScoped
public class HeaderTools {

    @Tool(name = "test_custom_header", description = "Tells where a request is routed: its region, also a header.")
    public String routed(@ToolArg(header = "Region", description = "the region to route to") String region,
                         @ToolArg(header = "Priority", required = false) Integer priority) {
        return "routed to " + region + (priority == null ? "" : " at priority " + priority);
    }
}
