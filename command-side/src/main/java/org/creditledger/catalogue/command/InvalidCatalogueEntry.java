package org.creditledger.catalogue.command;

import org.creditledger.platform.web.FieldProblem;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;

import java.util.List;

/** A list definition or measure breaks a catalogue rule; answered with 400 and the offending fields. */
public class InvalidCatalogueEntry extends LedgerProblem {

    InvalidCatalogueEntry(List<FieldProblem> errors) {
        super(ProblemType.VALIDATION, "The catalogue entry breaks a catalogue rule: " + errors.get(0).field() + " " + errors.get(0).message(), errors);
    }
}
