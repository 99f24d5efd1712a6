package org.creditledger.platform.access;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.creditledger.platform.axon.LedgerMetadata;
import org.creditledger.platform.idempotency.IdempotencyFilter;
import org.creditledger.platform.web.FieldProblem;
import org.creditledger.platform.web.InvalidInput;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Issues, lists and revokes API keys. The secret is in the issuing response once and never again; a listing shows
 * everything else about a key.
 */
@RestController
@Validated
class ApiKeyController {

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 500;

    private final ApiKeys apiKeys;
    private final KeyBindings bindings;
    private final Clock clock;

    ApiKeyController(ApiKeys apiKeys, KeyBindings bindings, Clock clock) {
        this.apiKeys = apiKeys;
        this.bindings = bindings;
        this.clock = clock;
    }

    record IssueKeyRequest(@NotBlank @Size(max = 200) String name,
                           @NotNull Role role,
                           @Size(max = 64) String unitId,
                           @Size(max = 200) String authority,
                           Instant expiresAt) {
    }

    record IssuedKeyResponse(UUID keyId, String secret, String name, Role role, String unitId, String authority,
                             Instant createdAt, Instant expiresAt) {
    }

    @Operation(operationId = "issueApiKey", summary = "Issue an API key")
    @PostMapping("/api/v1/admin/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    @AllowedRoles(Role.ADMIN)
    IssuedKeyResponse issue(@Valid @RequestBody IssueKeyRequest request, Caller caller, LedgerMetadata metadata,
                            HttpServletRequest http) {
        IdempotencyFilter.doNotKeepResponse(http); // the secret is shown once, and never kept, not even for a retry
        if (request.role() == Role.UNIT_CLERK && isBlank(request.unitId())) {
            throw new InvalidInput(new FieldProblem("unitId", "a UNIT_CLERK key must be bound to a unit"));
        }
        if (request.role() == Role.LIST_AUTHORITY && isBlank(request.authority())) {
            throw new InvalidInput(new FieldProblem("authority", "a LIST_AUTHORITY key must be bound to an authority"));
        }
        if (request.expiresAt() != null && !request.expiresAt().isAfter(clock.instant())) {
            throw new InvalidInput(new FieldProblem("expiresAt", "must be in the future"));
        }
        // A COUNTER key may name the unit whose service counter (政务服务窗口) it serves: its checks count for that unit.
        String unit = request.role() == Role.UNIT_CLERK || request.role() == Role.COUNTER ? blankToNull(request.unitId()) : null;
        String authority = request.role() == Role.LIST_AUTHORITY ? request.authority() : null;
        if (unit != null && !bindings.unitExists(unit)) {
            throw new UnknownReference("unitId", "Unit " + unit + " is not registered; register it with PUT /api/v1/units/" + unit + " first.");
        }
        if (authority != null && !bindings.authorityExists(authority)) {
            throw new UnknownReference("authority", "No list in the catalogue has the authority " + authority
                    + "; a LIST_AUTHORITY key must name the authority of a defined list exactly (see GET /api/v1/lists).");
        }
        ApiKeys.IssuedKey issued = apiKeys.issue(new ApiKeys.NewKey(request.name().trim(), request.role(), unit, authority,
                request.expiresAt()), metadata, caller.keyId());
        Caller key = issued.key();
        return new IssuedKeyResponse(key.keyId(), issued.secret(), key.name(), key.role(), key.unitId(), key.authority(),
                issued.createdAt(), issued.expiresAt());
    }

    /** Every key, newest first, revoked and expired ones included; never a secret or its hash. */
    @Operation(operationId = "listApiKeys", summary = "List API keys")
    @GetMapping("/api/v1/admin/api-keys")
    @AllowedRoles({Role.ADMIN, Role.INSPECTOR})
    ApiKeys.ApiKeyPage listApiKeys(@RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
                         @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        return apiKeys.list(page, size);
    }

    /**
     * Revokes a key: from the next request on it gets 401, on every node. Revoking it again answers 204 as well and
     * records nothing (DELETE is idempotent); an unknown key id is 404.
     */
    @Operation(operationId = "revokeApiKey", summary = "Revoke an API key")
    @DeleteMapping("/api/v1/admin/api-keys/{keyId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @AllowedRoles(Role.ADMIN)
    void revokeApiKey(@PathVariable UUID keyId, Caller caller, LedgerMetadata metadata) {
        if (apiKeys.revoke(keyId, metadata, caller.keyId()) == ApiKeys.Revocation.UNKNOWN) {
            throw new UnknownKey(keyId);
        }
    }

    private static String blankToNull(String value) {
        return isBlank(value) ? null : value.strip();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** 422: the key would be bound to a unit or authority the ledger does not know. */
    static class UnknownReference extends LedgerProblem {
        UnknownReference(String field, String detail) {
            super(ProblemType.UNPROCESSABLE, detail, List.of(new FieldProblem(field, "is not known to the ledger")));
        }
    }

    static class UnknownKey extends LedgerProblem {
        UnknownKey(UUID keyId) {
            super(ProblemType.NOT_FOUND, "No API key " + keyId + ".");
        }
    }
}
