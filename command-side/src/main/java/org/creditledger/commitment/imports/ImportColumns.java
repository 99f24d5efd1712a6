package org.creditledger.commitment.imports;

import org.creditledger.platform.i18n.I18nConfiguration;
import org.creditledger.platform.i18n.Labels;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The columns of an import and the names a header cell may give them: the code ({@code subjectCode}), the Chinese
 * name ({@code 主体代码}) or an alias offices use ({@code 统一社会信用代码}). Names and aliases live in one place, the
 * {@code imports/vocabulary_zh_CN.properties} (file contents, Chinese only), which the unit-clerk guide publishes. A header is matched ignoring case, blanks
 * and a required-mark ({@code *}); an empty header cell is passed over, and so are the columns the bundle lists as
 * ignored (序号, 备注).
 */
final class ImportColumns {

    /** The columns, in the order of {@link ImportRow}'s cells: {@code POST /commitments} flattened, then letterNo. */
    static final List<String> CODES = List.of("unitId", "type", "subjectKind", "subjectCode", "subjectName",
            "matter", "content", "signedOn", "dueDate", "letterNo");
    static final Set<String> OPTIONAL = Set.of("dueDate", "letterNo");
    /** Columns whose cells are identifiers: a number cell there has lost digits (Excel keeps 15 significant). */
    static final Set<String> CODE_COLUMNS = Set.of("subjectCode");

    /** The columns of an outcome import: the letter (by id, or by number in a unit), then the outcome as posted alone. */
    static final List<String> OUTCOME_CODES = List.of("commitmentId", "letterNo", "unitId", "outcome", "occurredOn", "note");
    /** A row names its letter by one of commitmentId and letterNo; which one is the row's business. */
    static final Set<String> OUTCOME_OPTIONAL = Set.of("commitmentId", "letterNo", "unitId", "note");

    private static final MessageSource BUNDLE = bundle();
    /** The letter table as this module ships it. */
    static final ImportColumns STANDARD = new ImportColumns(BUNDLE, "imports.", CODES, OPTIONAL, CODE_COLUMNS);
    /** The outcome table; its names live under {@code imports.outcomes.} of the same file. */
    static final ImportColumns OUTCOMES = new ImportColumns(BUNDLE, "imports.outcomes.", OUTCOME_CODES, OUTCOME_OPTIONAL, Set.of());

    private final MessageSource messages;
    private final String prefix;
    private final List<String> codes;
    private final Set<String> optional;
    private final Set<String> codeColumns;
    private final Map<String, Integer> byName = new HashMap<>();
    private final Set<String> ignored;

    ImportColumns(MessageSource messages) {
        this(messages, "imports.", CODES, OPTIONAL, CODE_COLUMNS);
    }

    /**
     * @param prefix      of the keys naming the columns ({@code <prefix>column.<code>}, {@code .aliases}), the ignored
     *                    columns ({@code <prefix>columns.ignored}) and the template's texts ({@code <prefix>template.})
     * @param codes       the columns in the order a row's cells are given
     * @param optional    the columns a header may leave out
     * @param codeColumns the columns whose cells are identifiers (a number cell there has lost digits)
     */
    ImportColumns(MessageSource messages, String prefix, List<String> codes, Set<String> optional, Set<String> codeColumns) {
        this.messages = messages;
        this.prefix = prefix;
        this.codes = List.copyOf(codes);
        this.optional = Set.copyOf(optional);
        this.codeColumns = Set.copyOf(codeColumns);
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            for (String name : names(code)) {
                Integer other = byName.put(normalised(name), i);
                if (other != null && other != i) {
                    throw new IllegalStateException("The import column name " + name + " is given to both " + codes.get(other) + " and " + code);
                }
            }
        }
        ignored = list(prefix + "columns.ignored").stream().map(ImportColumns::normalised).collect(Collectors.toUnmodifiableSet());
    }

    /** The columns, in the order of a row's cells. */
    List<String> codes() {
        return codes;
    }

    boolean isOptional(String code) {
        return optional.contains(code);
    }

    boolean isCodeColumn(String code) {
        return codeColumns.contains(code);
    }

    /** A text of this table's template ({@code <prefix>template.<key>}), in Chinese. */
    String templateText(String key) {
        String code = prefix + "template." + key;
        return messages.getMessage(code, null, code, I18nConfiguration.DEFAULT_LOCALE);
    }

    private static MessageSource bundle() {
        ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();
        // with the bundles of the texts an import row may be refused with: the commitment's checks, its values'
        bundle.setBasenames("imports/vocabulary", "i18n/imports", "i18n/command-problems", "i18n/values", "i18n/validation", "i18n/problems",
                "i18n/labels");
        bundle.setDefaultEncoding("UTF-8");
        bundle.setDefaultLocale(I18nConfiguration.DEFAULT_LOCALE);
        bundle.setFallbackToSystemLocale(false);
        bundle.setAlwaysUseMessageFormat(false);
        return bundle;
    }

    /** A text of the {@code i18n/imports} bundle in {@code locale}; {@code fallback} if it has none. */
    String message(String code, Object[] args, String fallback, Locale locale) {
        return messages.getMessage(code, args, fallback, locale);
    }

    /** The column's Chinese name, the template's header. */
    String chineseName(String code) {
        return messages.getMessage(prefix + "column." + code, null, I18nConfiguration.DEFAULT_LOCALE);
    }

    List<String> aliases(String code) {
        return list(prefix + "column." + code + ".aliases");
    }

    /** Every name a header cell may give the column: code, Chinese name, aliases. */
    List<String> names(String code) {
        List<String> names = new ArrayList<>();
        names.add(code);
        names.add(chineseName(code));
        names.addAll(aliases(code));
        return names;
    }

    /**
     * Maps each of {@link #codes()} to its position in the header (-1: absent). Refuses a header cell that names no
     * column (in the caller's language, Chinese unless a request asked otherwise) and a header without a required one.
     */
    int[] indexes(List<String> header) {
        int[] indexes = new int[codes.size()];
        Arrays.fill(indexes, -1);
        for (int at = 0; at < header.size(); at++) {
            String written = header.get(at) == null ? "" : header.get(at).strip();
            String name = normalised(written);
            if (name.isEmpty() || ignored.contains(name)) {
                continue;
            }
            Integer column = byName.get(name);
            if (column == null) {
                throw new UnreadableImportFile(unknownHeader(written, Labels.currentLocale()));
            }
            if (indexes[column] < 0) {
                indexes[column] = at;
            }
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            if (indexes[i] < 0 && !optional.contains(codes.get(i))) {
                missing.add(codes.get(i));
            }
        }
        if (!missing.isEmpty()) {
            List<String> required = codes.stream().filter(c -> !optional.contains(c)).toList();
            List<String> optionals = codes.stream().filter(optional::contains).toList();
            throw new UnreadableImportFile("missing required columns: " + String.join(", ", missing)
                    + " (the header row must name " + String.join(",", required) + "; " + String.join(", ", optionals)
                    + (optionals.size() == 1 ? " is" : " are") + " optional)");
        }
        return indexes;
    }

    String unknownHeader(String written, Locale locale) {
        String accepted = codes.stream().map(code -> {
            List<String> aliases = aliases(code);
            String more = aliases.isEmpty() ? "" : messages.getMessage("imports.file.columnAliases",
                    new Object[]{String.join("、", aliases)}, locale);
            return messages.getMessage("imports.file.columnNames", new Object[]{chineseName(code), code, more}, locale);
        }).collect(Collectors.joining("；"));
        return messages.getMessage("imports.file.unknownHeader", new Object[]{written, accepted}, locale);
    }

    /**
     * The value a short form names ({@code 告知承诺} → {@code NOTIFICATION_IN_LIEU_OF_CERTIFICATE}), from the bundle's
     * {@code imports.alias.<SimpleName>.<CODE>} lists; codes and labels are {@link Labels#parse}'s business.
     */
    <E extends Enum<E>> Optional<E> aliasOf(Class<E> type, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String typed = normalised(text);
        for (E value : type.getEnumConstants()) {
            for (String alias : list("imports.alias." + type.getSimpleName() + "." + value.name())) {
                if (normalised(alias).equals(typed)) {
                    return Optional.of(value);
                }
            }
        }
        return Optional.empty();
    }

    private List<String> list(String key) {
        String value = messages.getMessage(key, null, "", I18nConfiguration.DEFAULT_LOCALE);
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Case, blanks (also full-width ones) and a leading or trailing required-mark do not matter. */
    static String normalised(String name) {
        String compact = name.replaceAll("[\\s\u3000]+", "").replaceAll("^[*＊]+|[*＊]+$", "");
        return compact.toLowerCase(Locale.ROOT);
    }
}
