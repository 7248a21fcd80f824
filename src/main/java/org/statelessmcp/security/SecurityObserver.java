package org.statelessmcp.security;

/**
 * Hears the requests that security refuses, for metrics; it observes and never changes behaviour. Here, beside what
 * it observes, so that security needs nothing of the operations package that implements it. Implementations must be
 * cheap and thread-safe: they run on the request's threads.
 */
public interface SecurityObserver {

    /** A request to a protected endpoint was refused for want of valid credentials. */
    default void authFailed(String reason) {
    }

    /** A request was refused with 429: {@code scope} is the limit's kind ({@code global}, {@code tool}). */
    default void rateLimited(String scope) {
    }
}
