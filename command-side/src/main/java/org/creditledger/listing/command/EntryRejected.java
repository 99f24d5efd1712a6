package org.creditledger.listing.command;

import org.creditledger.platform.web.FieldProblem;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;

import java.util.List;

/** A command whose fields contradict each other or the entry (400, with the offending field). */
class EntryRejected extends LedgerProblem {
    EntryRejected(String field, String message) {
        super(ProblemType.VALIDATION, "The request has invalid fields.", List.of(new FieldProblem(field, message)));
    }

    /** @throws EntryRejected "is required" when {@code value} is null */
    static void requireValue(String field, Object value) {
        if (value == null) {
            throw new EntryRejected(field, "is required");
        }
    }

    /** @throws EntryRejected "must not be blank" when {@code value} is null or blank */
    static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new EntryRejected(field, "must not be blank");
        }
    }
}
