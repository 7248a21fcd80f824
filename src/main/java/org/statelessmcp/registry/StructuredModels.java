package org.statelessmcp.registry;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Collections;
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
        public Object bind(JsonValue value, String path) {
            return value.getValueType() == JsonValue.ValueType.NULL
                    ? Optional.empty() : Optional.of(inner.bind(value, path));
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
        public Object bind(JsonValue value, String path) {
            if (!(value instanceof JsonArray array)) {
                throw InvalidArgumentException.expected(path, this, value);
            }
            List<Object> items = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                items.add(element.bind(array.get(i), path + '[' + i + ']'));
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
        public Object bind(JsonValue json, String path) {
            if (!(json instanceof JsonObject object)) {
                throw InvalidArgumentException.expected(path, this, json);
            }
            Map<String, Object> result = new LinkedHashMap<>();
            for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
                result.put(entry.getKey(), value.bind(entry.getValue(), path + '.' + entry.getKey()));
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
     * required, unknown properties are refused. Built through the canonical constructor, which is made accessible
     * at deployment so records need not be public.
     */
    record RecordModel(Class<?> type, Map<String, TypeModel> components, List<String> required,
                       Constructor<?> constructor, JsonObject schema) implements TypeModel {

        static RecordModel of(Class<?> type, Map<String, TypeModel> components, Map<String, String> descriptions,
                              Constructor<?> constructor) {
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
            return new RecordModel(type, Collections.unmodifiableMap(new LinkedHashMap<>(components)),
                    List.copyOf(required), constructor, schema.build());
        }

        @Override
        public Object bind(JsonValue value, String path) {
            if (!(value instanceof JsonObject object)) {
                throw InvalidArgumentException.expected(path, this, value);
            }
            for (String name : object.keySet()) {
                if (!components.containsKey(name)) {
                    throw new InvalidArgumentException("'" + path + "' has no property '" + name + "'");
                }
            }
            Object[] arguments = new Object[components.size()];
            int i = 0;
            for (Map.Entry<String, TypeModel> component : components.entrySet()) {
                JsonValue json = object.get(component.getKey());
                String at = path + '.' + component.getKey();
                if (json == null || json.getValueType() == JsonValue.ValueType.NULL) {
                    if (!(component.getValue() instanceof OptionalModel)) {
                        throw new InvalidArgumentException("'" + at + "' is required");
                    }
                    arguments[i++] = Optional.empty();
                } else {
                    arguments[i++] = component.getValue().bind(json, at);
                }
            }
            try {
                return constructor.newInstance(arguments);
            } catch (InvocationTargetException e) {
                // a compact constructor that validates its components refused the values
                Throwable cause = e.getCause();
                throw new InvalidArgumentException("'" + path + "' was refused: "
                        + (cause instanceof IllegalArgumentException && cause.getMessage() != null
                        ? cause.getMessage() : "invalid value"));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot construct " + type.getName(), e);
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
