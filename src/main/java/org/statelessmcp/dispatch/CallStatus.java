package org.statelessmcp.dispatch;

import java.util.Locale;
import org.statelessmcp.protocol.JsonRpcError;

/** How a tool call ended, as metrics and logs name it. */
public enum CallStatus {
    SUCCESS, ERROR, TIMEOUT, INVALID_PARAMS, INPUT_REQUIRED, CANCELLED, INTERNAL_ERROR;

    private final String label = name().toLowerCase(Locale.ROOT);

    /** The lower-case name used as a metric label and in logs, e.g. {@code invalid_params}. */
    public String label() {
        return label;
    }

    public static CallStatus of(Outcome outcome) {
        if (outcome instanceof Outcome.Success) {
            return SUCCESS;
        }
        if (outcome instanceof Outcome.Abandoned) {
            return CANCELLED;
        }
        if (outcome instanceof Outcome.Suspended) {
            return INPUT_REQUIRED;
        }
        return switch (((Outcome.Failure) outcome).error().code()) {
            case JsonRpcError.TOOL_FAILED -> ERROR;
            case JsonRpcError.TOOL_TIMEOUT -> TIMEOUT;
            case JsonRpcError.INVALID_PARAMS -> INVALID_PARAMS;
            default -> INTERNAL_ERROR;
        };
    }
}
