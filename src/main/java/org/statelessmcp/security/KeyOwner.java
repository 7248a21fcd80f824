package org.statelessmcp.security;

import java.util.Set;

/**
 * Who holds an API key: the name requests are made under, and the roles the key grants.
 *
 * @param name the caller's name, the principal of every request made with the key
 * @param roles the roles the key grants
 */
public record KeyOwner(String name, Set<String> roles) {

    public KeyOwner {
        roles = Set.copyOf(roles);
    }
}
