package org.creditledger.platform.access;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/** Looks up a presented {@code X-Api-Key} among the stored keys (revoked and expired keys are not found). */
class ApiKeyAuthenticationProvider implements AuthenticationProvider {

    private final ApiKeys apiKeys;

    ApiKeyAuthenticationProvider(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    @Override
    public Authentication authenticate(Authentication presented) {
        return apiKeys.authenticate((String) presented.getCredentials())
                .map(ApiKeyAuthentication::of)
                .orElseThrow(() -> new BadCredentialsException("Unknown API key."));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiKeyAuthentication.class.isAssignableFrom(authentication);
    }
}
