package org.creditledger.platform.i18n;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.creditledger.catalogue.api.ListColour;
import org.creditledger.catalogue.api.RepairWaitFrom;
import org.creditledger.catalogue.api.MeasureDomain;
import org.creditledger.catalogue.api.MeasureKind;
import org.creditledger.catalogue.api.MeasureScope;
import org.creditledger.catalogue.api.MeasureBinds;
import org.creditledger.check.api.Capacity;
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
import org.springframework.context.MessageSourceResolvable;
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
        return bundle(bundleNames().toArray(String[]::new));
    }

    /** The given bundles; also for what Tomcat creates outside Spring ({@code ProblemErrorReportValve}). */
    public static MessageSource bundle(String... baseNames) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames(baseNames);
        messages.setDefaultEncoding("UTF-8");
        messages.setDefaultLocale(DEFAULT_LOCALE);
        messages.setFallbackToSystemLocale(false);
        // texts are read by MessageFormat only when they have arguments, so "'" stays an apostrophe in plain texts
        messages.setAlwaysUseMessageFormat(false);
        return messages;
    }

    @Bean
    LocaleResolver localeResolver() {
        return acceptHeaderLocales();
    }

    /** Accept-Language, English on request and Chinese otherwise; also for filters and Tomcat's valve. */
    public static LocaleResolver acceptHeaderLocales() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(SUPPORTED_LOCALES);
        resolver.setDefaultLocale(DEFAULT_LOCALE);
        return resolver;
    }

    /**
     * JSON writes a {@link Text} (e.g. a {@code FieldProblem}'s message) worded in the current language: the request's
     * in an answer, the default where there is no request (an import's row results, written by a background worker).
     */
    @Bean
    Module textJson(MessageSource messages) {
        SimpleModule module = new SimpleModule("ledger-texts");
        module.addSerializer(MessageSourceResolvable.class, new JsonSerializer<>() {
            @Override
            public void serialize(MessageSourceResolvable text, JsonGenerator json, SerializerProvider provider) throws IOException {
                json.writeString(messages.getMessage(text, Labels.currentLocale()));
            }
        });
        return module;
    }

    /** The enums a person sees, listed by {@code GET /api/v1/vocabulary}; features add theirs as further beans. */
    @Bean
    LabelledEnums kernelVocabulary() {
        return LabelledEnums.of(CommitmentType.class, CommitmentStatus.class, Outcome.class, SubjectKind.class,
                Verdict.class, ListColour.class, EntryStatus.class, ExitReason.class, RepairMethod.class,
                MeasureDomain.class, MeasureKind.class, MeasureScope.class, MeasureBinds.class, Capacity.class,
                UnitKind.class, QuotaCounting.class, Role.class);
    }

    /** The lists' repair rules (issue 12): the date a list's minimum wait before repair counts from. */
    @Bean
    LabelledEnums repairRulesVocabulary() {
        return LabelledEnums.of(RepairWaitFrom.class);
    }

    /** Every module's bundles, by base name ({@code i18n/labels} …). */
    public static List<String> bundleNames() {
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
