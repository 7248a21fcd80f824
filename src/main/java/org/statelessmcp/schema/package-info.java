/**
 * JSON Schema (2020-12) for tool arguments: checking that a hand-written schema is valid, and evaluating arguments
 * against it, reporting every problem with its JSON pointer.
 *
 * <p>May use {@code protocol}.
 */
package org.statelessmcp.schema;
