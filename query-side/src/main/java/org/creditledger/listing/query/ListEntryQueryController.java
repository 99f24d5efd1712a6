package org.creditledger.listing.query;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.creditledger.listing.api.EntryStatus;
import org.creditledger.platform.access.AccessDenied;
import org.creditledger.platform.access.AllowedRoles;
import org.creditledger.platform.access.Caller;
import org.creditledger.platform.access.Role;
import org.creditledger.platform.web.FieldProblem;
import org.creditledger.platform.web.InvalidInput;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.Page;
import org.creditledger.platform.web.ProblemType;
import org.creditledger.readmodel.ProjectionCatchUp;
import org.creditledger.subject.SubjectRef;
import org.creditledger.subject.SubjectKind;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.creditledger.platform.i18n.Text;

/**
 * Reading list entries: one entry (ADMIN, INSPECTOR, LIST_AUTHORITY, COUNTER), a paged search by list and/or subject
 * (ADMIN, INSPECTOR, LIST_AUTHORITY), and a page of what awaits an authority's decision.
 *
 * <p>Who sees what: ADMIN and INSPECTOR see every entry in full; a LIST_AUTHORITY sees its own authority's entries in
 * full and other authorities' entries with a natural person's 身份证 number masked (joint reward and punishment needs
 * every authority's lists); a COUNTER sees every entry masked. What awaits decision (objections, repair
 * applications) a LIST_AUTHORITY sees for its own authority only. A UNIT_CLERK may look up one subject's entries in
 * force (ACTIVE), masked as for a COUNTER and with only what recording a joint action needs (the {@code entryId},
 * list, subject, status and effective dates). See {@code api-docs/guides/access.md}.
 */
@RestController
class ListEntryQueryController {

    /** Business dates are Asia/Shanghai calendar dates: the day a reminder starts included. */
    private static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");

    private final ListEntryQueries entries;
    private final ProjectionCatchUp catchUp;
    private final Clock clock;

    ListEntryQueryController(ListEntryQueries entries, ProjectionCatchUp catchUp, Clock clock) {
        this.entries = entries;
        this.catchUp = catchUp;
        this.clock = clock;
    }

    @Operation(operationId = "getListEntry", summary = "Read a list entry")
    @GetMapping("/api/v1/list-entries/{entryId}")
    @AllowedRoles({Role.ADMIN, Role.INSPECTOR, Role.LIST_AUTHORITY, Role.COUNTER})
    ListEntryView entry(@PathVariable UUID entryId, Caller caller) {
        catchUp.await(ListEntryProjection.PROCESSING_GROUP);
        ListEntryView view = entries.find(entryId).orElseThrow(() -> new UnknownEntry(entryId));
        return shownTo(caller, view);
    }

    /**
     * Pages count from 0; {@code size} is at most {@value Page#MAX_SIZE}. A UNIT_CLERK must name the subject and
     * sees its ACTIVE entries only ({@code status} absent or {@code ACTIVE}), each reduced to {@link #forJointAction}.
     */
    @Operation(operationId = "searchListEntries", summary = "Search list entries")
    @GetMapping("/api/v1/list-entries")
    @AllowedRoles({Role.ADMIN, Role.INSPECTOR, Role.LIST_AUTHORITY, Role.UNIT_CLERK})
    Page<ListEntryView> search(@RequestParam(required = false) String listCode,
                               @RequestParam(required = false) String subjectCode,
                               @RequestParam(required = false) EntryStatus status,
                               @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_PAGE) int page,
                               @RequestParam(defaultValue = "" + Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size,
                               Caller caller) {
        if (isBlank(listCode) && isBlank(subjectCode)) {
            throw new InvalidInput(FieldProblem.of("listCode", "query.list-entries.filter-required"));
        }
        boolean clerk = caller.is(Role.UNIT_CLERK);
        if (clerk && isBlank(subjectCode)) {
            throw new AccessDenied(Text.of("query.clerk-lookup.subject-only"));
        }
        if (clerk && status == EntryStatus.EXITED) {
            throw new AccessDenied(Text.of("query.clerk-lookup.active-only"));
        }
        catchUp.await(ListEntryProjection.PROCESSING_GROUP);
        Page<ListEntryView> found = entries.search(blankToNull(listCode),
                isBlank(subjectCode) ? null : subjectCode.strip().toUpperCase(), clerk ? EntryStatus.ACTIVE : status, page, size);
        return new Page<>(found.items().stream().map(view -> clerk ? forJointAction(view) : shownTo(caller, view)).toList(),
                found.page(), found.size(), found.totalItems());
    }

    /**
     * {@code authority}: a LIST_AUTHORITY key sees its own authority only (the default); others see all when absent.
     * Pages count from 0, earliest decision date first. After what awaits a decision come the reminders (提醒预警,
     * kind {@code REPAIR_ELIGIBLE}): active entries whose subject may apply for repair today (Asia/Shanghai) and has
     * no application pending.
     */
    @Operation(operationId = "listPendingDecisions", summary = "Objections and repairs awaiting a decision")
    @GetMapping("/api/v1/list-entries/pending")
    @AllowedRoles({Role.ADMIN, Role.INSPECTOR, Role.LIST_AUTHORITY})
    Page<ListEntryQueries.PendingItem> pending(@RequestParam(required = false) String authority,
                                               @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_PAGE) int page,
                                               @RequestParam(defaultValue = "" + Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size,
                                               Caller caller) {
        String wanted = blankToNull(authority);
        if (caller.is(Role.LIST_AUTHORITY)) {
            if (wanted != null && !wanted.equals(caller.authority())) {
                throw new AccessDenied(Text.of("query.pending.own-authority", caller.authority()));
            }
            wanted = caller.authority();
        }
        catchUp.await(ListEntryProjection.PROCESSING_GROUP);
        return entries.pending(wanted, LocalDate.now(clock.withZone(BUSINESS_ZONE)), page, size);
    }

    /**
     * The entry as {@code caller} may see it: in full, or with every natural person's number masked (the subject's and
     * those of the persons the decision names).
     */
    private static ListEntryView shownTo(Caller caller, ListEntryView view) {
        if (caller.seesEntriesInFull(view.listAuthority())) {
            return view;
        }
        ListEntryView shown = view.withPersonsMasked();
        if (view.subject().kind() == SubjectKind.NATURAL_PERSON) {
            ListEntryView.Subject s = view.subject();
            return shown.withSubject(new ListEntryView.Subject(s.kind(), new SubjectRef(s.kind(), s.code(), s.name()).maskedCode(), s.name()), shown.history());
        }
        return shown;
    }

    /**
     * What a UNIT_CLERK sees of an entry in force: enough to record a joint action against it (the {@code entryId}, the
     * list and its authority, the subject with a natural person's number masked as for a COUNTER, status and
     * effective dates); the decision, its reasons and the persons named in it are left out.
     */
    private static ListEntryView forJointAction(ListEntryView view) {
        ListEntryView.Subject s = view.subject();
        ListEntryView.Subject masked = new ListEntryView.Subject(s.kind(), new SubjectRef(s.kind(), s.code(), s.name()).maskedCode(), s.name());
        return new ListEntryView(view.entryId(), view.listCode(), view.listAuthority(), masked, view.status(), null, null,
                view.disputed(), null, view.objectionOverdue(), view.effectiveFrom(), view.effectiveUntil(), null, null, null,
                null, null, null, null);
    }

    private static String blankToNull(String value) {
        return isBlank(value) ? null : value.strip();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    static class UnknownEntry extends LedgerProblem {
        UnknownEntry(UUID entryId) {
            super(ProblemType.NOT_FOUND, Text.of("query.entry.unknown", entryId));
        }
    }
}
