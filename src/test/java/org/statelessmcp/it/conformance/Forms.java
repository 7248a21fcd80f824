package org.statelessmcp.it.conformance;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** The one-field forms the conformance tools ask for, and the content of an answer to one. */
public final class Forms {

    private Forms() {
    }

    /** A form with one required field of JSON type {@code type}. */
    static JsonObject schema(String field, String type) {
        return Json.createObjectBuilder().add("type", "object")
                .add("properties", Json.createObjectBuilder().add(field, Json.createObjectBuilder().add("type", type)))
                .add("required", Json.createArrayBuilder().add(field)).build();
    }

    /** The {@code content} of an elicitation result, empty when the user declined. */
    static JsonObject content(JsonObject elicited) {
        return elicited.get("content") instanceof JsonObject content ? content : JsonObject.EMPTY_JSON_OBJECT;
    }
}
