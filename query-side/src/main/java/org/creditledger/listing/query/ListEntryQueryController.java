package org.creditledger.listing.query;

import org.creditledger.listing.api.EntryStatus;
import org.creditledger.platform.access.AccessDenied;
import org.creditledger.platform.access.AllowedRoles;
import org.creditledger.platform.access.Caller;
import org.creditledger.platform.access.Role;
import org.creditledger.platform.web.FieldProblem;
import org.creditledger.platform.web.InvalidInput;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;
import org.creditledger.readmodel.ProjectionCatchUp;
import org.creditledger.subject.SubjectRef;
import org.creditledger.subject.SubjectKind;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/**
 * Reading list entries: one entry (ADMIN, INSPECTOR, LIST_AUTHORITY, COUNTER; a counter sees a natural person's
 * number masked), a search by list and/or subject, and what awaits an authority's decision.
 */
@RestController
class ListEntryQueryController {

    private final ListEntryQueries entries;
    private final ProjectionCatchUp catchUp;

    ListEntryQueryController(ListEntryQueries entries, ProjectionCatchUp catchUp) {
        this.entries = entries;
        this.catchUp = catchUp;
    }

    record Pending(String authority, List<ListEntryQueries.PendingItem> items) {
    }

    @GetMapping("/api/v1/list-entries/{entryId}")
    @AllowedRoles({Role.ADMIN, Role.INSPECTOR, Role.LIST_AUTHORITY, Role.COUNTER})
    ListEntryView entry(@PathVariable UUID entryId, Caller caller) {
        catchUp.await(ListEntryProjection.PROCESSING_GROUP);
        ListEntryView view = entries.find(entryId).orElseThrow(() -> new UnknownEntry(entryId));
        return shownTo(caller, view);
    }

    @GetMapping("/api/v1/list-entries")
    @AllowedRoles({Role.ADMIN, Role.INSPECTOR, Role.LIST_AUTHORITY})
    List<ListEntryView> search(@RequestParam(required = false) String listCode,
                               @RequestParam(required = false) String subjectCode,
                               @RequestParam(required = false) EntryStatus status) {
        if (isBlank(listCode) && isBlank(subjectCode)) {
            throw new InvalidInput(new FieldProblem("listCode", "listCode or subjectCode is required"));
        }
        catchUp.await(ListEntryProjection.PROCESSING_GROUP);
        return entries.search(blankToNull(listCode), isBlank(subjectCode) ? null : subjectCode.strip().toUpperCase(), status);
    }

    /** {@code authority}: a LIST_AUTHORITY key sees its own authority only (the default); others see all when absent. */
    @GetMapping("/api/v1/list-entries/pending")
    @AllowedRoles({Role.ADMIN, Role.INSPECTOR, Role.LIST_AUTHORITY})
    Pending pending(@RequestParam(required = false) String authority, Caller caller) {
        String wanted = blankToNull(authority);
        if (caller.is(Role.LIST_AUTHORITY)) {
            if (wanted != null && !wanted.equals(caller.authority())) {
                throw new AccessDenied("A LIST_AUTHORITY key may see what awaits its own authority " + caller.authority() + " only.");
            }
            wanted = caller.authority();
        }
        catchUp.await(ListEntryProjection.PROCESSING_GROUP);
        return new Pending(wanted, entries.pending(wanted));
    }

    private static ListEntryView shownTo(Caller caller, ListEntryView view) {
        if (caller.is(Role.COUNTER) && view.subject().kind() == SubjectKind.NATURAL_PERSON) {
            ListEntryView.Subject s = view.subject();
            return view.withSubject(new ListEntryView.Subject(s.kind(), new SubjectRef(s.kind(), s.code(), s.name()).maskedCode(), s.name()), view.history());
        }
        return view;
    }

    private static String blankToNull(String value) {
        return isBlank(value) ? null : value.strip();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    static class UnknownEntry extends LedgerProblem {
        UnknownEntry(UUID entryId) {
            super(ProblemType.NOT_FOUND, "No list entry with id " + entryId + ".");
        }
    }
}
