package org.statelessmcp.cluster;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which application a deployment's shared maps belong to, so that two different applications served by one server, or
 * by one data grid, never count each other's rate windows or read each other's tasks. Every instance of one
 * application must have the same namespace; by default it is the application's context path, which a load balancer
 * sends alike to every instance and which two applications on one server cannot share. An operator names it with
 * {@code smcp.cluster.namespace} where the context path does not tell applications apart (each on a virtual host of
 * its own at {@code /}) or differs between instances of one application.
 *
 * @param value letters, digits, {@code .}, {@code _} and {@code -}: safe in every cache's names
 */
public record Namespace(String value) {

    /** The setting that names the namespace. */
    public static final String SETTING = "smcp.cluster.namespace";

    private static final int MAX_LENGTH = 64;
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_LENGTH + "}");
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");

    public Namespace {
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException(SETTING + " must be 1 to " + MAX_LENGTH
                    + " letters, digits, '.', '_' or '-', but was '" + value + "'");
        }
    }

    /**
     * The configured namespace, else the one of {@code contextPath}: the path without its leading {@code /}, each
     * further {@code /} and anything else unsafe in a cache's name as {@code .}, and {@code ROOT} for the root path
     * (as servers name a WAR served at {@code /}).
     *
     * @throws IllegalArgumentException for a configured value that is not a valid namespace
     */
    public static Namespace of(Optional<String> configured, String contextPath) {
        if (configured.isPresent()) {
            return new Namespace(configured.get().strip());
        }
        String path = contextPath.startsWith("/") ? contextPath.substring(1) : contextPath;
        if (path.isEmpty()) {
            return new Namespace("ROOT");
        }
        String safe = UNSAFE.matcher(path).replaceAll(".");
        return new Namespace(safe.length() > MAX_LENGTH ? safe.substring(0, MAX_LENGTH) : safe);
    }

    /** The name of this application's map {@code name} in the shared cache. */
    String qualify(String name) {
        return name + '@' + value;
    }
}
