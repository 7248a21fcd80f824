package org.statelessmcp.registry;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import java.util.Map;
import java.util.Set;
import org.statelessmcp.protocol.JsonP;

/**
 * A form to ask a user through MCP elicitation, derived from a public record as tool arguments are: its
 * {@code requestedSchema}, and the binding of the user's answer back into the record. Elicitation allows flat forms
 * only: each component a string, number, integer, boolean or enum, described by {@code @ToolArg}.
 */
public final class FormModel<T> {

    private static final Set<String> PRIMITIVES = Set.of("string", "number", "integer", "boolean");

    private final Class<T> form;
    private final TypeModel model;
    private final JsonObject schema;

    private FormModel(Class<T> form, TypeModel model, JsonObject schema) {
        this.form = form;
        this.model = model;
        this.schema = schema;
    }

    /** @throws IllegalArgumentException when {@code form} is not a flat public record */
    public static <T> FormModel<T> of(Class<T> form) {
        if (!form.isRecord()) {
            throw new IllegalArgumentException(form.getName() + " is not a record: a form is a record of its fields");
        }
        TypeModel model;
        try {
            model = TypeModels.of(form);
        } catch (UnsupportedTypeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        JsonObject derived = model.schema();
        for (Map.Entry<String, JsonValue> property : derived.getJsonObject("properties").entrySet()) {
            JsonObject field = property.getValue().asJsonObject();
            if (!PRIMITIVES.contains(field.getString("type", ""))) {
                throw new IllegalArgumentException(form.getName() + "." + property.getKey() + " must be a string, a"
                        + " number, an integer, a boolean or an enum: elicitation forms are flat");
            }
        }
        var schema = JsonP.createObjectBuilder().add("type", "object").add("properties", derived.get("properties"));
        if (derived.containsKey("required")) {
            schema.add("required", derived.get("required"));
        }
        return new FormModel<>(form, model, schema.build());
    }

    /** The elicitation's {@code requestedSchema}. */
    public JsonObject schema() {
        return schema;
    }

    /**
     * The user's answer as the record.
     *
     * @throws InvalidArgumentException when the answer does not fit the form
     */
    public T bind(JsonObject content, Jsonb jsonb) {
        return form.cast(model.bind(content, "content", jsonb));
    }
}
