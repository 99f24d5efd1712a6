package org.creditledger.testing;

import org.creditledger.platform.i18n.I18nConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;

import java.util.Locale;

/**
 * Words a message code as an English-speaking client reads it, from every module's bundles on the class path, for
 * tests that run without a Spring context (aggregate fixtures, file readers).
 */
public final class EnglishTexts {

    private static final MessageSource BUNDLES = I18nConfiguration.bundle(I18nConfiguration.bundleNames().toArray(String[]::new));

    private EnglishTexts() {
    }

    public static String english(MessageSourceResolvable text) {
        return BUNDLES.getMessage(text, Locale.ENGLISH);
    }
}
