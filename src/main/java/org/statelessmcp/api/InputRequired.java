package org.statelessmcp.api;

/**
 * Ends a tool's run because it asked its client something that is answered only by a later request: MCP
 * 2026-07-28's {@code input_required}. Thrown by {@link ClientInput}, {@link Elicitation} and {@link Sampling}; the
 * client is answered with every question the run asked, then calls again with the answers.
 *
 * <p>It is an {@link Error}, not an exception, so that the {@code catch (Exception e)} and
 * {@code catch (RuntimeException e)} blocks of a tool let it pass. Even a tool that catches it anyway cannot turn it
 * into a wrong answer: once a run has asked a question it cannot answer yet, the server answers
 * {@code input_required} whatever the method returns.
 *
 * <pre>{@code
 * try {
 *     answer = input.request(InputRequest.elicit("size", "How many?", schema));
 * } catch (Exception e) {          // InputRequired passes through this block
 *     return "could not ask: " + e.getMessage();
 * }
 * }</pre>
 */
public final class InputRequired extends Error {

    private static final long serialVersionUID = 1L;

    /** For the server: a tool never makes one. */
    public InputRequired(String reason) {
        // expected control flow, thrown often: no stack trace
        super(reason, null, false, false);
    }
}
