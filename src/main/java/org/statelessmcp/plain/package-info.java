/**
 * The plain JSON-RPC dialect of {@code POST /mcp}, the one the Python stateless-mcp speaks, kept so that its clients
 * work unchanged: the method is a tool's name, {@code params} its arguments, and the result the tool's value
 * ({@code {"jsonrpc":"2.0","id":1,"method":"add","params":{"a":2,"b":3}}} answers {@code {"result":5}}). No
 * handshake, no MCP header; progress and log messages come as NDJSON lines for a client that asks for
 * {@code application/x-ndjson}. Batches, which MCP 2025-03-26 shares, are fanned out here. Its answer is a
 * {@link org.statelessmcp.dispatch.PendingAnswer}; it knows nothing of HTTP nor of the MCP dialect beside it.
 *
 * <p>May use {@code api}, {@code dispatch}, {@code protocol}, {@code registry}.
 */
package org.statelessmcp.plain;
