package org.statelessmcp.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Objects;

/**
 * One question for the MCP client, asked through {@link ClientInput}: an elicitation, a sampling request or a
 * request for the client's roots.
 *
 * <pre>{@code
 * InputRequest name = InputRequest.elicit("user_name", "What is your name?", schema);
 * InputRequest roots = InputRequest.listRoots("client_roots");
 * Map<String, JsonObject> answers = input.requestAll(name, roots);
 * }</pre>
 *
 * @param key names the question; under MCP 2026-07-28 it is the key of the {@code inputRequests} entry the client
 *            answers, so it must be stable from one call of the tool to the next
 * @param method {@code elicitation/create}, {@code sampling/createMessage} or {@code roots/list}
 * @param params the request's parameters, as the MCP specification defines them for {@code method}
 */
public record InputRequest(String key, String method, JsonObject params) {

    public static final String ELICITATION = "elicitation/create";
    public static final String SAMPLING = "sampling/createMessage";
    public static final String ROOTS = "roots/list";

    public InputRequest {
        Objects.requireNonNull(key, "key");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("an input request needs a non-empty key");
        }
        if (!ELICITATION.equals(method) && !SAMPLING.equals(method) && !ROOTS.equals(method)) {
            throw new IllegalArgumentException("a client can be asked " + ELICITATION + ", " + SAMPLING + " or "
                    + ROOTS + ", not " + method);
        }
        params = params == null ? JsonValue.EMPTY_JSON_OBJECT : params;
    }

    /** Asks the user to fill in a form. */
    public static InputRequest elicit(String key, String message, JsonObject requestedSchema) {
        return new InputRequest(key, ELICITATION, Json.createObjectBuilder()
                .add("message", message).add("requestedSchema", requestedSchema).build());
    }

    /** Asks the client's model, with one user text message. */
    public static InputRequest sample(String key, String prompt, int maxTokens) {
        return new InputRequest(key, SAMPLING, Json.createObjectBuilder()
                .add("messages", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("role", "user")
                        .add("content", Json.createObjectBuilder().add("type", "text").add("text", prompt))))
                .add("maxTokens", maxTokens)
                .build());
    }

    /** Asks for the client's roots (the directories or files it exposes). */
    public static InputRequest listRoots(String key) {
        return new InputRequest(key, ROOTS, JsonValue.EMPTY_JSON_OBJECT);
    }

    /** The client capability this request needs: {@code elicitation}, {@code sampling} or {@code roots}. */
    public String capability() {
        return switch (method) {
            case ELICITATION -> "elicitation";
            case SAMPLING -> "sampling";
            default -> "roots";
        };
    }
}
