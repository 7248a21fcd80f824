package org.statelessmcp.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * A validation's error messages: the first {@link #KEPT} kept, the others only counted. An array of a million items
 * of the wrong type would otherwise make a million messages, and an answer a hundred times the request's size.
 */
final class ErrorList extends ArrayList<String> {

    /** Messages kept; a client fixing its call needs the first few. */
    static final int KEPT = 20;

    private static final long serialVersionUID = 1L;

    private long dropped;

    @Override
    public boolean add(String error) {
        if (size() < KEPT) {
            return super.add(error);
        }
        dropped++;
        return false;
    }

    /** The messages kept, and a last one saying how many more there were. */
    List<String> summary() {
        if (dropped == 0) {
            return this;
        }
        List<String> summary = new ArrayList<>(this);
        summary.add("and " + dropped + " more");
        return summary;
    }
}
