package org.statelessmcp.registry;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import java.lang.reflect.Array;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Models of the types that map to JSON arrays and objects, and of {@code Optional}. */
final class StructuredModels {

    private StructuredModels() {
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
        public Object absent() {
            return Optional.empty();
        }

        @Override
        public String expected() {
            return inner.expected();
        }
    }

    /** The collection a JSON array becomes. */
    enum Collection { LIST, SET, ARRAY }

    /** {@code List<T>}, {@code Set<T>}, {@code Collection<T>} and {@code T[]}. */
    record ArrayModel(Collection collection, Class<?> elementClass, TypeModel element, JsonObject schema)
            implements TypeModel {

        static ArrayModel of(Collection collection, Class<?> elementClass, TypeModel element) {
            JsonObjectBuilder schema = Json.createObjectBuilder().add("type", "array").add("items", element.schema());
            if (collection == Collection.SET) {
                schema.add("uniqueItems", true);
            }
            return new ArrayModel(collection, elementClass, element, schema.build());
        }

        @Override
        public Object bind(JsonValue value, String path, Jsonb jsonb) {
            if (!(value instanceof JsonArray array)) {
                throw InvalidArgumentException.expected(path, this, value);
            }
            List<Object> items = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                items.add(element.bind(array.get(i), path + '[' + i + ']', jsonb));
            }
            return switch (collection) {
                case LIST -> items;
                case SET -> new LinkedHashSet<>(items);
                case ARRAY -> {
                    Object result = Array.newInstance(elementClass, items.size());
                    for (int i = 0; i < items.size(); i++) {
                        Array.set(result, i, items.get(i));
                    }
                    yield result;
                }
            };
        }

        @Override
        public String expected() {
            return "an array";
        }
    }

    /** {@code Map<String, T>}: a JSON object whose values are all T. */
    record MapModel(TypeModel value, JsonObject schema) implements TypeModel {

        static MapModel of(TypeModel value) {
            return new MapModel(value, Json.createObjectBuilder().add("type", "object")
                    .add("additionalProperties", value.schema()).build());
        }

        @Override
        public Object bind(JsonValue json, String path, Jsonb jsonb) {
            if (!(json instanceof JsonObject object)) {
                throw InvalidArgumentException.expected(path, this, json);
            }
            Map<String, Object> result = new LinkedHashMap<>();
            for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
                result.put(entry.getKey(), value.bind(entry.getValue(), path + '.' + entry.getKey(), jsonb));
            }
            return result;
        }

        @Override
        public String expected() {
            return "an object";
        }
    }

    /**
     * A record: a JSON object with one property per component; components that are not {@code Optional} are
     * required, unknown properties are refused. The value is checked here, then bound by JSON-B.
     */
    record RecordModel(Type type, Map<String, TypeModel> components, List<String> required, JsonObject schema)
            implements TypeModel {

        static RecordModel of(Type type, Map<String, TypeModel> components, Map<String, String> descriptions) {
            JsonObjectBuilder properties = Json.createObjectBuilder();
            List<String> required = new ArrayList<>();
            components.forEach((name, model) -> {
                properties.add(name, withDescription(model.schema(), descriptions.get(name)));
                if (!(model instanceof OptionalModel)) {
                    required.add(name);
                }
            });
            JsonObjectBuilder schema = Json.createObjectBuilder().add("type", "object").add("properties", properties);
            if (!required.isEmpty()) {
                schema.add("required", Json.createArrayBuilder(required));
            }
            schema.add("additionalProperties", false);
            return new RecordModel(type, Map.copyOf(components), List.copyOf(required), schema.build());
        }

        @Override
        public Object bind(JsonValue value, String path, Jsonb jsonb) {
            if (!(value instanceof JsonObject object)) {
                throw InvalidArgumentException.expected(path, this, value);
            }
            for (String name : required) {
                JsonValue component = object.get(name);
                if (component == null || component.getValueType() == JsonValue.ValueType.NULL) {
                    throw new InvalidArgumentException("'" + path + '.' + name + "' is required");
                }
            }
            for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
                TypeModel model = components.get(entry.getKey());
                if (model == null) {
                    throw new InvalidArgumentException("'" + path + "' has no property '" + entry.getKey() + "'");
                }
                model.bind(entry.getValue(), path + '.' + entry.getKey(), jsonb);
            }
            try {
                return jsonb.fromJson(object.toString(), type);
            } catch (JsonbException e) {
                throw new InvalidArgumentException("'" + path + "' could not be bound to " + expected());
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
        return Json.createObjectBuilder(schema).add("description", description).build();
    }
}
