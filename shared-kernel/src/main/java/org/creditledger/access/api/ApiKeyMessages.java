package org.creditledger.access.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/**
 * The life of an API key as ledger facts, so an inspector can tell who could act in which role when. Each key's
 * events are stored under the key id as aggregate identifier (issued at sequence 0, revoked at 1); when and by whom
 * is the event's timestamp and its {@code principal} metadata ({@code system} for the bootstrap and demo keys).
 * Neither the secret nor its hash is ever part of an event.
 */
public final class ApiKeyMessages {

    private ApiKeyMessages() {
    }

    /**
     * A key was issued.
     *
     * @param role      the key's role, by name ({@code ADMIN}, {@code UNIT_CLERK}, …)
     * @param unitId    the unit the key is bound to, if any
     * @param authority the list authority the key is bound to, if any
     * @param expiresAt when the key stops authenticating, or null for never
     * @param issuedBy  the key that issued it, or null when the ledger did (bootstrap, demo)
     */
    @Revision("1")
    public record ApiKeyIssuedEvent(UUID keyId, String name, String role, String unitId, String authority,
                                    Instant expiresAt, UUID issuedBy) {
    }

    /**
     * A key was revoked: from the next request on, it no longer authenticates.
     *
     * @param revokedBy the key that revoked it
     */
    @Revision("1")
    public record ApiKeyRevokedEvent(UUID keyId, UUID revokedBy) {
    }
}
