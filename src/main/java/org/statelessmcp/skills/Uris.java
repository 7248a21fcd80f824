package org.statelessmcp.skills;

import java.nio.charset.StandardCharsets;

/**
 * Path segments in {@code skill://} URIs: RFC 3986's unreserved characters as they are, every other byte of the
 * UTF-8 form percent-encoded, so that a file named {@code Order form.pdf} is {@code Order%20form.pdf} and any
 * client compares URIs as plain strings.
 */
final class Uris {

    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Uris() {
    }

    static String encode(String segment) {
        StringBuilder encoded = new StringBuilder(segment.length());
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            if (b >= 0 && UNRESERVED.indexOf(b) >= 0) {
                encoded.append((char) b);
            } else {
                encoded.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
        return encoded.toString();
    }
}
