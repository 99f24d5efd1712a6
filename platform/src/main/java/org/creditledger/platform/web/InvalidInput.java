package org.creditledger.platform.web;

import java.util.List;

/** Input that fails validation beyond Bean Validation (e.g. a check digit); answered with 400 and field errors. */
public class InvalidInput extends RuntimeException {

    private final List<FieldProblem> errors;

    public InvalidInput(FieldProblem... errors) {
        this(List.of(errors));
    }

    public InvalidInput(List<FieldProblem> errors) {
        super(errors.isEmpty() ? "invalid input" : errors.get(0).field() + ": " + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
