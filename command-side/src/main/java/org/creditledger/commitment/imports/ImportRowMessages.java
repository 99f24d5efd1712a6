package org.creditledger.commitment.imports;

import org.creditledger.platform.i18n.I18nConfiguration;
import org.creditledger.platform.i18n.Labels;
import org.creditledger.platform.web.FieldProblem;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The row problems this package writes (codes of the {@code i18n/imports} bundle) and how a stored
 * {@link RowProblem} is put into words for a reader.
 */
final class ImportRowMessages {

    /** {@code {0}} the value as written, {@code {1}} the simple name of its enum (put into words as its values). */
    static final String UNKNOWN_VALUE = "imports.row.unknownValue";
    static final String NOT_A_DATE = "imports.row.notADate";
    static final String NUMBER_CELL = "imports.row.numberCell";
    static final String OWN_UNIT_ONLY = "imports.row.ownUnitOnly";
    static final String UNKNOWN_UNIT = "imports.row.unknownUnit";
    static final String NOT_STORED = "imports.row.notStored";
    static final String NOT_POSTED = "imports.row.notPosted";
    // outcome imports
    static final String OWN_UNIT_OUTCOMES_ONLY = "imports.row.ownUnitOutcomesOnly";
    static final String NO_LETTER = "imports.row.noLetter";
    static final String UNIT_FOR_LETTER_NO = "imports.row.unitForLetterNo";
    static final String UNKNOWN_LETTER_NO = "imports.row.unknownLetterNo";
    static final String NOT_A_COMMITMENT_ID = "imports.row.notACommitmentId";
    static final String UNKNOWN_LETTER = "imports.row.unknownLetter";
    static final String LETTER_MISMATCH = "imports.row.letterMismatch";

    private ImportRowMessages() {
    }

    /** A problem of this package, with its Chinese text kept beside the code. */
    static RowProblem problem(Labels labels, String field, String code, String... args) {
        RowProblem coded = new RowProblem(field, code, List.of(args), null);
        return new RowProblem(field, code, coded.args(), text(coded, labels, I18nConfiguration.DEFAULT_LOCALE));
    }

    static FieldProblem inWords(RowProblem problem, Labels labels, Locale locale) {
        return new FieldProblem(problem.field(), text(problem, labels, locale));
    }

    /** The problem in {@code locale}: its code's text if it has one, else the text stored with it. */
    static String text(RowProblem problem, Labels labels, Locale locale) {
        if (problem.code() == null) {
            return problem.message();
        }
        Object[] args = problem.args().toArray();
        if (UNKNOWN_VALUE.equals(problem.code()) && args.length == 2) {
            args[1] = allowed(labels, (String) args[1], locale);
        }
        return ImportColumns.STANDARD.message(problem.code(), args.length == 0 ? null : args, problem.message(), locale);
    }

    /** The values of an enum as a reader of {@code locale} would type them: Chinese labels, or else the codes. */
    private static String allowed(Labels labels, String enumName, Locale locale) {
        List<Labels.CodeLabel> values = labels.vocabulary(locale).get(enumName);
        if (values == null) {
            return enumName;
        }
        boolean chinese = Locale.CHINESE.getLanguage().equals(locale.getLanguage());
        return values.stream().map(v -> chinese ? v.label() : v.code()).collect(Collectors.joining(chinese ? "、" : ", "));
    }
}
