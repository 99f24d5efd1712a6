package org.creditledger.platform.i18n;

import org.creditledger.text.api.Reason;
import org.springframework.context.MessageSourceResolvable;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * A text a person reads, named by its message code and arguments and worded by the bundles in the reader's language
 * when it is written out ({@link Texts}). Code never holds the words: {@code Text.of("commitment.already-closed", id,
 * status)}, never {@code "Commitment " + id + " is closed"}. An argument that is itself a {@code Text} or a kernel
 * {@link Reason} is worded in the same language.
 */
public final class Text implements MessageSourceResolvable, Serializable {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final Object[] arguments;
    private final String literal;

    private Text(String code, Object[] arguments, String literal) {
        this.code = code;
        this.arguments = arguments;
        this.literal = literal;
    }

    public static Text of(String code, Object... arguments) {
        return new Text(Objects.requireNonNull(code), Arrays.stream(arguments).map(Text::argument).toArray(), null);
    }

    /** The kernel's reason for refusing a value, worded by {@code i18n/values_*.properties}. */
    public static Text of(Reason reason) {
        return of(reason.code(), reason.arguments().toArray());
    }

    /** The label a person reads for an enum value ({@code enum.<SimpleName>.<CODE>}, see {@link Labels}). */
    public static Text label(Enum<?> value) {
        return of("enum." + value.getDeclaringClass().getSimpleName() + "." + value.name());
    }

    /**
     * Words that are no message code: what a client or another system wrote, or a text of a package that has not
     * moved its texts into a bundle yet (the import package). Shown as they are in every language.
     */
    public static Text literal(String words) {
        return new Text(null, new Object[0], words);
    }

    private static Object argument(Object argument) {
        return argument instanceof Reason reason ? of(reason) : argument;
    }

    public String code() {
        return code;
    }

    @Override
    public String[] getCodes() {
        return code == null ? null : new String[] {code};
    }

    @Override
    public Object[] getArguments() {
        return arguments.clone();
    }

    @Override
    public String getDefaultMessage() {
        return literal;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Text text && Objects.equals(code, text.code) && Arrays.equals(arguments, text.arguments)
                && Objects.equals(literal, text.literal);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, Arrays.hashCode(arguments), literal);
    }

    /** For developers' logs and exception messages: the code and arguments, never a translation. */
    @Override
    public String toString() {
        if (code == null) {
            return literal;
        }
        return arguments.length == 0 ? code : code + " " + Arrays.toString(arguments);
    }
}
