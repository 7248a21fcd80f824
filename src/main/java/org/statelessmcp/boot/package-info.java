/**
 * The composition root: assembles the engine from configuration and the container's managed executors (the one
 * place that builds {@code McpServer}, {@code PlainJsonRpc}, {@code ToolExecutor} and the parser), finds the
 * deployment's skills, and runs the engine's periodic sweeps. It sits on top so that every other package can be
 * built and tested without it; nothing depends on it but CDI.
 *
 * <p>May use {@code cluster}, {@code dispatch}, {@code mcp}, {@code operations}, {@code plain},
 * {@code protocol}, {@code registry}, {@code security}, {@code skills}, {@code telemetry}.
 */
package org.statelessmcp.boot;
