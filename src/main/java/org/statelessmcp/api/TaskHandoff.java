package org.statelessmcp.api;

/**
 * Lets a task-supporting tool choose when its call becomes a task. A tool that declares this parameter runs as an
 * ordinary call first: what it asks its client before {@link #handOff()} is asked in the request's own rounds (MCP
 * 2026-07-28's {@code input_required} results), and the task is created only when it hands off; the client gets the
 * task id then, and the rest of the work runs as the task. A tool without this parameter becomes a task before it
 * starts.
 *
 * <pre>{@code
 * @Tool(description = "Exports a customer's data", taskSupport = TaskSupport.REQUIRED, timeout = 3600)
 * public String export(Elicitation elicitation, TaskHandoff handoff) {
 *     Customer who = elicitation.elicit("customer", "Whose data?", Customer.class).orElseThrow(); // asked at once
 *     handoff.handOff();            // the client gets its task id; what follows runs as the task
 *     return exporter.export(who);  // long work, polled with tasks/get
 * }
 * }</pre>
 *
 * <p>When the call cannot be a task (its client did not declare the tasks extension, or speaks MCP 2025 or the
 * plain JSON-RPC dialect), {@code handOff()} does nothing and the call goes on as it was. A tool that finishes
 * without handing off answers directly. Valid only on tools whose {@link Tool#taskSupport()} is not
 * {@link TaskSupport#FORBIDDEN}.
 */
public interface TaskHandoff {

    /**
     * Answers the client with a new task, if the call can be one, and goes on as that task. Calling it again does
     * nothing.
     *
     * @return whether the call now runs as a task
     */
    boolean handOff();
}
