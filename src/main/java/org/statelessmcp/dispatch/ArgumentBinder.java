package org.statelessmcp.dispatch;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import java.util.List;
import java.util.function.Function;
import org.statelessmcp.registry.InvalidArgumentException;
import org.statelessmcp.registry.ParameterSource;
import org.statelessmcp.registry.ToolDescriptor;

/**
 * Turns {@code params} into the Java arguments of a tool method: by name from an object, in declaration order from
 * an array. Unknown names, missing required arguments and values of the wrong shape are refused before the tool
 * runs, with a message naming the argument; a tool with a hand-written input schema has its arguments validated
 * against that schema whole first.
 */
public final class ArgumentBinder {

    private ArgumentBinder() {
    }

    /**
     * @param params a {@code JsonObject}, a {@code JsonArray}, or {@code null} for none
     * @param supplied the value of each parameter the server supplies (emitter, elicitation, sampling)
     * @param jsonb binds structured arguments once they are checked
     * @throws InvalidArgumentException describing the first problem
     */
    public static Object[] bind(ToolDescriptor tool, JsonValue params, Function<ParameterSource, Object> supplied,
                                Jsonb jsonb) {
        List<ParameterSource> parameters = tool.parameters();
        Object[] values = new Object[parameters.size()];
        JsonObject named = params instanceof JsonObject object ? object : null;
        JsonArray positional = params instanceof JsonArray array ? array : null;
        if (tool.argumentSchema() != null) {
            named = matchSchema(tool, named, positional);
            positional = null;
        } else if (named != null && !named.isEmpty()) {
            refuseUnknownNames(tool, named);
        }
        int argumentCount = 0;
        for (int i = 0; i < values.length; i++) {
            ParameterSource parameter = parameters.get(i);
            if (parameter instanceof ParameterSource.Argument argument) {
                JsonValue value = named != null ? named.get(argument.name())
                        : positional != null && argumentCount < positional.size() ? positional.get(argumentCount)
                        : null;
                argumentCount++;
                values[i] = value(argument, value, jsonb);
            } else {
                values[i] = supplied.apply(parameter);
            }
        }
        if (positional != null && positional.size() > argumentCount) {
            throw new InvalidArgumentException("'" + tool.name() + "' takes at most " + argumentCount
                    + " positional arguments, got " + positional.size());
        }
        return values;
    }

    /** A hand-written schema describes an object: it is checked whole, so no parameter sees arguments it refuses. */
    private static JsonObject matchSchema(ToolDescriptor tool, JsonObject named, JsonArray positional) {
        if (positional != null) {
            throw new InvalidArgumentException("'" + tool.name() + "' takes named arguments only: its input schema"
                    + " describes an object");
        }
        JsonObject arguments = named == null ? JsonValue.EMPTY_JSON_OBJECT : named;
        List<String> errors = tool.argumentSchema().errors(arguments);
        if (!errors.isEmpty()) {
            throw new InvalidArgumentException(String.join("; ", errors));
        }
        return arguments;
    }

    private static Object value(ParameterSource.Argument argument, JsonValue value, Jsonb jsonb) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            if (argument.required()) {
                throw new InvalidArgumentException("missing required argument '" + argument.name() + "' ("
                        + argument.model().expected() + ")");
            }
            return argument.defaultValue();
        }
        return argument.model().bind(value, argument.name(), jsonb);
    }

    private static void refuseUnknownNames(ToolDescriptor tool, JsonObject named) {
        for (String name : named.keySet()) {
            boolean known = false;
            for (ParameterSource parameter : tool.parameters()) {
                if (parameter instanceof ParameterSource.Argument argument && argument.name().equals(name)) {
                    known = true;
                    break;
                }
            }
            if (!known) {
                throw new InvalidArgumentException("'" + tool.name() + "' has no argument '" + name + "'");
            }
        }
    }
}
