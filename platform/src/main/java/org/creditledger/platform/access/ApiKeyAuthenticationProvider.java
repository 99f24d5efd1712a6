package org.creditledger.platform.access;

import org.creditledger.platform.database.DatabaseUnreachable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/** Looks up a presented {@code X-Api-Key} among the stored keys (revoked and expired keys are not found). */
class ApiKeyAuthenticationProvider implements AuthenticationProvider {

    private final ApiKeys apiKeys;

    ApiKeyAuthenticationProvider(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    /**
     * A key that cannot be looked up because the database is unreachable is no unknown key: the failure handler
     * answers it 503 (and does not count it against the caller's address), not 401 and not a 500 from the filter.
     */
    @Override
    public Authentication authenticate(Authentication presented) {
        try {
            return apiKeys.authenticate((String) presented.getCredentials())
                    .map(ApiKeyAuthentication::of)
                    .orElseThrow(() -> new BadCredentialsException("Unknown API key."));
        } catch (RuntimeException e) {
            if (DatabaseUnreachable.causedBy(e)) {
                throw new AuthenticationServiceException("The database cannot be reached to look up the key.", e);
            }
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiKeyAuthentication.class.isAssignableFrom(authentication);
    }
}
