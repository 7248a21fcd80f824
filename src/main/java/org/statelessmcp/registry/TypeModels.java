package org.statelessmcp.registry;

import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Derives the {@link TypeModel} of a Java type: primitives and their boxes, String, BigDecimal, BigInteger, enums,
 * public records (nested too), {@code List}/{@code Set}/{@code Collection}/arrays, {@code Map<String, T>},
 * {@code Optional<T>} and {@code jakarta.json.JsonValue}. Anything else is refused with the reason.
 */
public final class TypeModels {

    private final Deque<Class<?>> recordsInProgress = new ArrayDeque<>();

    private TypeModels() {
    }

    /**
     * The model of {@code type}.
     *
     * @throws UnsupportedTypeException when the type, or a type inside it, has no JSON mapping
     */
    static TypeModel of(Type type) throws UnsupportedTypeException {
        return new TypeModels().model(type);
    }

    private TypeModel model(Type type) throws UnsupportedTypeException {
        if (type instanceof Class<?> c) {
            return classModel(c);
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            Type[] args = p.getActualTypeArguments();
            if (Optional.class.equals(raw)) {
                return new StructuredModels.OptionalModel(model(args[0]));
            }
            if (List.class.equals(raw) || Collection.class.equals(raw)) {
                return StructuredModels.ArrayModel.of(type, model(args[0]), false);
            }
            if (Set.class.equals(raw)) {
                return StructuredModels.ArrayModel.of(type, model(args[0]), true);
            }
            if (Map.class.equals(raw)) {
                if (!String.class.equals(args[0])) {
                    throw new UnsupportedTypeException(type.getTypeName() + ": map keys must be String");
                }
                return StructuredModels.MapModel.of(type, model(args[1]));
            }
            if (raw.isRecord()) {
                throw new UnsupportedTypeException(type.getTypeName() + ": generic records are not supported");
            }
        }
        if (type instanceof GenericArrayType) {
            throw new UnsupportedTypeException(type.getTypeName() + ": JSON-B cannot bind arrays of generic types; "
                    + "use a List");
        }
        if (type instanceof WildcardType) {
            throw new UnsupportedTypeException(type.getTypeName() + ": wildcards have no JSON Schema; name the type");
        }
        throw new UnsupportedTypeException(type.getTypeName() + " has no JSON Schema mapping"
                + (type instanceof ParameterizedType ? "" : "; use a record, a collection, a map or a scalar"));
    }

    @SuppressWarnings("unchecked")
    private TypeModel classModel(Class<?> c) throws UnsupportedTypeException {
        if (c == int.class || c == Integer.class) {
            return ScalarModels.IntegerModel.of("int", Integer.MIN_VALUE, Integer.MAX_VALUE, BigInteger::intValue,
                    c.isPrimitive() ? 0 : null);
        }
        if (c == long.class || c == Long.class) {
            return ScalarModels.IntegerModel.of("long", Long.MIN_VALUE, Long.MAX_VALUE, BigInteger::longValue,
                    c.isPrimitive() ? 0L : null);
        }
        if (c == short.class || c == Short.class) {
            return ScalarModels.IntegerModel.of("short", Short.MIN_VALUE, Short.MAX_VALUE, BigInteger::shortValue,
                    c.isPrimitive() ? (short) 0 : null);
        }
        if (c == byte.class || c == Byte.class) {
            return ScalarModels.IntegerModel.of("byte", Byte.MIN_VALUE, Byte.MAX_VALUE, BigInteger::byteValue,
                    c.isPrimitive() ? (byte) 0 : null);
        }
        if (c == BigInteger.class) {
            return ScalarModels.IntegerModel.unbounded();
        }
        if (c == double.class || c == Double.class) {
            return ScalarModels.DecimalModel.of("double", BigDecimal::doubleValue, c.isPrimitive() ? 0.0d : null);
        }
        if (c == float.class || c == Float.class) {
            return ScalarModels.DecimalModel.of("float", BigDecimal::floatValue, c.isPrimitive() ? 0.0f : null);
        }
        if (c == BigDecimal.class || c == Number.class) {
            return ScalarModels.DecimalModel.of("BigDecimal", v -> v, null);
        }
        if (c == boolean.class || c == Boolean.class) {
            return ScalarModels.BooleanModel.of(c.isPrimitive());
        }
        if (c == String.class || c == CharSequence.class) {
            return ScalarModels.StringModel.of();
        }
        if (c.isEnum()) {
            return ScalarModels.EnumModel.of((Class<? extends Enum<?>>) c);
        }
        if (JsonValue.class.isAssignableFrom(c)) {
            return ScalarModels.JsonModel.of(c);
        }
        if (c.isArray()) {
            return StructuredModels.ArrayModel.of(c, model(c.getComponentType()), false);
        }
        if (c.isRecord()) {
            return recordModel(c);
        }
        if (c == Optional.class || Collection.class.isAssignableFrom(c) || Map.class.isAssignableFrom(c)) {
            throw new UnsupportedTypeException(c.getName() + " needs its type arguments, e.g. List<String>");
        }
        throw new UnsupportedTypeException(c.getName()
                + " has no JSON Schema mapping; use a record, a collection, a map or a scalar");
    }

    private TypeModel recordModel(Class<?> record) throws UnsupportedTypeException {
        if (recordsInProgress.contains(record)) {
            throw new UnsupportedTypeException(
                    record.getName() + " refers to itself; recursive records are not supported");
        }
        for (Class<?> c = record; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers())) {
                throw new UnsupportedTypeException(record.getName() + " must be public (with public enclosing "
                        + "classes): JSON-B binds it");
            }
        }
        recordsInProgress.push(record);
        try {
            Map<String, TypeModel> components = new LinkedHashMap<>();
            Map<String, String> descriptions = new LinkedHashMap<>();
            for (RecordComponent component : record.getRecordComponents()) {
                JsonbProperty renamed = component.getAccessor().getAnnotation(JsonbProperty.class);
                String name = renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName();
                components.put(name, model(component.getGenericType()));
                org.statelessmcp.api.ToolArg arg = component.getAnnotation(org.statelessmcp.api.ToolArg.class);
                if (arg != null) {
                    if (!arg.header().isEmpty()) {
                        // x-mcp-header is reached through the input schema's own properties only
                        throw new UnsupportedTypeException("'" + name + "' of " + record.getSimpleName()
                                + " declares header '" + arg.header() + "': only a tool method's own parameter can"
                                + " be mirrored into a header");
                    }
                    descriptions.put(name, arg.description());
                }
            }
            return StructuredModels.RecordModel.of(record, components, descriptions);
        } finally {
            recordsInProgress.pop();
        }
    }
}
