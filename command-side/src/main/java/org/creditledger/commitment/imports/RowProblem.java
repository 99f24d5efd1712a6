package org.creditledger.commitment.imports;

import org.creditledger.platform.i18n.I18nConfiguration;
import org.creditledger.platform.i18n.Text;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.List;

/**
 * What is wrong with one import row, as stored with the row's result. The import runs in a background worker, with
 * no reader yet, so a problem of this package is stored as a message {@code code} of the {@code i18n/imports} bundle
 * with its {@code args}, and put into words when someone reads the report, in their language. {@code message} is
 * the Chinese text at write time: what a reader gets if the code is unknown then, and the whole problem when it came
 * from elsewhere (the commitment's own checks, the aggregate), whose text is stored as it was given.
 */
record RowProblem(String field, String code, List<String> args, String message) {

    RowProblem {
        args = args == null ? List.of() : List.copyOf(args);
    }

    /** A problem whose text another part of the ledger wrote. */
    static RowProblem text(String field, String message) {
        return new RowProblem(field, null, List.of(), message);
    }

    /**
     * A problem another part of the ledger named (the commitment's own checks, the aggregate): stored by its code when
     * its arguments are texts or dates (numbers would lose their format), so a report reads in its reader's language ({@link ImportColumns} knows those
     * bundles), and always with its Chinese words, which are what a reader gets otherwise.
     */
    static RowProblem text(String field, MessageSourceResolvable message, MessageSource messages) {
        String chinese = messages.getMessage(message, I18nConfiguration.DEFAULT_LOCALE);
        Object[] arguments = message.getArguments() == null ? new Object[0] : message.getArguments();
        boolean storable = message instanceof Text text && text.code() != null
                && Arrays.stream(arguments).allMatch(a -> a instanceof String || a instanceof Temporal);
        return storable
                ? new RowProblem(field, ((Text) message).code(), Arrays.stream(arguments).map(Object::toString).toList(), chinese)
                : text(field, chinese);
    }
}
