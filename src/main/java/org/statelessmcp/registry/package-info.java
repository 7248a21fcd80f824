/**
 * The tools, prompts and resources of the deployment, found by CDI extensions at deployment and validated there, every
 * problem named at once: each tool's descriptor, its parameters and their JSON schemas, and the handle that
 * invokes it.
 *
 * <p>May use {@code api}, {@code protocol}, {@code schema}.
 */
package org.statelessmcp.registry;
