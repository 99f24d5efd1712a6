package org.creditledger.platform.web;

import java.util.List;

/**
 * Base of business exceptions that carry their problem type, so the one exception handler maps them without
 * knowing every feature. Subclasses name the situation: {@code CommitmentAlreadyClosed}, {@code UnknownUnit} …
 */
public abstract class LedgerProblem extends RuntimeException {

    private final ProblemType type;
    private final List<FieldProblem> errors;

    protected LedgerProblem(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    protected LedgerProblem(ProblemType type, String detail, List<FieldProblem> errors) {
        super(detail);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
