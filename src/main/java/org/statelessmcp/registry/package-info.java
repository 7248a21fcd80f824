/**
 * The tools, prompts and resources of the deployment, found by CDI extensions at deployment and validated there, every
 * problem named at once: each tool's descriptor, its parameters and their JSON schemas, and the handle that
 * invokes it; and {@link org.statelessmcp.registry.Unproxied}, the scope of the machinery's own beans on a request's
 * path.
 *
 * <p>May use {@code api}, {@code protocol}, {@code schema}.
 */
package org.statelessmcp.registry;
