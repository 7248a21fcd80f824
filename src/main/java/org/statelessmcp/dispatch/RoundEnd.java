package org.statelessmcp.dispatch;

/**
 * Ends a tool's run because it asked its client something that is answered only by a later request (MCP
 * 2026-07-28's {@code input_required}), or that the client cannot answer at all. Thrown through the tool's code,
 * which should let it pass; the server decides the call's answer from what was asked, not from the tool's result.
 */
public final class RoundEnd extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RoundEnd(String reason) {
        // expected control flow, thrown often: no stack trace
        super(reason, null, false, false);
    }
}
