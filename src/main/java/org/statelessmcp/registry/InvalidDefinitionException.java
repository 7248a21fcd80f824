package org.statelessmcp.registry;

/**
 * A {@code @Tool}, {@code @Prompt} or resource method that cannot be served; the message names the method and says why.
 */
final class InvalidDefinitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    InvalidDefinitionException(String message) {
        super(message, null, false, false);
    }
}
