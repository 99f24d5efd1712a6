package org.creditledger.platform.i18n;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

import java.util.Locale;

/**
 * Words {@link Text}s in the request's language for answers; log lines for operators use {@link OperatorLog}.
 */
@Component
public class Texts {

    private final MessageSource messages;
    private final LocaleResolver locales;

    public Texts(MessageSource messages, LocaleResolver localeResolver) {
        this.messages = messages;
        this.locales = localeResolver;
    }

    /** In the language of the request being answered (Spring MVC), else the default. */
    public String text(MessageSourceResolvable text) {
        return text(text, Labels.currentLocale());
    }

    public String text(MessageSourceResolvable text, Locale locale) {
        return messages.getMessage(text, locale);
    }

    /** The language a request asked for, also outside Spring MVC (filters, entry points): Accept-Language, zh-CN by default. */
    public Locale locale(HttpServletRequest request) {
        return locales.resolveLocale(request);
    }
}
