package org.creditledger.listing.command;

import org.creditledger.platform.web.FieldProblem;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;

import java.util.List;
import org.creditledger.platform.i18n.Text;

/** A command whose fields contradict each other or the entry (400, with the offending field). */
class EntryRejected extends LedgerProblem {
    EntryRejected(String field, String messageCode, Object... arguments) {
        super(ProblemType.VALIDATION, Text.of("problem.validation.fields"), List.of(FieldProblem.of(field, messageCode, arguments)));
    }

    /** @throws EntryRejected "is required" when {@code value} is null */
    static void requireValue(String field, Object value) {
        if (value == null) {
            throw new EntryRejected(field, "problem.field.required");
        }
    }

    /** @throws EntryRejected "must not be blank" when {@code value} is null or blank */
    static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new EntryRejected(field, "listing.field.blank");
        }
    }
}
