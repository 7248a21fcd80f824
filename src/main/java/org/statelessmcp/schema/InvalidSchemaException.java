package org.statelessmcp.schema;

import java.util.List;

/** A schema the server cannot validate with, with every problem found, each naming where in the schema it is. */
public final class InvalidSchemaException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    InvalidSchemaException(List<String> problems) {
        super(String.join("; ", problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    /** Each problem, as {@code #/pointer/to/keyword: what is wrong}. */
    public List<String> problems() {
        return problems;
    }
}
