package org.creditledger.testing;

import org.creditledger.platform.access.ApiKeys;
import org.creditledger.platform.access.Role;

/** Issues API keys straight through {@link ApiKeys}, so tests need no admin round trip. Returns the secret. */
public final class TestKeys {

    private final ApiKeys apiKeys;

    public TestKeys(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    public String admin() {
        return issue(Role.ADMIN, null, null);
    }

    public String clerk(String unitId) {
        return issue(Role.UNIT_CLERK, unitId, null);
    }

    public String listAuthority(String authority) {
        return issue(Role.LIST_AUTHORITY, null, authority);
    }

    public String counter() {
        return issue(Role.COUNTER, null, null);
    }

    /** A COUNTER key of the service counter of {@code unitId}. */
    public String counter(String unitId) {
        return issue(Role.COUNTER, unitId, null);
    }

    public String inspector() {
        return issue(Role.INSPECTOR, null, null);
    }

    public String monitor() {
        return issue(Role.MONITOR, null, null);
    }

    public String issue(Role role, String unitId, String authority) {
        return apiKeys.issue("test " + role, role, unitId, authority, null).secret();
    }
}
