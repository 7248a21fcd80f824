package org.statelessmcp.transport;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a request body with plain blocking reads, refusing it as soon as it passes the limit: a declared
 * {@code Content-Length} over the limit is refused before a byte is read, and a chunked body is counted as it
 * arrives, so an oversized body is never buffered whole.
 */
final class BodyReader {

    private static final int INITIAL = 8 * 1024;

    /** The body passed the limit. */
    static final class TooLarge extends Exception {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super(null, null, false, false);
        }
    }

    /** A body read into {@code bytes[0..length)}. */
    record Body(byte[] bytes, int length) {
    }

    private BodyReader() {
    }

    static Body read(InputStream in, long declaredLength, long limit) throws IOException, TooLarge {
        if (declaredLength > limit) {
            throw new TooLarge();
        }
        int capacity = declaredLength >= 0 ? (int) declaredLength : (int) Math.min(INITIAL, limit);
        byte[] buffer = new byte[Math.max(capacity, 1)];
        int length = 0;
        while (true) {
            if (length == buffer.length) {
                if (length >= limit) {
                    // full at the limit: one more byte means too large
                    if (in.read() < 0) {
                        return new Body(buffer, length);
                    }
                    throw new TooLarge();
                }
                buffer = Arrays.copyOf(buffer, (int) Math.min(limit, (long) buffer.length * 2));
            }
            int n = in.read(buffer, length, buffer.length - length);
            if (n < 0) {
                return new Body(buffer, length);
            }
            length += n;
        }
    }
}
