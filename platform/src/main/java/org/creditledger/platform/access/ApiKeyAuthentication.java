package org.creditledger.platform.access;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

/**
 * An {@code X-Api-Key} as Spring Security sees it: before authentication it holds only the presented secret; after,
 * the {@link Caller} the key belongs to, with its role as the one authority {@code ROLE_<role>}.
 */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final transient String secret;
    private final Caller caller;

    private ApiKeyAuthentication(String secret, Caller caller) {
        super(caller == null ? AuthorityUtils.NO_AUTHORITIES : AuthorityUtils.createAuthorityList("ROLE_" + caller.role().name()));
        this.secret = secret;
        this.caller = caller;
        setAuthenticated(caller != null);
    }

    static ApiKeyAuthentication presented(String secret) {
        return new ApiKeyAuthentication(secret, null);
    }

    static ApiKeyAuthentication of(Caller caller) {
        return new ApiKeyAuthentication(null, caller);
    }

    /** The secret as sent; kept only until the key is looked up. */
    @Override
    public Object getCredentials() {
        return secret;
    }

    /** The {@link Caller} once authenticated, else {@code null}. */
    @Override
    public Object getPrincipal() {
        return caller;
    }

    @Override
    public String getName() {
        return caller == null ? "" : caller.keyId().toString();
    }
}
