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

    static String describe(jakarta.json.JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "the number " + abbreviate(value.toString());
            case TRUE, FALSE -> "a boolean";
            case NULL -> "null";
        };
    }

    private static String abbreviate(String text) {
        return text.length() <= 32 ? text : text.substring(0, 29) + "...";
    }
}
