package org.statelessmcp.dispatch;

/**
 * Who makes a request, as far as the engine needs to know: a name that binds their state and windows, and the
 * roles that decide which tools they may use. Asked on the request's own thread only: the container answers
 * role questions there.
 */
public interface Caller {

    /** Nobody authenticated: no name, no role. */
    Caller ANONYMOUS = new Caller() {
        @Override
        public String name() {
            return "";
        }

        @Override
        public boolean hasRole(String role) {
            return false;
        }
    };

    /** The authenticated principal's name, or an empty string. */
    String name();

    /** Whether the caller is in {@code role}. */
    boolean hasRole(String role);
}
