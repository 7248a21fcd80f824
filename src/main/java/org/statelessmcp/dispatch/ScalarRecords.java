package org.statelessmcp.dispatch;

import java.lang.annotation.Annotation;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.statelessmcp.protocol.JsonStrings;

/**
 * Writes a record of scalars ({@code record Sum(int result)}, the commonest thing a tool returns) as JSON-B would with
 * the codec's configuration, without JSON-B's machinery per call (≈ 1 µs for {@code add} in {@code bench/profile.sh}).
 * Only a record that JSON-B would write by its defaults alone qualifies: a public record, every component a primitive
 * other than {@code char} and {@code float}, its box, a {@code String}, {@code BigInteger} or {@code BigDecimal}, and
 * no JSON-B annotation on the record, its package, its components, fields or accessors. Properties are named by
 * identity, in lexicographic order, and a {@code null} is left out, which are JSON-B's defaults; a non-finite
 * {@code double} makes the whole value go to JSON-B, which refuses it.
 */
final class ScalarRecords {

    private static final Set<Class<?>> SCALARS = Set.of(int.class, long.class, short.class, byte.class,
            boolean.class, double.class, Integer.class, Long.class, Short.class, Byte.class, Boolean.class,
            Double.class, BigInteger.class, BigDecimal.class, String.class);
    private static final String JSONB_ANNOTATIONS = "jakarta.json.bind.annotation.";

    private final ClassValue<Writer> writers = new ClassValue<>() {
        @Override
        protected Writer computeValue(Class<?> type) {
            return writerOf(type);
        }
    };

    /** {@code value} as JSON, or {@code null} when JSON-B must write it. */
    String toJson(Object value) {
        Writer writer = writers.get(value.getClass());
        return writer == null ? null : writer.write(value);
    }

    /** How a qualifying record is written: its accessors, in the order of their property names. */
    private record Writer(List<Method> accessors, List<String> names) {

        String write(Object value) {
            StringBuilder json = new StringBuilder(32).append('{');
            for (int i = 0; i < accessors.size(); i++) {
                Object component;
                try {
                    component = accessors.get(i).invoke(value);
                } catch (ReflectiveOperationException e) {
                    return null;
                }
                if (component == null) {
                    continue;
                }
                if (component instanceof Double number && !Double.isFinite(number)) {
                    return null;
                }
                if (json.length() > 1) {
                    json.append(',');
                }
                JsonStrings.quote(names.get(i), json).append(':');
                if (component instanceof String text) {
                    JsonStrings.quote(text, json);
                } else {
                    json.append(component);
                }
            }
            return json.append('}').toString();
        }
    }

    private static Writer writerOf(Class<?> type) {
        // JSON-B reads only a public class's accessors, and fails on the others: so must this, through JSON-B
        if (!type.isRecord() || !Modifier.isPublic(type.getModifiers()) || annotated(type)
                || annotated(type.getPackage())
                || Stream.of(type.getDeclaredFields()).anyMatch(ScalarRecords::annotated)) {
            return null;
        }
        RecordComponent[] components = type.getRecordComponents().clone();
        Arrays.sort(components, Comparator.comparing(RecordComponent::getName));
        Method[] accessors = new Method[components.length];
        String[] names = new String[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            Method accessor = component.getAccessor();
            if (!SCALARS.contains(component.getType()) || annotated(component) || annotated(accessor)) {
                return null;
            }
            accessors[i] = accessor;
            names[i] = component.getName();
        }
        return new Writer(List.of(accessors), List.of(names));
    }

    private static boolean annotated(Object element) {
        if (element == null) {
            return false;
        }
        Annotation[] annotations = element instanceof AccessibleObject member ? member.getDeclaredAnnotations()
                : element instanceof RecordComponent component ? component.getDeclaredAnnotations()
                : element instanceof Class<?> type ? type.getDeclaredAnnotations()
                : ((Package) element).getDeclaredAnnotations();
        for (Annotation annotation : annotations) {
            if (annotation.annotationType().getName().startsWith(JSONB_ANNOTATIONS)) {
                return true;
            }
        }
        return false;
    }
}
