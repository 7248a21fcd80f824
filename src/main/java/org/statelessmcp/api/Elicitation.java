package org.statelessmcp.api;

import jakarta.json.JsonObject;

/**
 * Asks the user for input through the MCP client while a tool runs ({@code elicitation/create}). Declare it as a
 * parameter of a {@link Tool} method; the server supplies it.
 *
 * <pre>{@code
 * @Tool(description = "Books a table, asking for the party size")
 * public String book(String restaurant, Elicitation elicitation) {
 *     JsonObject schema = Json.createObjectBuilder().add("type", "object")
 *             .add("properties", Json.createObjectBuilder()
 *                     .add("people", Json.createObjectBuilder().add("type", "integer")))
 *             .add("required", Json.createArrayBuilder().add("people")).build();
 *     ElicitationResult answer = elicitation.elicit("How many people?", schema);
 *     return answer.accepted() ? reserve(restaurant, answer.content().getInt("people")) : "not booked";
 * }
 * }</pre>
 *
 * <p>The request travels on the call's event stream and the client answers with a separate POST; until then the
 * tool's thread waits, within the tool's timeout. A tool taking this parameter therefore runs on the container's
 * managed executor. It needs an MCP client that accepts {@code text/event-stream}; otherwise {@link #elicit}
 * throws {@link ToolCallException}. The answer must reach the instance that runs the tool.
 */
public interface Elicitation {

    /**
     * Asks and waits for the answer.
     *
     * @param message what to ask, shown to the user
     * @param requestedSchema a flat JSON Schema object of the fields wanted
     * @throws ToolCallException when the client cannot be asked
     * @throws java.util.concurrent.CancellationException when the call ends first
     */
    ElicitationResult elicit(String message, JsonObject requestedSchema);
}
