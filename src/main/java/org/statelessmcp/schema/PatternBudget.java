package org.statelessmcp.schema;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds a schema's patterns in the strings of one validation within a budget of character reads. A pattern that
 * reads each character a few times stays far inside it; one that backtracks catastrophically is stopped, and
 * cannot hold a request thread for minutes because a tool's schema was written carelessly. (The JDK remembers where
 * {@code (a+)+} failed, but not for bounded repetitions: {@code ^(a{1,30}){1,30}$} takes it 5 s against 28
 * {@code a}s and a {@code b}, and exponentially longer with each {@code a} more.) The budget grows with the text matched, so that a linear
 * pattern over a long string passes; a pattern quadratic in its input passes on short strings only.
 */
final class PatternBudget {

    /** Reads one validation may make, whatever it matches. */
    static final long BASE_READS = 10_000_000L;
    /** Reads each character matched adds to the budget. */
    static final int READS_PER_CHARACTER = 100;

    private final Map<String, Pattern> patterns;
    private long left = BASE_READS;
    private boolean exhausted;

    PatternBudget(Map<String, Pattern> patterns) {
        this.patterns = patterns;
    }

    /**
     * Whether {@code pattern}, as the schema writes it, is found in {@code text} (ECMA-262 patterns are unanchored).
     *
     * @throws Exhausted when this validation's budget is spent, by this match or an earlier one
     */
    boolean find(String pattern, String text) {
        if (exhausted) {
            throw Exhausted.INSTANCE;
        }
        left += (long) READS_PER_CHARACTER * text.length();
        try {
            return patterns.get(pattern).matcher(new Counted(text)).find();
        } catch (Exhausted e) {
            exhausted = true;
            throw e;
        }
    }

    /** The budget is spent: the match was abandoned. Carries no stack trace; it is an answer, not a fault. */
    static final class Exhausted extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private static final Exhausted INSTANCE = new Exhausted();

        private Exhausted() {
            super("the pattern's budget of character reads is spent", null, false, false);
        }
    }

    /** The text as the matcher reads it, each read counted against the budget. */
    private final class Counted implements CharSequence {

        private final String text;

        Counted(String text) {
            this.text = text;
        }

        @Override
        public char charAt(int index) {
            if (--left < 0) {
                throw Exhausted.INSTANCE;
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Counted(text.substring(start, end));
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
