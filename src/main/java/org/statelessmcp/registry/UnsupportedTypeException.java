package org.statelessmcp.registry;

/** A Java type with no JSON Schema mapping; reported as a deployment problem naming the method. */
final class UnsupportedTypeException extends Exception {

    private static final long serialVersionUID = 1L;

    UnsupportedTypeException(String message) {
        super(message, null, false, false);
    }
}
