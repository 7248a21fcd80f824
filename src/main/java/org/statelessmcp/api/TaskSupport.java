package org.statelessmcp.api;

/**
 * Whether a tool's calls may run as tasks of MCP's tasks extension ({@code io.modelcontextprotocol/tasks}): the
 * client gets a task id at once and polls {@code tasks/get} for the result, answers the tool's questions with
 * {@code tasks/update}, or cancels with {@code tasks/cancel}, on any instance of the cluster.
 *
 * <pre>{@code
 * @Tool(description = "Builds the quarterly report", taskSupport = TaskSupport.OPTIONAL, timeout = 1800)
 * public Report quarterly(int year, int quarter) {
 *     return reports.build(year, quarter); // minutes of work: the client polls meanwhile
 * }
 * }</pre>
 *
 * <p>Only MCP 2026-07-28 requests that declare the extension in their client capabilities get a task. The others
 * (MCP 2025 clients, the plain JSON-RPC dialect, 2026 clients without the extension) are answered as for any tool,
 * holding the request until the result, except that a {@link #REQUIRED} tool refuses 2026 clients without the
 * extension. The tool's {@code timeout} bounds a task as it bounds a call.
 */
public enum TaskSupport {

    /** Never a task: every call is answered directly. The default. */
    FORBIDDEN,

    /** A task whenever the request declares the tasks extension; a direct answer otherwise. */
    OPTIONAL,

    /**
     * A task whenever the request declares the tasks extension; an MCP 2026-07-28 request that does not is refused
     * with {@code -32021} (missing required client capability). MCP 2025 clients and the plain JSON-RPC dialect,
     * which have no tasks, are answered directly.
     */
    REQUIRED
}
