package org.statelessmcp.registry;

/** An argument value that does not fit its parameter; the message names the argument and what was expected. */
public final class InvalidArgumentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidArgumentException(String message) {
        super(message, null, false, false);
    }

    static InvalidArgumentException expected(String path, TypeModel model, jakarta.json.JsonValue actual) {
        return new InvalidArgumentException(
                "'" + path + "' must be " + model.expected() + ", got " + describe(actual));
    }

    /** The kind of a value, never its content: the schema validator's wording, for one voice in every message. */
    static String describe(jakarta.json.JsonValue value) {
        return org.statelessmcp.schema.JsonValues.describe(value);
    }
}
