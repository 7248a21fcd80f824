/**
 * Who may call what, and how often: API keys or the container's own login, roles per tool, the origin check's
 * settings, and rate limits per caller and per tool, kept in the cluster's shared store when there is one. What it
 * refuses it reports to a {@link org.statelessmcp.security.SecurityObserver}.
 *
 * <p>May use {@code api}, {@code cluster}, {@code dispatch}, {@code protocol}, {@code registry}.
 */
package org.statelessmcp.security;
