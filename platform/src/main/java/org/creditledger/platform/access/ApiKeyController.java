package org.creditledger.platform.access;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.creditledger.platform.web.FieldProblem;
import org.creditledger.platform.web.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** Issues API keys. The secret is in the response once and never again. */
@RestController
class ApiKeyController {

    private final ApiKeys apiKeys;

    ApiKeyController(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    record IssueKeyRequest(@NotBlank @Size(max = 200) String name,
                           @NotNull Role role,
                           @Size(max = 64) String unitId,
                           @Size(max = 200) String authority) {
    }

    record IssuedKeyResponse(UUID keyId, String secret, String name, Role role, String unitId, String authority) {
    }

    @PostMapping("/api/v1/admin/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    @AllowedRoles(Role.ADMIN)
    IssuedKeyResponse issue(@Valid @RequestBody IssueKeyRequest request, Caller caller) {
        if (request.role() == Role.UNIT_CLERK && isBlank(request.unitId())) {
            throw new InvalidInput(new FieldProblem("unitId", "a UNIT_CLERK key must be bound to a unit"));
        }
        if (request.role() == Role.LIST_AUTHORITY && isBlank(request.authority())) {
            throw new InvalidInput(new FieldProblem("authority", "a LIST_AUTHORITY key must be bound to an authority"));
        }
        // A COUNTER key may name the unit whose service counter (政务服务窗口) it serves: its checks count for that unit.
        String unit = request.role() == Role.UNIT_CLERK || request.role() == Role.COUNTER ? blankToNull(request.unitId()) : null;
        String authority = request.role() == Role.LIST_AUTHORITY ? request.authority() : null;
        ApiKeys.IssuedKey issued = apiKeys.issue(request.name().trim(), request.role(), unit, authority, caller.keyId());
        Caller key = issued.key();
        return new IssuedKeyResponse(key.keyId(), issued.secret(), key.name(), key.role(), key.unitId(), key.authority());
    }

    private static String blankToNull(String value) {
        return isBlank(value) ? null : value.strip();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
