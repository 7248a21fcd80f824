package org.statelessmcp.api;

import jakarta.json.JsonObject;

/**
 * Asks the client's language model for a completion while a tool runs ({@code sampling/createMessage}). Declare
 * it as a parameter of a {@link Tool} method; the server supplies it.
 *
 * <pre>{@code
 * @Tool(description = "Summarizes a document with the client's model")
 * public String summarize(String documentId, Sampling sampling) {
 *     return sampling.ask("Summarize in one sentence:\n" + documents.text(documentId), 200);
 * }
 * }</pre>
 *
 * <p>Like {@link Elicitation}, the request travels on the call's event stream and the client answers with a
 * separate POST, which must reach the instance that runs the tool.
 */
public interface Sampling {

    /**
     * Sends {@code sampling/createMessage} with {@code params} as given and waits for the client's result.
     *
     * @throws ToolCallException when the client cannot be asked
     * @throws java.util.concurrent.CancellationException when the call ends first
     */
    JsonObject createMessage(JsonObject params);

    /** Asks with one user text message and answers the text of the model's reply. */
    default String ask(String prompt, int maxTokens) {
        JsonObject params = jakarta.json.Json.createObjectBuilder()
                .add("messages", jakarta.json.Json.createArrayBuilder().add(jakarta.json.Json.createObjectBuilder()
                        .add("role", "user")
                        .add("content",
                                jakarta.json.Json.createObjectBuilder().add("type", "text").add("text", prompt))))
                .add("maxTokens", maxTokens)
                .build();
        JsonObject content = createMessage(params).getJsonObject("content");
        return content != null && content.containsKey("text") ? content.getString("text") : "";
    }
}
