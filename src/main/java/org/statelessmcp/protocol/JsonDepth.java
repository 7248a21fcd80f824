package org.statelessmcp.protocol;

/**
 * Measures how deeply arrays and objects nest in JSON text, and its longest string, without parsing it, so that a
 * hostile body cannot make a parser recurse or allocate before the limits are checked.
 *
 * @param depth the deepest nesting; brackets inside strings do not count
 * @param longestString the most characters between a string's quotes, as written (escapes not decoded)
 */
record JsonDepth(int depth, int longestString) {

    /** Measures {@code text}. Malformed text still terminates. */
    static JsonDepth of(CharSequence text) {
        int depth = 0;
        int max = 0;
        int longest = 0;
        int stringStart = 0;
        boolean inString = false;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                    longest = Math.max(longest, i - stringStart);
                }
            } else if (c == '"') {
                inString = true;
                stringStart = i + 1;
            } else if (c == '{' || c == '[') {
                if (++depth > max) {
                    max = depth;
                }
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        if (inString) {
            longest = Math.max(longest, text.length() - stringStart);
        }
        return new JsonDepth(max, longest);
    }
}
