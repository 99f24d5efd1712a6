package org.creditledger.platform.web;

import org.creditledger.platform.i18n.Text;
import org.springframework.context.MessageSourceResolvable;

import java.util.List;

/**
 * Base of business exceptions that carry their problem type, so the one exception handler maps them without
 * knowing every feature. Subclasses name the situation: {@code CommitmentAlreadyClosed}, {@code UnknownUnit} …
 * The {@link #detail()} is a message code and its arguments ({@link Text}), worded in the reader's language by
 * {@link ProblemAdvice}; the exception's own message (logs, tests) is that code and arguments.
 */
public abstract class LedgerProblem extends RuntimeException {

    private final ProblemType type;
    private final MessageSourceResolvable detail;
    private final List<FieldProblem> errors;

    protected LedgerProblem(ProblemType type, Text detail) {
        this(type, detail, List.of());
    }

    protected LedgerProblem(ProblemType type, Text detail, List<FieldProblem> errors) {
        super(detail.toString());
        this.type = type;
        this.detail = detail;
        this.errors = List.copyOf(errors);
    }

    /**
     * Words that are no message code yet; only for the import package, whose texts move into its own bundle when it is
     * rewritten. New code names a message code ({@link #LedgerProblem(ProblemType, Text)}).
     */
    @Deprecated
    protected LedgerProblem(ProblemType type, String words) {
        this(type, Text.literal(words), List.of());
    }

    /** @see #LedgerProblem(ProblemType, String) */
    @Deprecated
    protected LedgerProblem(ProblemType type, String words, List<FieldProblem> errors) {
        this(type, Text.literal(words), errors);
    }

    public ProblemType type() {
        return type;
    }

    public MessageSourceResolvable detail() {
        return detail;
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
