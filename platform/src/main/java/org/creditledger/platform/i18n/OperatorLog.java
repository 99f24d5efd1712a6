package org.creditledger.platform.i18n;

import org.springframework.context.MessageSource;

/**
 * Log lines meant for operators (the ledger is ready, a read model is behind, a key was refused …), worded in the
 * ledger's default language: a log has no reader's language. Lines for developers (DEBUG, stack traces of bugs) stay
 * as they are written.
 * <pre>{@code log.warn(OperatorLog.text("log.read-model.behind", group, position, timeout));}</pre>
 */
public final class OperatorLog {

    private OperatorLog() {
    }

    public static String text(String code, Object... arguments) {
        return Bundles.ALL.getMessage(Text.of(code, arguments), I18nConfiguration.DEFAULT_LOCALE);
    }

    /** Every module's bundles, read once, also where no Spring context is at hand (a runner, a background thread). */
    private static final class Bundles {
        static final MessageSource ALL = I18nConfiguration.bundle(I18nConfiguration.bundleNames().toArray(String[]::new));
    }
}
