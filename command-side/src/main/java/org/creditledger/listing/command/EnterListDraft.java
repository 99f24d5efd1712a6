package org.creditledger.listing.command;

import org.creditledger.catalogue.api.ListCode;
import org.creditledger.catalogue.command.KnownLists.ListFacts;
import org.creditledger.listing.api.EntryId;
import org.creditledger.listing.api.ListEntryMessages.EnterListCommand;
import org.creditledger.listing.api.ListingPeriod;
import org.creditledger.platform.web.FieldProblem;
import org.creditledger.subject.SubjectRef;
import org.creditledger.subject.web.SubjectBody;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A list entry (列入) as a client sent it, before it is a command. {@link #check} finds every problem at once, named
 * by JSON path ({@code subject.code}); a valid draft becomes a command with what the catalogue says of its list
 * ({@link Checked#command}). The entry checks its own rules again, for commands from anywhere else.
 */
record EnterListDraft(String listCode, SubjectBody subject, String decisionNo, LocalDate decidedOn, String reason,
                      LocalDate effectiveFrom, LocalDate effectiveUntil, String legalRepresentative,
                      List<String> responsiblePersons) {

    /** The outcome of checking a draft: the list and subject it names, or the reasons there are none. */
    record Checked(EnterListDraft draft, ListCode listCode, SubjectRef subject, List<FieldProblem> errors) {

        boolean valid() {
            return errors.isEmpty();
        }

        /**
         * The command entering the subject on {@code facts}' list: the list's authority and repair rules come from the
         * catalogue, and so does the period when the draft names no end ({@code periodMonths} from effectiveFrom).
         *
         * @param actingAuthority the authority of the calling {@code LIST_AUTHORITY} key, null for an administrator
         */
        EnterListCommand command(EntryId id, ListFacts facts, String actingAuthority) {
            if (!valid()) {
                throw new IllegalStateException("an invalid draft has no command: " + errors);
            }
            LocalDate until = draft.effectiveUntil != null ? draft.effectiveUntil
                    : ListingPeriod.lastDay(draft.effectiveFrom, facts.periodMonths());
            return new EnterListCommand(id, listCode.value(), facts.authority(), subject, draft.decisionNo.trim(),
                    draft.decidedOn, draft.reason.trim(), draft.effectiveFrom, until,
                    trimmed(draft.legalRepresentative), draft.responsiblePersons, facts.earlyRepairAllowed(),
                    facts.minMonthsBeforeRepair(), actingAuthority, facts.colour(), facts.revokedOnBlackListing());
        }
    }

    /**
     * @param today the current Asia/Shanghai date: a listing decision cannot be taken in the future
     */
    Checked check(LocalDate today) {
        List<FieldProblem> errors = new ArrayList<>();
        ListCode list = null;
        if (isBlank(listCode)) {
            errors.add(new FieldProblem("listCode", "is required"));
        } else if (!ListCode.isValid(listCode)) {
            errors.add(new FieldProblem("listCode", ListCode.RULE));
        } else {
            list = new ListCode(listCode);
        }
        SubjectRef subjectRef = SubjectBody.toSubjectRef(subject, errors);
        required(errors, "decisionNo", decisionNo);
        required(errors, "reason", reason);
        if (decidedOn == null) {
            errors.add(new FieldProblem("decidedOn", "is required"));
        } else if (decidedOn.isAfter(today)) {
            errors.add(new FieldProblem("decidedOn", "must not be in the future (today is " + today + " in Asia/Shanghai)"));
        }
        if (effectiveFrom == null) {
            errors.add(new FieldProblem("effectiveFrom", "is required"));
        } else if (decidedOn != null && effectiveFrom.isBefore(decidedOn)) {
            errors.add(new FieldProblem("decidedOn", "must not be after effectiveFrom " + effectiveFrom));
        }
        if (effectiveFrom != null && effectiveUntil != null && !effectiveUntil.isAfter(effectiveFrom)) {
            errors.add(new FieldProblem("effectiveUntil", "must be after effectiveFrom " + effectiveFrom));
        }
        if (!errors.isEmpty()) {
            return new Checked(this, null, null, List.copyOf(errors));
        }
        return new Checked(this, list, subjectRef, List.of());
    }

    private static void required(List<FieldProblem> errors, String field, String value) {
        if (isBlank(value)) {
            errors.add(new FieldProblem(field, "is required"));
        }
    }

    private static String trimmed(String value) {
        return isBlank(value) ? null : value.trim();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
