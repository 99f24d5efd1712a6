package org.creditledger.commitment.imports;

import org.creditledger.platform.i18n.I18nConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
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
     * A problem another part of the ledger named (the commitment's own checks, the aggregate), worded now in the
     * default language (Chinese): its code belongs to another module's bundle, which a report reader may not have.
     */
    static RowProblem text(String field, MessageSourceResolvable message, MessageSource messages) {
        return text(field, messages.getMessage(message, I18nConfiguration.DEFAULT_LOCALE));
    }
}
