package org.statelessmcp.api;

/**
 * Who makes a request: the authenticated principal's name, and the roles that decide which tools they may use. A tool
 * may declare it as a parameter; the server supplies it.
 *
 * <pre>{@code
 * @Tool
 * public List<Order> myOrders(Caller caller) {
 *     return caller.hasRole("auditor") ? orders.all() : orders.of(caller.name());
 * }
 * }</pre>
 *
 * <p>Ask {@link #hasRole} on the thread that called the tool: the container answers role questions there (roles
 * of an API key are answered on any thread).
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
