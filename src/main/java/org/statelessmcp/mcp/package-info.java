/**
 * The MCP dialect of {@code POST /mcp}, statelessly: every revision's methods
 * ({@link org.statelessmcp.mcp.McpMethod}), version negotiation, tool, prompt and resource calls, multi round-trip
 * requests and tasks, and the skills extension's methods. Its answer is a
 * {@link org.statelessmcp.dispatch.PendingAnswer}; it knows nothing of HTTP, which
 * {@code transport.McpHttp} speaks for it, nor of the plain JSON-RPC dialect beside it.
 *
 * <p>May use {@code api}, {@code cluster}, {@code dispatch}, {@code protocol}, {@code registry}, {@code skills}.
 */
package org.statelessmcp.mcp;
