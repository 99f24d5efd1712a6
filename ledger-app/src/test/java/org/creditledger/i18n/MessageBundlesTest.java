package org.creditledger.i18n;

import org.creditledger.platform.i18n.I18nConfiguration;
import org.creditledger.platform.i18n.Text;
import org.creditledger.platform.web.ProblemType;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text exists in both languages: each bundle's Chinese and English files hold the same keys, every problem type
 * has a title, and every message code the ledger's code names is in both. A missing text would otherwise surface as a
 * 500 in front of a clerk.
 */
class MessageBundlesTest {

    /** The first part of every message code the code may name (enum labels are checked by {@code Labels} at start). */
    private static final Pattern CODE = Pattern.compile(
            "\"((?:problem|access|listing|jointaction|commitment|unit|catalogue|query|chain|readmodel|log|subject)\\.[a-z0-9.-]*[a-z0-9])\"");
    /** Strings that look like codes but are field paths and file names. */
    private static final Set<String> NOT_CODES = Set.of("subject.code", "subject.kind", "subject.name", "chain.csv");
    private static final MessageSource MESSAGES = I18nConfiguration.bundle(I18nConfiguration.bundleNames().toArray(String[]::new));

    @Test
    void everyBundleHasTheSameKeysInChineseAndEnglish() throws IOException {
        assertThat(I18nConfiguration.bundleNames()).contains("i18n/labels", "i18n/problems", "i18n/validation", "i18n/values",
                "i18n/command-problems", "i18n/query-problems", "i18n/chain-problems", "i18n/readmodel-problems");
        for (String bundle : I18nConfiguration.bundleNames()) {
            Properties chinese = load(bundle + "_zh_CN.properties");
            Properties english = load(bundle + "_en.properties");
            assertThat(chinese.stringPropertyNames()).as(bundle).isNotEmpty().isEqualTo(english.stringPropertyNames());
            for (Properties texts : List.of(chinese, english)) {
                for (String key : texts.stringPropertyNames()) {
                    String text = texts.getProperty(key);
                    assertThat(text).as(bundle + " " + key).isNotBlank();
                    if (text.contains("{") && !key.startsWith("jakarta.validation")) {
                        new MessageFormat(text);   // a pattern with arguments must parse
                    }
                }
            }
        }
    }

    @Test
    void everyProblemTypeHasATitleInBothLanguages() {
        for (ProblemType type : ProblemType.values()) {
            String chinese = MESSAGES.getMessage(type.title(), Locale.SIMPLIFIED_CHINESE);
            String english = MESSAGES.getMessage(type.title(), Locale.ENGLISH);
            assertThat(chinese).as(type.name()).isNotBlank().isNotEqualTo(english);
            assertThat(english).as(type.name()).isNotBlank();
        }
    }

    /** The sources of every module but the import package, which keeps its own texts until it is rewritten. */
    @Test
    void everyMessageCodeNamedInTheCodeExistsInBothLanguages() throws IOException {
        Set<String> codes = new TreeSet<>();
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> modules = Files.list(Path.of("..").toAbsolutePath().normalize())) {
            for (Path module : modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.walk(module)) {
                    files.filter(f -> f.toString().endsWith(".java"))
                            .filter(f -> !f.toString().replace('\\', '/').contains("/commitment/imports/"))
                            .forEach(sources::add);
                }
            }
        }
        for (Path source : sources) {
            Matcher codeInSource = CODE.matcher(Files.readString(source));
            while (codeInSource.find()) {
                if (!NOT_CODES.contains(codeInSource.group(1))) {
                    codes.add(codeInSource.group(1));
                }
            }
        }
        assertThat(codes).as("codes found in the sources").hasSizeGreaterThan(150)
                .contains("problem.validation.fields", "listing.subject.already-listed", "subject.uscc.check-digit");
        List<String> missing = new ArrayList<>();
        for (String code : codes) {
            for (Locale locale : I18nConfiguration.SUPPORTED_LOCALES) {
                if (MESSAGES.getMessage(code, null, null, locale) == null) {
                    missing.add(code + " (" + locale + ")");
                }
            }
        }
        assertThat(missing).isEmpty();
        assertThat(MESSAGES.getMessage(Text.of("subject.code.length", 18, 11), Locale.SIMPLIFIED_CHINESE)).isEqualTo("应为 18 位，实际为 11 位");
    }

    private static Properties load(String path) throws IOException {
        Properties properties = new Properties();
        var files = new PathMatchingResourcePatternResolver().getResources("classpath*:" + path);
        assertThat(files).as(path).hasSize(1);
        try (Reader in = new InputStreamReader(files[0].getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }
}
