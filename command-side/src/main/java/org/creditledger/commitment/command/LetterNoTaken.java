package org.creditledger.commitment.command;

import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;

import java.util.UUID;
import org.creditledger.platform.i18n.Text;

/** The unit already posted a letter with this letter number (409); the refusal names that first letter. */
class LetterNoTaken extends LedgerProblem {
    LetterNoTaken(String unitId, String letterNo, UUID first) {
        super(ProblemType.CONFLICT, Text.of("commitment.letter-no-taken", unitId, letterNo, first == null ? "" : first.toString()));
    }
}
