package org.statelessmcp.api;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Asks the MCP client for input while a tool or prompt runs: elicitation, sampling, roots, one at a time or
 * several at once. Declare it as a parameter of a {@link Tool} or {@link Prompt} method; the server supplies it.
 *
 * <pre>{@code
 * public record Name(@ToolArg(description = "Your name") String name) {}
 *
 * @Tool(description = "Greets the user by name")
 * public String greet(ClientInput input) {
 *     if (!input.supports("elicitation")) {
 *         return "Hello, stranger!";
 *     }
 *     return input.elicit("user_name", "What is your name?", Name.class)
 *             .map(answer -> "Hello, " + answer.name() + "!")
 *             .orElse("Hello, stranger!");
 * }
 * }</pre>
 *
 * <p><b>How the question travels</b> depends on the client's protocol revision, and the same method serves both:
 * <ul>
 *   <li>MCP 2026-07-28 (multi round-trip requests): the first call ends with an {@code input_required} result
 *       listing the questions; the client calls again with the answers, on any instance, and the method runs again
 *       from the start, this time receiving them. Answers to earlier rounds travel in an encrypted, signed
 *       {@code requestState}. The method must therefore ask the same questions, under the same keys, each time it
 *       runs with the same arguments and answers, and do nothing irreversible before its last question.</li>
 *   <li>MCP 2025 revisions: the request is sent on the call's event stream and the thread waits, within the tool's
 *       timeout, for the client's answer, a separate POST that must reach the same instance. This needs a client
 *       that accepts {@code text/event-stream}; prompts cannot ask this way.</li>
 * </ul>
 *
 * <p>Do not catch the unchecked exception that {@link #request} throws to end a round: the server treats the
 * call as unfinished whatever the method returns afterwards.
 */
public interface ClientInput {

    /**
     * Whether the client declared a capability: {@code elicitation}, {@code sampling} or {@code roots}. Under the
     * 2025 revisions, whose capabilities are declared once at {@code initialize} and not kept by a stateless
     * server, this answers whether the client can be asked at all.
     */
    boolean supports(String capability);

    /**
     * Asks one question and answers the client's result: for an elicitation
     * {@code {"action":"accept","content":{...}}}, for sampling the model's message, for roots
     * {@code {"roots":[...]}}.
     *
     * @throws ToolCallException when the client cannot be asked, or answered with an error
     * @throws java.util.concurrent.CancellationException when the call ends first
     */
    JsonObject request(InputRequest request);

    /**
     * Asks the user to fill in a form shaped like the record {@code form}: its components are the fields (a string,
     * number, integer, boolean or enum each, described by {@link ToolArg}), and the schema is derived from it as for
     * tool arguments.
     *
     * @param key names the question, as for {@link InputRequest#key()}
     * @return the user's answer, or empty when the user declined or cancelled
     * @throws IllegalArgumentException when {@code form} is not a flat public record
     * @throws ToolCallException when the client cannot be asked, or its answer does not fit the form
     */
    <T extends Record> Optional<T> elicit(String key, String message, Class<T> form);

    /**
     * Asks several questions at once (one round trip under 2026-07-28) and answers the results by key.
     *
     * @throws IllegalArgumentException when two requests share a key
     * @see #request(InputRequest)
     */
    Map<String, JsonObject> requestAll(List<InputRequest> requests);

    /** @see #requestAll(List) */
    default Map<String, JsonObject> requestAll(InputRequest... requests) {
        return requestAll(List.of(requests));
    }
}
