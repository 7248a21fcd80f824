/**
 * The tool-author API: the only package a tool imports. Small and stable; it depends on nothing else of
 * stateless-mcp.
 *
 * <ul>
 *   <li>{@link org.statelessmcp.api.Tool} marks a CDI bean method as a tool;</li>
 *   <li>{@link org.statelessmcp.api.ToolArg} names and describes its arguments;</li>
 *   <li>{@link org.statelessmcp.api.Emitter} streams chunks from a streaming tool;</li>
 *   <li>{@link org.statelessmcp.api.ToolCallException} reports a failure meant for the caller;</li>
 *   <li>{@link org.statelessmcp.api.ToolResponse} and the {@link org.statelessmcp.api.Content} types make a whole
 *       answer;</li>
 *   <li>{@link org.statelessmcp.api.Progress}, {@link org.statelessmcp.api.McpLog},
 *       {@link org.statelessmcp.api.Cancellation}, {@link org.statelessmcp.api.RequestId} and
 *       {@link org.statelessmcp.api.Caller} give any tool its call's context;</li>
 *   <li>{@link org.statelessmcp.api.ClientInput} asks the client during the call;</li>
 *   <li>{@link org.statelessmcp.api.TaskSupport} and {@link org.statelessmcp.api.TaskHandoff} let a long call run
 *       as an MCP task.</li>
 * </ul>
 *
 * <p>May use nothing else of stateless-mcp.
 */
package org.statelessmcp.api;
