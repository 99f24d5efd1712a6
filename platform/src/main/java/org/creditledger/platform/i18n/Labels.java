package org.creditledger.platform.i18n;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The label a person reads for an enum value ({@code Verdict.RESTRICT} → 限制), in the request's language. Every
 * value of every {@link LabelledEnums labelled enum} has a label in every supported language, or the ledger does not
 * start: a missing label is found by the first test, not by a clerk.
 */
@Component
public class Labels {

    private final MessageSource messages;
    private final Map<String, Class<? extends Enum<?>>> types = new TreeMap<>();
    /**
     * Labels already looked up, by language: a batch answer of 1,000 check receipts asks for about 8,000 of them, and
     * the message source's lookup (key built, bundles searched) cost several milliseconds of the batch (issue 13). The
     * bundles are read once (no reload), so a label never changes while the ledger runs.
     */
    private final Map<Locale, Map<Enum<?>, String>> looked = new ConcurrentHashMap<>();

    public Labels(MessageSource messages, List<LabelledEnums> declared) {
        this.messages = messages;
        declared.forEach(d -> d.types().forEach(type -> {
            Class<? extends Enum<?>> other = types.put(type.getSimpleName(), type);
            if (other != null && other != type) {
                throw new IllegalStateException("Two labelled enums are called " + type.getSimpleName() + ": " + other.getName()
                        + " and " + type.getName() + "; their labels would share keys");
            }
        }));
        List<String> missing = new ArrayList<>();
        for (Class<? extends Enum<?>> type : types.values()) {
            for (Enum<?> value : type.getEnumConstants()) {
                for (Locale locale : I18nConfiguration.SUPPORTED_LOCALES) {
                    if (messages.getMessage(key(value), null, null, locale) == null) {
                        missing.add(key(value) + " (" + locale + ")");
                    }
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Enum values without a label: " + String.join(", ", missing));
        }
    }

    /** The request's language, or the default (Chinese) outside a request. */
    public static Locale currentLocale() {
        LocaleContext context = LocaleContextHolder.getLocaleContext();
        Locale locale = context == null ? null : context.getLocale();
        return locale == null ? I18nConfiguration.DEFAULT_LOCALE : locale;
    }

    public boolean isLabelled(Class<?> type) {
        return type.isEnum() && types.get(type.getSimpleName()) == type;
    }

    public String label(Enum<?> value) {
        return label(value, currentLocale());
    }

    public String label(Enum<?> value, Locale locale) {
        if (!I18nConfiguration.SUPPORTED_LOCALES.contains(locale)) {
            return messages.getMessage(key(value), null, value.name(), locale); // kept out of the cache: it stays bounded
        }
        return looked.computeIfAbsent(locale, l -> new ConcurrentHashMap<>())
                .computeIfAbsent(value, v -> messages.getMessage(key(v), null, v.name(), locale));
    }

    /**
     * The value a person typed: its code (any case) or its label in any supported language, surrounding blanks
     * ignored. Empty when it is neither.
     */
    public <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String typed = text.strip();
        for (E value : type.getEnumConstants()) {
            if (value.name().equalsIgnoreCase(typed)) {
                return Optional.of(value);
            }
            for (Locale locale : I18nConfiguration.SUPPORTED_LOCALES) {
                if (label(value, locale).equalsIgnoreCase(typed)) {
                    return Optional.of(value);
                }
            }
        }
        return Optional.empty();
    }

    /** Every labelled enum, by simple name, with its values in declaration order. */
    public Map<String, List<CodeLabel>> vocabulary(Locale locale) {
        Map<String, List<CodeLabel>> vocabulary = new LinkedHashMap<>();
        types.forEach((name, type) -> vocabulary.put(name, Arrays.stream(type.getEnumConstants())
                .map(value -> new CodeLabel(value.name(), label(value, locale)))
                .toList()));
        return vocabulary;
    }

    private static String key(Enum<?> value) {
        return "enum." + value.getDeclaringClass().getSimpleName() + "." + value.name();
    }

    /** One value as a person sees it. */
    public record CodeLabel(String code, String label) {
    }
}
