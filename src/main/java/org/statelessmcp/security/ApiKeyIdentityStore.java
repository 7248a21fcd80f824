package org.statelessmcp.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/**
 * Validates {@link ApiKeyCredential}s against the configured keys for code that goes through Jakarta Security
 * ({@code IdentityStoreHandler}), such as a mechanism of the application's own: the caller is the key's name, its
 * groups the key's roles. Other credentials are left to other stores. Present only when API-key authentication is on
 * ({@link SecurityExtension}). Requests themselves are authenticated by {@link ApiKeyAuthModule}, which checks the
 * key directly. The class also keeps Jakarta Security on for the WAR on WildFly, which turns it on only for
 * deployments that hold a mechanism or an identity store: tools there may inject {@code SecurityContext}.
 */
@ApplicationScoped
public class ApiKeyIdentityStore implements IdentityStore {

    private final ConfiguredKeys keys;

    /** For the CDI client proxy only. */
    protected ApiKeyIdentityStore() {
        this.keys = null;
    }

    @Inject
    public ApiKeyIdentityStore(ConfiguredKeys keys) {
        this.keys = keys;
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof ApiKeyCredential key)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return keys.keys().match(key.key())
                .map(owner -> new CredentialValidationResult(owner.name(), owner.roles()))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return Set.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS);
    }
}
