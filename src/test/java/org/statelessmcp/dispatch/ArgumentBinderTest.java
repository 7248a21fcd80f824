package org.statelessmcp.dispatch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.statelessmcp.api.Emitter;
import org.statelessmcp.api.Tool;
import org.statelessmcp.registry.InvalidArgumentException;
import org.statelessmcp.registry.ParameterSource;
import org.statelessmcp.registry.ToolDescriptor;
import org.statelessmcp.registry.TypeModel;

class ArgumentBinderTest {

    /** A model of a plain string, so these tests exercise the binder alone. */
    private static final TypeModel TEXT = new TypeModel() {
        @Override
        public JsonObject schema() {
            return Json.createObjectBuilder().add("type", "string").build();
        }

        @Override
        public Object bind(JsonValue value, String path, jakarta.json.bind.Jsonb jsonb) {
            if (value.getValueType() != JsonValue.ValueType.STRING) {
                throw new InvalidArgumentException("'" + path + "' must be a string");
            }
            return ((jakarta.json.JsonString) value).getString();
        }

        @Override
        public String expected() {
            return "a string";
        }
    };

    private static final Emitter EMITTER = new Emitter() {
        @Override
        public void emit(Object chunk) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    private static final ToolDescriptor TOOL = new ToolDescriptor("greet", "", "", true, 30,
            ToolFactoryAnnotations.defaults(), Json.createObjectBuilder().build(), null, List.of(
                    new ParameterSource.Argument("name", TEXT, true, null),
                    new ParameterSource.EmitterParameter(),
                    new ParameterSource.Argument("greeting", TEXT, false, "hello")),
            false, false, false, false, "Test#greet", java.util.Set.of(), null);

    private static JsonValue json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    @Test
    void namedArgumentsBindByNameAndTheEmitterIsSupplied() {
        assertArrayEquals(new Object[] {"Ada", EMITTER, "hi"},
                ArgumentBinder.bind(TOOL, json("{\"greeting\":\"hi\",\"name\":\"Ada\"}"), parameter -> EMITTER, null));
    }

    @Test
    void missingOptionalArgumentTakesItsDefault() {
        assertEquals("hello", ArgumentBinder.bind(TOOL, json("{\"name\":\"Ada\"}"), parameter -> EMITTER, null)[2]);
    }

    @Test
    void nullForAnOptionalArgumentTakesItsDefault() {
        assertEquals("hello",
                ArgumentBinder.bind(TOOL, json("{\"name\":\"Ada\",\"greeting\":null}"), parameter -> EMITTER, null)[2]);
    }

    @Test
    void positionalArgumentsBindInOrderSkippingTheEmitter() {
        Object[] values = ArgumentBinder.bind(TOOL, json("[\"Ada\",\"hey\"]"), parameter -> EMITTER, null);
        assertEquals("Ada", values[0]);
        assertSame(EMITTER, values[1]);
        assertEquals("hey", values[2]);
    }

    @Test
    void missingParamsLeaveRequiredArgumentsMissing() {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> ArgumentBinder.bind(TOOL, null, parameter -> EMITTER, null));
        assertEquals("missing required argument 'name' (a string)", e.getMessage());
    }

    @Test
    void nullForARequiredArgumentIsMissing() {
        assertThrows(InvalidArgumentException.class,
                () -> ArgumentBinder.bind(TOOL, json("{\"name\":null}"), parameter -> EMITTER, null));
    }

    @Test
    void unknownNameIsRefusedBeforeMissingOnes() {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> ArgumentBinder.bind(TOOL, json("{\"nmae\":\"Ada\"}"), parameter -> EMITTER, null));
        assertEquals("'greet' has no argument 'nmae'", e.getMessage());
    }

    @Test
    void tooManyPositionalArgumentsAreRefused() {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> ArgumentBinder.bind(TOOL, json("[\"a\",\"b\",\"c\"]"), parameter -> EMITTER, null));
        assertEquals("'greet' takes at most 2 positional arguments, got 3", e.getMessage());
    }

    @Test
    void wrongTypeIsReportedByTheModel() {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> ArgumentBinder.bind(TOOL, json("[1]"), parameter -> EMITTER, null));
        assertEquals("'name' must be a string", e.getMessage());
    }

    /** {@code @Tool.Annotations} with its defaults, as a tool without hints has. */
    static final class ToolFactoryAnnotations {
        @Tool
        static void carrier() {
        }

        static Tool.Annotations defaults() {
            try {
                return ToolFactoryAnnotations.class.getDeclaredMethod("carrier").getAnnotation(Tool.class)
                        .annotations();
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
