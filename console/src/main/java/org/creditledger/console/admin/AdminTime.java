package org.creditledger.console.admin;

import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The API's instants ({@code 2026-11-30T23:32:05.243Z}, or with an offset) as a person in 广元 reads them: Beijing
 * time to the second. Templates call it as {@code ${@adminTime.of(key.createdAt)}}.
 */
@Component("adminTime")
class AdminTime {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public String of(Object instant) {
        if (instant == null) {
            return "";
        }
        try {
            return OffsetDateTime.parse(instant.toString()).atZoneSameInstant(BEIJING).format(SHOWN);
        } catch (DateTimeParseException notAnInstant) {
            return instant.toString();
        }
    }
}
