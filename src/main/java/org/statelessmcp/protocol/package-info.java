/**
 * JSON-RPC 2.0 on its own: parsing a body under the configured limits into requests, responses, batches or errors,
 * and writing responses and errors; with the one JSON provider every package uses. It knows no dialect and no tool.
 *
 * <p>May use nothing else of stateless-mcp.
 */
package org.statelessmcp.protocol;
