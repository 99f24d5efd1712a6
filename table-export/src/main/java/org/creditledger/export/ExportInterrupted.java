package org.creditledger.export;

import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;

import java.util.Arrays;

/** A further page of a paged export was answered with a problem; the export answers with that problem. */
class ExportInterrupted extends LedgerProblem {
    ExportInterrupted(String type, String detail) {
        super(Arrays.stream(ProblemType.values()).filter(t -> t.uri().toString().equals(type)).findFirst().orElse(ProblemType.INTERNAL),
                detail == null || detail.isBlank() ? "A page of the list could not be read while it was exported; try again." : detail);
    }
}
