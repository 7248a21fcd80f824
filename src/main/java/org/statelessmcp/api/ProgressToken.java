package org.statelessmcp.api;

import java.util.Objects;

/**
 * The token a client gave to hear of a call's progress: a string or a number, echoed in every progress notification.
 *
 * <pre>{@code
 * progress.token().ifPresent(token -> log.info("reporting progress to %s", token.asString()));
 * }</pre>
 *
 * @param value a {@code String} or a {@code Number}
 */
public record ProgressToken(Object value) {

    public ProgressToken {
        Objects.requireNonNull(value, "value");
        if (!(value instanceof String || value instanceof Number)) {
            throw new IllegalArgumentException("a progress token is a string or a number");
        }
    }

    /** The token as text. */
    public String asString() {
        return value.toString();
    }

    /** The token as a number, or {@code null} when it is a string. */
    public Number asInteger() {
        return value instanceof Number number ? number : null;
    }
}
