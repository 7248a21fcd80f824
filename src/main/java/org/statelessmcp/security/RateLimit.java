package org.statelessmcp.security;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rate limit in the Python stateless-mcp's notation: {@code 100/minute}, at most {@code count} requests in any
 * sliding {@code period}.
 *
 * @param count how many requests a window admits, at least 1
 * @param period the window's length
 */
public record RateLimit(long count, Period period) {

    /** The window lengths the notation names. */
    public enum Period {
        SECOND(1_000L), MINUTE(60_000L), HOUR(3_600_000L), DAY(86_400_000L);

        private final long millis;

        Period(long millis) {
            this.millis = millis;
        }

        public long millis() {
            return millis;
        }
    }

    private static final Pattern NOTATION = Pattern.compile("\\s*(\\d{1,12})\\s*/\\s*([a-zA-Z]+)\\s*");

    public RateLimit {
        if (count < 1) {
            throw new IllegalArgumentException("a rate limit admits at least 1 request");
        }
    }

    /**
     * Parses {@code <count>/<second|minute|hour|day>}; the plural and {@code per} forms ({@code 5 per second}) are
     * accepted too.
     *
     * @throws IllegalArgumentException saying what the notation is
     */
    public static RateLimit parse(String text) {
        Matcher matcher = NOTATION.matcher(text == null ? "" : text.replaceFirst("(?i)\\s+per\\s+", "/"));
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a rate limit: write <count>/<second|minute|hour|day>,"
                            + " e.g. 100/minute");
        }
        String unit = matcher.group(2).toLowerCase(Locale.ROOT);
        if (unit.endsWith("s")) {
            unit = unit.substring(0, unit.length() - 1);
        }
        Period period = switch (unit) {
            case "second", "sec" -> Period.SECOND;
            case "minute", "min" -> Period.MINUTE;
            case "hour" -> Period.HOUR;
            case "day" -> Period.DAY;
            default -> throw new IllegalArgumentException("'" + text + "': the period is second, minute, hour or day");
        };
        long count = Long.parseLong(matcher.group(1));
        if (count < 1) {
            throw new IllegalArgumentException("'" + text + "' admits nothing: a limit is at least 1/" + unit);
        }
        return new RateLimit(count, period);
    }

    @Override
    public String toString() {
        return count + "/" + period.name().toLowerCase(Locale.ROOT);
    }
}
