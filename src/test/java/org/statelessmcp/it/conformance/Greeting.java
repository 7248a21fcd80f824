package org.statelessmcp.it.conformance;

import jakarta.enterprise.context.ApplicationScoped;
import org.statelessmcp.api.Tool;
import org.statelessmcp.api.ToolArg;

/**
 * The sync-only {@code greet} of the conformance suite's tasks scenarios. Deployed without the example tools, whose
 * own {@code greet} asks for the name instead of taking it.
 */
@ApplicationScoped
public class Greeting {

    @Tool(description = "Greets by name, at once: never a task.")
    public String greet(@ToolArg(description = "Who to greet") String name) {
        return "Hello, " + name + "!";
    }
}
