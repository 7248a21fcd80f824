package org.statelessmcp.registry;

/** A {@code @Tool} method that cannot become a tool; the message names the method and says why. */
final class ToolDefinitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ToolDefinitionException(String message) {
        super(message, null, false, false);
    }
}
