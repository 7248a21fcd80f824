package org.statelessmcp.registry;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.statelessmcp.protocol.JsonP;

/**
 * Models of the types that map to JSON arrays and objects, and of {@code Optional}. Values are checked against the
 * model, then bound by JSON-B.
 */
final class StructuredModels {

    private StructuredModels() {
    }

    /** Checks {@code value} against {@code model}, then lets JSON-B bind it to {@code type}. */
    private static Object viaJsonb(TypeModel model, Type type, JsonValue value, String path, Jsonb jsonb) {
        model.validate(value, path);
        try {
            return jsonb.fromJson(value.toString(), type);
        } catch (RuntimeException refused) {
            // the value fits the schema, so this is a compact constructor or an adapter refusing it; its message
            // may carry internals, so the caller gets none of it
            throw new InvalidArgumentException("'" + path + "' could not be bound: the value was refused");
        }
    }

    /** {@code Optional<T>}: T's schema; a missing argument or JSON null is {@code Optional.empty()}. */
    record OptionalModel(TypeModel inner) implements TypeModel {

        @Override
        public JsonObject schema() {
            return inner.schema();
        }

        @Override
        public Object bind(JsonValue value, String path, Jsonb jsonb) {
            return value.getValueType() == JsonValue.ValueType.NULL
                    ? Optional.empty() : Optional.of(inner.bind(value, path, jsonb));
        }

        @Override
        public void validate(JsonValue value, String path) {
            if (value.getValueType() != JsonValue.ValueType.NULL) {
                inner.validate(value, path);
            }
        }

        @Override
        public Object absent() {
            return Optional.empty();
        }

        @Override
        public String expected() {
            return inner.expected();
        }
    }

    /** {@code List<T>}, {@code Collection<T>}, {@code T[]}, and {@code Set<T>} (unique items). */
    record ArrayModel(Type type, TypeModel element, JsonObject schema) implements TypeModel {

        static ArrayModel of(Type type, TypeModel element, boolean unique) {
            JsonObjectBuilder schema = JsonP.createObjectBuilder().add("type", "array").add("items", element.schema());
            if (unique) {
                schema.add("uniqueItems", true);
            }
            return new ArrayModel(type, element, schema.build());
        }

        @Override
        public Object bind(JsonValue value, String path, Jsonb jsonb) {
            return viaJsonb(this, type, value, path, jsonb);
        }

        @Override
        public void validate(JsonValue value, String path) {
            if (!(value instanceof JsonArray array)) {
                throw InvalidArgumentException.expected(path, this, value);
            }
            for (int i = 0; i < array.size(); i++) {
                element.validate(array.get(i), path + '[' + i + ']');
            }
        }

        @Override
        public String expected() {
            return "an array";
        }
    }

    /** {@code Map<String, T>}: a JSON object whose values are all T. */
    record MapModel(Type type, TypeModel value, JsonObject schema) implements TypeModel {

        static MapModel of(Type type, TypeModel value) {
            return new MapModel(type, value, JsonP.createObjectBuilder().add("type", "object")
                    .add("additionalProperties", value.schema()).build());
        }

        @Override
        public Object bind(JsonValue json, String path, Jsonb jsonb) {
            return viaJsonb(this, type, json, path, jsonb);
        }

        @Override
        public void validate(JsonValue json, String path) {
            if (!(json instanceof JsonObject object)) {
                throw InvalidArgumentException.expected(path, this, json);
            }
            for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
                value.validate(entry.getValue(), path + '.' + entry.getKey());
            }
        }

        @Override
        public String expected() {
            return "an object";
        }
    }

    /**
     * A record: a JSON object with one property per component; components that are not {@code Optional} are
     * required, unknown properties are refused.
     */
    record RecordModel(Class<?> type, Map<String, TypeModel> components, List<String> required,
                       JsonObject schema) implements TypeModel {

        static RecordModel of(Class<?> type, Map<String, TypeModel> components, Map<String, String> descriptions) {
            JsonObjectBuilder properties = JsonP.createObjectBuilder();
            List<String> required = new ArrayList<>();
            components.forEach((name, model) -> {
                properties.add(name, withDescription(model.schema(), descriptions.get(name)));
                if (!(model instanceof OptionalModel)) {
                    required.add(name);
                }
            });
            JsonObjectBuilder schema = JsonP.createObjectBuilder().add("type", "object").add("properties", properties);
            if (!required.isEmpty()) {
                schema.add("required", JsonP.createArrayBuilder(required));
            }
            schema.add("additionalProperties", false);
            return new RecordModel(type, Collections.unmodifiableMap(new LinkedHashMap<>(components)),
                    List.copyOf(required), schema.build());
        }

        @Override
        public Object bind(JsonValue value, String path, Jsonb jsonb) {
            return viaJsonb(this, type, value, path, jsonb);
        }

        @Override
        public void validate(JsonValue value, String path) {
            if (!(value instanceof JsonObject object)) {
                throw InvalidArgumentException.expected(path, this, value);
            }
            for (String name : object.keySet()) {
                if (!components.containsKey(name)) {
                    throw new InvalidArgumentException("'" + path + "' has no property '" + name + "'");
                }
            }
            for (Map.Entry<String, TypeModel> component : components.entrySet()) {
                JsonValue json = object.get(component.getKey());
                String at = path + '.' + component.getKey();
                if (json == null || json.getValueType() == JsonValue.ValueType.NULL) {
                    if (!(component.getValue() instanceof OptionalModel)) {
                        throw new InvalidArgumentException("'" + at + "' is required");
                    }
                } else {
                    component.getValue().validate(json, at);
                }
            }
        }

        @Override
        public String expected() {
            return "an object";
        }
    }

    static JsonObject withDescription(JsonObject schema, String description) {
        if (description == null || description.isEmpty()) {
            return schema;
        }
        return JsonP.createObjectBuilder(schema).add("description", description).build();
    }
}
