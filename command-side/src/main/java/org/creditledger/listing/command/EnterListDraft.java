package org.creditledger.listing.command;

import org.creditledger.catalogue.api.ListCode;
import org.creditledger.catalogue.command.KnownLists.ListFacts;
import org.creditledger.listing.api.EntryId;
import org.creditledger.listing.api.ListEntryMessages.EnterListCommand;
import org.creditledger.listing.api.ListingPeriod;
import org.creditledger.listing.api.NamedPerson;
import org.creditledger.platform.i18n.Text;
import org.creditledger.platform.web.FieldProblem;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;
import org.creditledger.subject.InvalidSubjectCode;
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
                      LocalDate effectiveFrom, LocalDate effectiveUntil, PersonBody legalRepresentative,
                      List<PersonBody> responsiblePersons) {

    /** A person named in the decision as the request writes it: {@code {name, code?, role?}}. */
    record PersonBody(String name, String code, String role) {
    }

    /** The outcome of checking a draft: the list and subject it names, or the reasons there are none. */
    record Checked(EnterListDraft draft, ListCode listCode, SubjectRef subject, NamedPerson legalRepresentative,
                   List<NamedPerson> responsiblePersons, List<FieldProblem> errors) {

        boolean valid() {
            return errors.isEmpty();
        }

        /**
         * The command entering the subject on {@code facts}' list: the list's authority and repair rules come from the
         * catalogue, and so does the period when the draft names no end ({@code periodMonths} from effectiveFrom).
         * An end the draft names may go past the period only as far as the list allows extension.
         *
         * @param actingAuthority the authority of the calling {@code LIST_AUTHORITY} key, null for an administrator
         * @throws BeyondListPeriod (422) when the draft's end is later than the period plus the extension allowed
         */
        EnterListCommand command(EntryId id, ListFacts facts, String actingAuthority) {
            if (!valid()) {
                throw new IllegalStateException("an invalid draft has no command: " + errors);
            }
            LocalDate latest = ListingPeriod.lastDay(draft.effectiveFrom, facts.periodMonths() + facts.maxExtensionMonths());
            if (draft.effectiveUntil != null && draft.effectiveUntil.isAfter(latest)) {
                throw new BeyondListPeriod(listCode, facts, latest);
            }
            LocalDate until = draft.effectiveUntil != null ? draft.effectiveUntil
                    : ListingPeriod.lastDay(draft.effectiveFrom, facts.periodMonths());
            return new EnterListCommand(id, listCode.value(), facts.authority(), subject, draft.decisionNo.trim(),
                    draft.decidedOn, draft.reason.trim(), draft.effectiveFrom, until,
                    legalRepresentative, responsiblePersons, facts.earlyRepairAllowed(),
                    facts.minMonthsBeforeRepair(), actingAuthority, facts.colour(), facts.revokedOnBlackListing(),
                    facts.repairWaitFrom(), facts.repairDecisionWorkingDays(), facts.repairCommitmentRequired());
        }
    }

    /**
     * An entry's end past what its list allows: the list's period, plus its {@code maxExtensionMonths} when the list
     * lets a decision extend it (失信被执行人). The catalogue, not the entry, says how long a listing may last.
     */
    static class BeyondListPeriod extends LedgerProblem {
        BeyondListPeriod(ListCode listCode, ListFacts facts, LocalDate latest) {
            super(ProblemType.UNPROCESSABLE, Text.of("listing.effective-until.beyond-period", listCode.value(),
                            facts.periodMonths(), facts.maxExtensionMonths(), latest),
                    List.of(FieldProblem.of("effectiveUntil", "listing.effective-until.not-after", latest)));
        }
    }

    /**
     * @param today the current Asia/Shanghai date: a listing decision cannot be taken in the future
     */
    Checked check(LocalDate today) {
        List<FieldProblem> errors = new ArrayList<>();
        ListCode list = null;
        if (isBlank(listCode)) {
            errors.add(FieldProblem.of("listCode", "problem.field.required"));
        } else if (!ListCode.isValid(listCode)) {
            errors.add(FieldProblem.of("listCode", ListCode.RULE));
        } else {
            list = new ListCode(listCode);
        }
        SubjectRef subjectRef = SubjectBody.toSubjectRef(subject, errors);
        required(errors, "decisionNo", decisionNo);
        required(errors, "reason", reason);
        if (decidedOn == null) {
            errors.add(FieldProblem.of("decidedOn", "problem.field.required"));
        } else if (decidedOn.isAfter(today)) {
            errors.add(FieldProblem.of("decidedOn", "problem.field.not-future", today));
        }
        if (effectiveFrom == null) {
            errors.add(FieldProblem.of("effectiveFrom", "problem.field.required"));
        } else if (decidedOn != null && effectiveFrom.isBefore(decidedOn)) {
            errors.add(FieldProblem.of("decidedOn", "listing.decided-on.after-effective", effectiveFrom));
        }
        if (effectiveFrom != null && effectiveUntil != null && !effectiveUntil.isAfter(effectiveFrom)) {
            errors.add(FieldProblem.of("effectiveUntil", "listing.effective-until.after", effectiveFrom));
        }
        NamedPerson representative = legalRepresentative == null ? null
                : person(errors, "legalRepresentative", legalRepresentative);
        List<NamedPerson> persons = new ArrayList<>();
        if (responsiblePersons != null) {
            for (int i = 0; i < responsiblePersons.size(); i++) {
                persons.add(person(errors, "responsiblePersons[" + i + "]", responsiblePersons.get(i)));
            }
        }
        if (!errors.isEmpty()) {
            return new Checked(this, null, null, null, List.of(), List.copyOf(errors));
        }
        return new Checked(this, list, subjectRef, representative, List.copyOf(persons), List.of());
    }

    /** The person {@code body} names, or null after adding to {@code errors} a missing name or a wrong 身份证 number. */
    private static NamedPerson person(List<FieldProblem> errors, String path, PersonBody body) {
        if (body == null || isBlank(body.name())) {
            errors.add(FieldProblem.of(path + ".name", "problem.field.required"));
            return null;
        }
        try {
            return new NamedPerson(body.name(), body.code(), body.role());
        } catch (InvalidSubjectCode e) {
            errors.add(FieldProblem.of(path + ".code", e.reason()));
            return null;
        }
    }

    private static void required(List<FieldProblem> errors, String field, String value) {
        if (isBlank(value)) {
            errors.add(FieldProblem.of(field, "problem.field.required"));
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
