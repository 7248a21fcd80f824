/**
 * HTTP, and nothing else: reads a request's body under the size limit, checks origin and credentials, tells the two
 * dialects apart ({@link org.statelessmcp.transport.DialectRouter}) and writes their answers as JSON, NDJSON
 * ({@link org.statelessmcp.transport.PlainHttp}) or Server-Sent Events
 * ({@link org.statelessmcp.transport.McpHttp}); plus {@code GET /health} and the tool catalog.
 *
 * <p>May use {@code api}, {@code dispatch}, {@code mcp}, {@code operations}, {@code plain},
 * {@code protocol}, {@code registry}, {@code security}.
 */
package org.statelessmcp.transport;
