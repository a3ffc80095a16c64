package dev.godwit.engine.psl;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Parsing of literal default values. */
public final class Literals {
    private Literals() {
    }

    /** An RFC 3339 date-time ({@code 2024-01-01T00:00:00Z}, {@code ...+02:00}), or null. */
    public static OffsetDateTime dateTime(String s) {
        try {
            return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
