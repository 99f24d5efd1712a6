package org.creditledger.text.api;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** Words a {@link Reason} as the English bundle does, so kernel tests read the text a client reads. */
public final class EnglishReasons {

    private static final ResourceBundle ENGLISH = ResourceBundle.getBundle("i18n/values", Locale.ENGLISH);

    private EnglishReasons() {
    }

    public static String english(Reason reason) {
        Object[] arguments = reason.arguments().stream()
                .map(a -> a instanceof Reason nested ? english(nested) : a)
                .toArray();
        String pattern = ENGLISH.getString(reason.code());
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, Locale.ENGLISH).format(arguments);
    }
}
