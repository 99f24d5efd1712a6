package org.creditledger.commitment.api;

/**
 * A commitment letter (信用承诺书) as the ledger holds it, for commands that name one by id: whose it is and of which
 * type (a credit repair names the subject's own {@link CommitmentType#CREDIT_REPAIR} letter).
 */
public record CommitmentLetter(CommitmentId commitmentId, String subjectCode, CommitmentType type) {
}
