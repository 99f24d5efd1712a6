package org.creditledger.text.api;

/**
 * A value object refused its input for a {@link Reason} a person may read: the web maps it to a field message in the
 * reader's language. Plain {@link IllegalArgumentException}s stay programming errors.
 */
public class InvalidValue extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient Reason reason;

    public InvalidValue(String code, Object... arguments) {
        this(Reason.of(code, arguments));
    }

    public InvalidValue(Reason reason) {
        super(reason.toString());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
