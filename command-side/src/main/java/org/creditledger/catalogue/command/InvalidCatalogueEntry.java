package org.creditledger.catalogue.command;

import org.creditledger.platform.web.FieldProblem;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;

import java.util.ArrayList;
import java.util.List;
import org.creditledger.platform.i18n.Text;

/** A list definition or measure breaks a catalogue rule; answered with 400 and the offending fields. */
public class InvalidCatalogueEntry extends LedgerProblem {

    InvalidCatalogueEntry(List<FieldProblem> errors) {
        super(ProblemType.VALIDATION, Text.of("catalogue.entry.invalid", errors.get(0).field(), errors.get(0).message()), errors);
    }

    /**
     * The rules a catalogue aggregate checks, collected so that one answer names every broken field; the aggregates
     * name what is wrong by a message code ({@code i18n/commitment-problems_*}) and leave the web's error format to
     * this exception.
     */
    static final class Rules {
        private final List<FieldProblem> broken = new ArrayList<>();

        Rules require(boolean holds, String field, String messageCode, Object... arguments) {
            if (!holds) {
                broken.add(FieldProblem.of(field, messageCode, arguments));
            }
            return this;
        }

        void enforce() {
            if (!broken.isEmpty()) {
                throw new InvalidCatalogueEntry(broken);
            }
        }
    }
}
