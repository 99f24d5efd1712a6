package org.creditledger.commitment.command;

import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;

import java.util.UUID;

/** The unit already posted a letter with this letter number (409); the refusal names that first letter. */
class LetterNoTaken extends LedgerProblem {
    LetterNoTaken(String unitId, String letterNo, UUID first) {
        super(ProblemType.CONFLICT, "Unit " + unitId + " already has a commitment letter numbered '" + letterNo + "'"
                + (first == null ? "" : " (commitment " + first + ")") + "; a letter number is unique within its unit.");
    }
}
