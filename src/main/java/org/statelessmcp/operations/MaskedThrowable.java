package org.statelessmcp.operations;

/**
 * Stands in for an exception in a log record when its message (or a cause's) holds a secret: the same class name in
 * the text, the masked message, the same stack trace and causes. Tools' exceptions quote their arguments more often
 * than anyone means them to.
 */
final class MaskedThrowable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private MaskedThrowable(Throwable original, String maskedMessage, Throwable cause) {
        super(original.getClass().getName() + (maskedMessage == null ? "" : ": " + maskedMessage), cause, false, true);
        setStackTrace(original.getStackTrace());
    }

    /** {@code thrown} itself when nothing in it needs masking, else its masked stand-in. */
    static Throwable of(Throwable thrown, Masking masking) {
        if (thrown == null || !needsMasking(thrown, masking, 0)) {
            return thrown;
        }
        return copy(thrown, masking, 0);
    }

    private static boolean needsMasking(Throwable thrown, Masking masking, int depth) {
        if (thrown == null || depth > 16) {
            return false;
        }
        String message = thrown.getMessage();
        return (message != null && !masking.mask(message).equals(message))
                || needsMasking(thrown.getCause(), masking, depth + 1);
    }

    private static Throwable copy(Throwable thrown, Masking masking, int depth) {
        Throwable cause = thrown.getCause() == null || depth > 16 ? null : copy(thrown.getCause(), masking, depth + 1);
        String message = thrown.getMessage();
        return new MaskedThrowable(thrown, message == null ? null : masking.mask(message), cause);
    }
}
