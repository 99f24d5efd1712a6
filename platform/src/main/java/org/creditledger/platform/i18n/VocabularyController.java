package org.creditledger.platform.i18n;

import io.swagger.v3.oas.annotations.Operation;
import org.creditledger.platform.access.AllowedRoles;
import org.creditledger.platform.access.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** The codes of every enum a person sees, with their labels in the request's language (Chinese unless asked). */
@RestController
class VocabularyController {

    private final Labels labels;

    VocabularyController(Labels labels) {
        this.labels = labels;
    }

    @GetMapping("/api/v1/vocabulary")
    @Operation(operationId = "getVocabulary", summary = "Labels of every code a person reads")
    @AllowedRoles({Role.ADMIN, Role.UNIT_CLERK, Role.LIST_AUTHORITY, Role.COUNTER, Role.INSPECTOR})
    Map<String, List<Labels.CodeLabel>> vocabulary() {
        return labels.vocabulary(Labels.currentLocale());
    }
}
