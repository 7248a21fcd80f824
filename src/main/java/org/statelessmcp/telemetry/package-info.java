/**
 * Traces through MicroProfile Telemetry, after OpenTelemetry's semantic conventions for MCP: a {@code SERVER} span per
 * JSON-RPC request ({@code tools/call add}), an {@code execute_tool} span around the tool's own work, the trace
 * context taken from {@code params._meta} before the HTTP headers, and the {@code mcp.server.operation.duration}
 * histogram where the server exports OpenTelemetry metrics. Loaded only where the server offers the OpenTelemetry
 * API; elsewhere, and while the server's SDK is disabled, the engine traces nothing and pays nothing.
 *
 * <p>May use {@code dispatch}, {@code protocol}.
 */
package org.statelessmcp.telemetry;
