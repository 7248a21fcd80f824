package org.statelessmcp.security;

import jakarta.security.enterprise.credential.Credential;

/** An API key presented by a caller, to be checked by {@link ApiKeyIdentityStore}. */
public final class ApiKeyCredential implements Credential {

    private final String key;

    public ApiKeyCredential(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }

    @Override
    public void clear() {
        // a String cannot be wiped; the reference is dropped with the request
    }

    @Override
    public String toString() {
        // never the key: credentials end up in debug logs
        return "ApiKeyCredential[***]";
    }
}
