package org.creditledger.publicdecision.command;

import org.creditledger.platform.i18n.Text;
import org.creditledger.platform.web.FieldProblem;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;

import java.time.LocalDate;
import java.util.List;

/** A decision cannot have been published before it was made (422, naming {@code publishedOn}). */
class PublicationBeforeDecision extends LedgerProblem {
    PublicationBeforeDecision(LocalDate decidedOn) {
        super(ProblemType.UNPROCESSABLE, Text.of("public-decision.published-before-decided"),
                List.of(FieldProblem.of("publishedOn", "public-decision.published-on.before-decided", decidedOn)));
    }
}
