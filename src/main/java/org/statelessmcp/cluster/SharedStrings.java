package org.statelessmcp.cluster;

import java.util.Map;
import java.util.Set;

/** Strings under string keys that every instance sees alike. */
public interface SharedStrings {

    /** The values present for any of {@code keys}, by key. */
    Map<String, String> getAll(Set<String> keys);

    void put(String key, String value);

    /** Replaces the value under {@code key} with {@code next} only if it still is {@code expected}, atomically. */
    boolean replace(String key, String expected, String next);

    void remove(String key);
}
