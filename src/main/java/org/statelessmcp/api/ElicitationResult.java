package org.statelessmcp.api;

import jakarta.json.JsonObject;

/**
 * The user's answer to an {@link Elicitation}.
 *
 * <pre>{@code
 * if (answer.accepted()) { use(answer.content().getString("email")); }
 * }</pre>
 *
 * @param action {@code accept}, {@code decline} or {@code cancel}
 * @param content the submitted fields when accepted, else an empty object
 */
public record ElicitationResult(String action, JsonObject content) {

    /** Whether the user submitted the form. */
    public boolean accepted() {
        return "accept".equals(action);
    }
}
