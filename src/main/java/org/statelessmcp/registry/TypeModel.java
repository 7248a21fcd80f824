package org.statelessmcp.registry;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * What a Java parameter type accepts on the wire: its JSON Schema, and how a JSON value is checked and turned into
 * the Java value. Built once per parameter at deployment by {@link TypeModels}; no reflection decisions are left
 * for call time.
 */
public interface TypeModel {

    /** The JSON Schema (2020-12 vocabulary) of the accepted values. */
    JsonObject schema();

    /**
     * Checks {@code value} and converts it.
     *
     * @param value a JSON value, never Java {@code null} ({@link JsonValue#NULL} for JSON null)
     * @param path where the value sits in the arguments, for error messages ({@code "point.x"}, {@code "items[2]"})
     * @throws InvalidArgumentException naming {@code path} and what was expected
     */
    Object bind(JsonValue value, String path);

    /** The value of a missing optional argument: {@code null}, {@code Optional.empty()} or a primitive zero. */
    default Object absent() {
        return null;
    }

    /** A short phrase for messages, such as "an integer" or "an array of strings". */
    String expected();
}
