/**
 * A test kit for tools served by stateless-mcp: {@link org.statelessmcp.testkit.McpTestClient} calls a deployment
 * in the plain JSON-RPC dialect or in either MCP era, and {@link org.statelessmcp.testkit.McpResponse} asserts on
 * the answer. It needs only the JDK and a Jakarta JSON-P implementation (e.g. Parsson) on the test class path, and
 * works with any test framework: a failed assertion throws {@link java.lang.AssertionError}.
 *
 * <pre>{@code
 * McpTestClient client = McpTestClient.at("http://localhost:8080/");
 * client.plain().call("add", Map.of("a", 2, "b", 3)).assertStructured("{\"result\":5}");
 * client.mcp2025().progressToken("t").call("generate_numbers", Map.of("count", 3)).assertProgress(1, 2, 3);
 * client.mcp2026().call("fail", Map.of("message", "boom")).assertIsError("boom").assertNoInternals();
 * }</pre>
 */
package org.statelessmcp.testkit;
