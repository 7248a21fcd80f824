package org.statelessmcp.protocol;

/**
 * Measures JSON text without parsing it: how deeply arrays and objects nest, its longest string, its longest number
 * and the largest exponent a number carries. A hostile body then cannot make a parser recurse or allocate, nor a
 * tool expand a short number such as {@code 1e99999999} into a hundred million digits, before the limits are
 * checked.
 *
 * @param depth the deepest nesting; brackets inside strings do not count
 * @param longestString the most characters between a string's quotes, as written (escapes not decoded)
 * @param longestNumber the most characters of a number, as written
 * @param largestExponent the largest exponent written after an {@code e} or {@code E}, either sign, capped at
 *                        {@link #EXPONENT_CAP}
 */
record JsonShape(int depth, int longestString, int longestNumber, int largestExponent) {

    /** Exponents are read up to this value, which any limit is below; larger ones read as this. */
    static final int EXPONENT_CAP = 1_000_000_000;

    /** Measures {@code text}. Malformed text still terminates. */
    static JsonShape of(CharSequence text) {
        int depth = 0;
        int max = 0;
        int longest = 0;
        int stringStart = 0;
        boolean inString = false;
        int longestNumber = 0;
        int largestExponent = 0;
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
            } else if (c == '-' || (c >= '0' && c <= '9')) {
                int start = i;
                int exponent = 0;
                boolean inExponent = false;
                while (i + 1 < n && isNumberPart(text.charAt(i + 1))) {
                    char d = text.charAt(++i);
                    if (d == 'e' || d == 'E') {
                        inExponent = true;
                        exponent = 0;
                    } else if (inExponent && d >= '0' && d <= '9') {
                        exponent = exponent >= EXPONENT_CAP / 10 ? EXPONENT_CAP : exponent * 10 + (d - '0');
                    }
                }
                longestNumber = Math.max(longestNumber, i - start + 1);
                largestExponent = Math.max(largestExponent, exponent);
            }
        }
        if (inString) {
            longest = Math.max(longest, text.length() - stringStart);
        }
        return new JsonShape(max, longest, longestNumber, largestExponent);
    }

    private static boolean isNumberPart(char c) {
        return (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-';
    }
}
