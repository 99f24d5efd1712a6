package org.creditledger.export;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * What a JSON value is in a sheet: JSON numbers are numbers; {@code YYYY-MM-DD} is a date; an instant is a date and
 * time in Asia/Shanghai (the day a clerk means); every other string, codes included, is text — an 18-digit
 * 身份证 or 统一社会信用代码 never becomes a number.
 */
final class Cells {

    static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})");

    private Cells() {
    }

    sealed interface Cell permits Blank, Number, Text, Date, DateTime, Bool {
    }

    record Blank() implements Cell {
    }

    record Number(JsonNode value) implements Cell {
    }

    record Text(String value) implements Cell {
    }

    record Date(LocalDate value) implements Cell {
    }

    record DateTime(LocalDateTime value) implements Cell {
    }

    record Bool(boolean value) implements Cell {
    }

    static Cell of(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return new Blank();
        }
        if (value.isNumber()) {
            return new Number(value);
        }
        if (value.isBoolean()) {
            return new Bool(value.booleanValue());
        }
        String text = value.asText();
        try {
            if (DATE.matcher(text).matches()) {
                return new Date(LocalDate.parse(text));
            }
            if (INSTANT.matcher(text).matches()) {
                return new DateTime(OffsetDateTime.parse(text).atZoneSameInstant(BUSINESS_ZONE).toLocalDateTime());
            }
        } catch (DateTimeParseException notADate) {
            // 2025-13-45 is text
        }
        return new Text(text);
    }
}
