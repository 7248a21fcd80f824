/**
 * Running the server in production: its settings, read once from MicroProfile Config; the access log, the log
 * format and request ids in log lines, masking of secrets; metrics, which observe tool calls and security through
 * the observer interfaces those packages declare; health checks. It observes the engine and never steers it.
 *
 * <p>May use {@code dispatch}, {@code mcp}, {@code protocol}, {@code registry}, {@code security}.
 */
package org.statelessmcp.operations;
