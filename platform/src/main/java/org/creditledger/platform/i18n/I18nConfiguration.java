package org.creditledger.platform.i18n;

import org.creditledger.catalogue.api.ListColour;
import org.creditledger.catalogue.api.MeasureDomain;
import org.creditledger.catalogue.api.MeasureKind;
import org.creditledger.catalogue.api.MeasureScope;
import org.creditledger.check.api.Verdict;
import org.creditledger.commitment.api.CommitmentStatus;
import org.creditledger.commitment.api.CommitmentType;
import org.creditledger.commitment.api.Outcome;
import org.creditledger.listing.api.EntryStatus;
import org.creditledger.listing.api.ExitReason;
import org.creditledger.listing.api.RepairMethod;
import org.creditledger.platform.access.Role;
import org.creditledger.subject.SubjectKind;
import org.creditledger.unit.api.QuotaCounting;
import org.creditledger.unit.api.UnitKind;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Chinese first: every text a person reads comes from {@code i18n/<bundle>_zh_CN.properties} (the default) or
 * {@code i18n/<bundle>_en.properties} ({@code Accept-Language: en}), in whichever module owns the text. Each module
 * names its bundles after their content ({@code labels}, {@code problems} …); a bundle name used by two modules would
 * hide one of them, so it stops the start.
 */
@Configuration(proxyBeanMethods = false)
public class I18nConfiguration {

    /** The language of every answer unless the request asks for English. */
    public static final Locale DEFAULT_LOCALE = Locale.SIMPLIFIED_CHINESE;
    public static final List<Locale> SUPPORTED_LOCALES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    private static final String BUNDLES = "classpath*:i18n/*_zh_CN.properties";

    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames(bundleNames().toArray(String[]::new));
        messages.setDefaultEncoding("UTF-8");
        messages.setDefaultLocale(DEFAULT_LOCALE);
        messages.setFallbackToSystemLocale(false);
        // texts are read by MessageFormat only when they have arguments, so "'" stays an apostrophe in plain texts
        messages.setAlwaysUseMessageFormat(false);
        return messages;
    }

    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(SUPPORTED_LOCALES);
        resolver.setDefaultLocale(DEFAULT_LOCALE);
        return resolver;
    }

    /** The enums a person sees, listed by {@code GET /api/v1/vocabulary}; features add theirs as further beans. */
    @Bean
    LabelledEnums kernelVocabulary() {
        return LabelledEnums.of(CommitmentType.class, CommitmentStatus.class, Outcome.class, SubjectKind.class,
                Verdict.class, ListColour.class, EntryStatus.class, ExitReason.class, RepairMethod.class,
                MeasureDomain.class, MeasureKind.class, MeasureScope.class, UnitKind.class, QuotaCounting.class,
                Role.class);
    }

    static List<String> bundleNames() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(BUNDLES);
            TreeSet<String> names = new TreeSet<>();
            for (Resource file : files) {
                String name = "i18n/" + file.getFilename().substring(0, file.getFilename().length() - "_zh_CN.properties".length());
                if (!names.add(name)) {
                    throw new IllegalStateException("Two modules contain the message bundle " + name
                            + "; give one of them another name, or one hides the other's texts");
                }
            }
            return List.copyOf(names);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the message bundles", e);
        }
    }
}
