package org.creditledger.subject;

import org.creditledger.text.api.Reason;

/**
 * Thrown when a subject identity code (主体标识代码) fails validation: a unified social
 * credit code, a resident identity card number, or a code that does not fit the
 * {@link SubjectKind} it was given for.
 *
 * <p>The exception does not know which field of a request or command held the code;
 * callers attach the field name themselves. The message carries the {@link #reason()} (a message code and its
 * arguments; the application's bundles word it)
 * but deliberately not the rejected code, because a resident identity card number is
 * personal information and exception messages end up in logs. Use {@link #code()} when
 * the raw input is really needed.
 *
 * <p>It carries no stack trace: it is a verdict on input, always caught and turned into a field problem, and it is
 * thrown and caught on the counter check's hot path ({@link SubjectCode} tries a USCC before a resident id number, and
 * {@link SubjectCode#isResidentId} tries the other way), where filling in a stack of a hundred frames each time was
 * measured (issue 13).
 */
public final class InvalidSubjectCode extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final transient Reason reason;

    /**
     * @param code       the rejected input exactly as it was given (may be {@code null})
     * @param reasonCode the message code of the reason ({@code i18n/values_*.properties}), e.g.
     *                   {@code subject.code.check-digit} with the arguments 'X' and '3'
     */
    public InvalidSubjectCode(String code, String reasonCode, Object... arguments) {
        this(code, Reason.of(reasonCode, arguments));
    }

    InvalidSubjectCode(String code, Reason reason) {
        super(null, null, false, false);
        this.code = code;
        this.reason = reason;
    }

    @Override
    public String getMessage() {
        return "invalid subject code: " + reason;
    }

    /** The rejected input exactly as it was given; may be {@code null}. */
    public String code() {
        return code;
    }

    /** Why the code was rejected, as a message code and arguments, without the code itself. */
    public Reason reason() {
        return reason;
    }
}
