/**
 * Running one tool call, whichever dialect asked for it: binding and validating its arguments, running it on the
 * managed executor under its deadline, streaming its chunks, carrying its progress, log messages and requests to
 * the client through a {@link org.statelessmcp.dispatch.ClientChannel}, and rendering its outcome. Its answer is a
 * {@link org.statelessmcp.dispatch.PendingAnswer}, the same for both dialects; it knows neither dialect nor HTTP.
 * Observers ({@link org.statelessmcp.dispatch.ToolObserver}) and the role check
 * ({@link org.statelessmcp.dispatch.ToolAccess}) are interfaces here, implemented above.
 *
 * <p>May use {@code api}, {@code protocol}, {@code registry}.
 */
package org.statelessmcp.dispatch;
