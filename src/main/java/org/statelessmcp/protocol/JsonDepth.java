package org.statelessmcp.protocol;

/**
 * Measures how deeply arrays and objects nest in JSON text without parsing it, so that a hostile body cannot make
 * a parser recurse or allocate deeply before the limit is checked.
 */
final class JsonDepth {

    private JsonDepth() {
    }

    /** The deepest nesting in {@code text}; brackets inside strings do not count. Malformed text still terminates. */
    static int of(CharSequence text) {
        int depth = 0;
        int max = 0;
        boolean inString = false;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                if (++depth > max) {
                    max = depth;
                }
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return max;
    }
}
