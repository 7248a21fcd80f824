package org.statelessmcp.registry;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.statelessmcp.api.TaskSupport;
import org.statelessmcp.api.Tool;
import org.statelessmcp.schema.JsonSchema;

/**
 * Everything known about one tool once deployment has validated it.
 *
 * @param name the tool's name (the JSON-RPC method)
 * @param title a display title, or empty
 * @param description what it does, or empty
 * @param streaming whether it streams chunks through an Emitter
 * @param timeoutSeconds the effective timeout: its own or the default, capped by the maximum
 * @param hints the behaviour hints it declares
 * @param inputSchema the JSON Schema of its {@code params} object, derived or as the tool wrote it
 * @param outputSchema the JSON Schema of its result when it returns a record, else {@code null}
 * @param parameters the source of each Java parameter, in order
 * @param async whether the method returns a {@code CompletionStage}
 * @param interactive whether it asks the client during the call (elicitation, sampling)
 * @param notifies whether it may send the client progress or log messages during the call (besides a streaming
 *                 tool's chunks)
 * @param cancellable whether it takes a {@code Cancellation}: such a blocking tool runs apart from the request
 *                    thread, so that the client's cancellation can reach it
 * @param source {@code Class#method}, for logs and deployment messages
 * @param rolesAllowed the roles of which a caller needs one, from {@code @RolesAllowed} on the method or its class;
 *                     empty when any caller may call it
 * @param taskSupport whether its calls may run as MCP tasks
 * @param argumentSchema the tool's hand-written input schema, which the arguments of each call must match, or
 *                       {@code null} when the schema is derived from its parameters (their models check them)
 */
public record ToolDescriptor(String name, String title, String description, boolean streaming, long timeoutSeconds,
                             Tool.Annotations hints, JsonObject inputSchema, JsonObject outputSchema,
                             List<ParameterSource> parameters, boolean async, boolean interactive, boolean notifies,
                             boolean cancellable,
                             String source, Set<String> rolesAllowed, TaskSupport taskSupport,
                             JsonSchema argumentSchema) {

    public ToolDescriptor {
        parameters = List.copyOf(parameters);
        rolesAllowed = Set.copyOf(rolesAllowed);
        taskSupport = taskSupport == null ? TaskSupport.FORBIDDEN : taskSupport;
    }

    /** A tool whose input schema is derived from its parameters. */
    public ToolDescriptor(String name, String title, String description, boolean streaming, long timeoutSeconds,
                          Tool.Annotations hints, JsonObject inputSchema, JsonObject outputSchema,
                          List<ParameterSource> parameters, boolean async, boolean interactive, boolean notifies,
                          boolean cancellable, String source, Set<String> rolesAllowed, TaskSupport taskSupport) {
        this(name, title, description, streaming, timeoutSeconds, hints, inputSchema, outputSchema, parameters, async,
                interactive, notifies, cancellable, source, rolesAllowed, taskSupport, null);
    }

    /** Whether a call may run as a task. */
    public boolean tasks() {
        return taskSupport != TaskSupport.FORBIDDEN;
    }

    /** Whether the tool chooses when its call becomes a task, through a {@code TaskHandoff}. */
    public boolean handsOff() {
        return parameters.contains(new ParameterSource.ContextParameter(org.statelessmcp.api.TaskHandoff.class));
    }
}
