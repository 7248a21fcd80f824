/**
 * The example tools of the Python stateless-mcp, with the same names and arguments, so that scripts written for it
 * keep working: plain tool beans, written against the tool-author API only, as any user's tools are.
 *
 * <p>May use {@code api}.
 */
package org.statelessmcp.examples;
